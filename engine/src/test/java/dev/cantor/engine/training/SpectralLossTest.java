package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.runtime.NoGrad;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpectralLossTest {

    private static final int RATE = 32000;

    /** Noise over the whole band plus two tones: every mel band has power well above the floor. */
    private static float[] broadband(int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (0.1 * (rng.nextDouble() * 2 - 1) + 0.2 * Math.sin(2 * Math.PI * 440 * i / RATE)
                    + 0.1 * Math.sin(2 * Math.PI * 3000 * i / RATE));
        }
        return x;
    }

    @Test
    void theAverageSpectrumDistanceIsZeroForACopyAndTheLogPowerRatioForAScaledOne() {
        SpectralLoss loss = SpectralLoss.standard(RATE);
        float[] x = broadband(16000, 1);
        float[] half = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            half[i] = 0.5f * x[i];
        }
        try (NDManager m = NDManager.newBaseManager(); NoGrad off = NoGrad.begin()) {
            NDArray a = m.create(x, new Shape(1, 1, x.length));
            NDArray b = m.create(half, new Shape(1, 1, x.length));
            assertEquals(0, loss.logAverageSpectrumL1(a, a).getFloat(), 1e-6);
            // Half the amplitude is a quarter of the power in every band: |ln 0.25| = 1.386.
            assertEquals(Math.log(4), loss.logAverageSpectrumL1(b, a).getFloat(), 1e-3);
        }
    }

    @Test
    void itIgnoresWhenThingsHappenOnlyHowMuchOfEachBandThereIs() {
        SpectralLoss loss = SpectralLoss.standard(RATE);
        float[] x = broadband(16000, 2);
        float[] reversed = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = x[x.length - 1 - i];
        }
        try (NDManager m = NDManager.newBaseManager(); NoGrad off = NoGrad.begin()) {
            NDArray a = m.create(x, new Shape(1, 1, x.length));
            NDArray r = m.create(reversed, new Shape(1, 1, x.length));
            float average = loss.logAverageSpectrumL1(r, a).getFloat();
            float frames = loss.logMelL1(r, a).getFloat();
            assertTrue(average < 0.05, "the same spectrum over the crop: " + average);
            assertTrue(frames > 5 * average, "while frame by frame they differ: " + frames);
        }
    }
}
