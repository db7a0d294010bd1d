package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.runtime.NoGrad;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InverseStftTest {

    /**
     * The analysis that {@link InverseStft} inverts, written out as a plain DFT: frame t covers
     * [t·hop − 1.5·hop, t·hop + 2.5·hop), zeros outside the signal, periodic Hann window.
     *
     * @return {real, imag}, each [frames][bins]
     */
    static double[][][] stft(float[] x, int hop) {
        int n = 4 * hop;
        int bins = n / 2 + 1;
        int frames = x.length / hop;
        float[] w = InverseStft.hann(n);
        double[][][] out = new double[2][frames][bins];
        for (int t = 0; t < frames; t++) {
            int first = t * hop - 3 * hop / 2;
            for (int k = 0; k < bins; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    int s = first + i;
                    if (s < 0 || s >= x.length) {
                        continue;
                    }
                    double angle = 2 * Math.PI * ((long) k * i % n) / n;
                    re += x[s] * w[i] * Math.cos(angle);
                    im -= x[s] * w[i] * Math.sin(angle);
                }
                out[0][t][k] = re;
                out[1][t][k] = im;
            }
        }
        return out;
    }

    @Test
    void reconstructsASignalFromItsStftToWithin1e4() {
        int hop = 16;
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[hop * 12];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 8000.0) + 0.3 * (rng.nextDouble() * 2 - 1));
        }
        double[][][] spec = stft(x, hop);
        try (NDManager m = NDManager.newBaseManager(); NoGrad off = NoGrad.begin()) {
            InverseStft istft = new InverseStft(hop, m);
            NDArray re = m.create(flatten(spec[0]), new Shape(1, spec[0].length, istft.bins()));
            NDArray im = m.create(flatten(spec[1]), new Shape(1, spec[1].length, istft.bins()));
            float[] y = istft.inverse(re, im).toFloatArray();
            assertEquals(x.length, y.length, "T frames make T·hop samples");
            double worst = 0;
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(x[i] - y[i]));
            }
            assertTrue(worst < 1e-4, "largest error " + worst + ", at the edges too");
        }
    }

    private static float[] flatten(double[][] a) {
        float[] out = new float[a.length * a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[i * a[0].length + j] = (float) a[i][j];
            }
        }
        return out;
    }
}
