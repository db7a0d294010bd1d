package dev.cantor.engine.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.runtime.NoGrad;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The convolution's values and gradients against sums done by hand. The shapes include ones whose
 * float32 input gradient PyTorch's native convolution got wrong on this machine (batch 2 with one
 * channel; 4 channels over 8000 samples), which is why the layer trains through im2col.
 */
class Conv1dLayerGradientTest {

    @ParameterizedTest(name = "batch {0}, {1}→{2} channels, T {3}, kernel {4}, stride {5}, dilation {6}")
    @CsvSource({
        "2, 1, 1, 2000, 3, 1, 1",
        "1, 4, 1, 8000, 3, 1, 1",
        "2, 4, 6, 3000, 3, 1, 3",
        "2, 3, 5, 4000, 7, 1, 1",
        "2, 4, 8, 2400, 8, 4, 1",
        "1, 6, 4, 1000, 4, 2, 1",
        "2, 5, 3, 500, 1, 1, 1"
    })
    void valuesAndGradientsMatchAHandComputedConvolution(int batch, int in, int out, int t, int kernel,
                                                          int stride, int dilation) {
        Random random = new Random(31L * t + in);
        float[] x = gaussian(random, batch * in * t);
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(manager, 3)) {
            Conv1dLayer layer = new Conv1dLayer(store, "conv", in, out, kernel, stride, dilation, 1.0);
            float[] w = store.parameter("conv.weight").toFloatArray();
            float[] bias = gaussian(random, out);
            store.parameter("conv.bias").set(bias);
            int steps = t / stride;
            float[] upstream = gaussian(random, batch * out * steps);
            Reference ref = new Reference(batch, in, out, t, kernel, stride, dilation, x, w, bias, upstream);

            float[] inferred;
            try (NDManager step = manager.newSubManager(); NoGrad off = NoGrad.begin()) {
                ParameterStore.Bound bound = store.bind(step);
                NDArray input = step.create(x, new Shape(batch, in, t));
                assertFalse(NoGrad.recording(), "gradients are off");
                inferred = layer.forward(bound, input).toFloatArray();
            }
            assertClose(ref.output(), inferred, 1e-5, "inference output");

            try (NDManager step = manager.newSubManager()) {
                NDArray input = step.create(x, new Shape(batch, in, t));
                input.setRequiresGradient(true);
                float[] trained;
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    ParameterStore.Bound bound = store.bind(step);
                    NDArray y = layer.forward(bound, input);
                    trained = y.toFloatArray();
                    collector.backward(y.mul(step.create(upstream, new Shape(batch, out, steps))).sum());
                }
                assertClose(ref.output(), trained, 1e-5, "training output");
                assertClose(ref.inputGradient(), input.getGradient().toFloatArray(), 1e-5, "input gradient");
                assertClose(ref.weightGradient(), store.parameter("conv.weight").getGradient().toFloatArray(),
                        1e-5, "weight gradient");
            }
        }
    }

    /** Relative RMS error below {@code tolerance}. */
    private static void assertClose(double[] expected, float[] actual, double tolerance, String what) {
        double error = 0;
        double norm = 0;
        for (int i = 0; i < expected.length; i++) {
            error += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            norm += expected[i] * expected[i];
        }
        double relative = Math.sqrt(error / norm);
        assertTrue(relative < tolerance, what + ": relative error " + relative);
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** y[b,o,s] = bias[o] + Σ w[o,c,j]·x[b,c,s·stride + j·dilation − left], zero outside x. */
    private record Reference(int batch, int in, int out, int t, int kernel, int stride, int dilation,
                             float[] x, float[] w, float[] bias, float[] upstream) {

        int left() {
            return (dilation * (kernel - 1) + 1 - stride) / 2;
        }

        int steps() {
            return t / stride;
        }

        /** Index into x of tap j for output s, or −1 in the padding. */
        int tap(int b, int c, int s, int j) {
            int at = s * stride + j * dilation - left();
            return at < 0 || at >= t ? -1 : (b * in + c) * t + at;
        }

        double[] output() {
            double[] y = new double[batch * out * steps()];
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    for (int s = 0; s < steps(); s++) {
                        double sum = bias[o];
                        for (int c = 0; c < in; c++) {
                            for (int j = 0; j < kernel; j++) {
                                int at = tap(b, c, s, j);
                                if (at >= 0) {
                                    sum += w[(o * in + c) * kernel + j] * (double) x[at];
                                }
                            }
                        }
                        y[(b * out + o) * steps() + s] = sum;
                    }
                }
            }
            return y;
        }

        double[] inputGradient() {
            double[] g = new double[x.length];
            forEachTap((at, wi, u) -> g[at] += u * w[wi]);
            return g;
        }

        double[] weightGradient() {
            double[] g = new double[w.length];
            forEachTap((at, wi, u) -> g[wi] += u * x[at]);
            return g;
        }

        private void forEachTap(Tap visitor) {
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < out; o++) {
                    for (int s = 0; s < steps(); s++) {
                        double u = upstream[(b * out + o) * steps() + s];
                        for (int c = 0; c < in; c++) {
                            for (int j = 0; j < kernel; j++) {
                                int at = tap(b, c, s, j);
                                if (at >= 0) {
                                    visitor.visit(at, (o * in + c) * kernel + j, u);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private interface Tap {
        void visit(int at, int weightIndex, double upstream);
    }
}
