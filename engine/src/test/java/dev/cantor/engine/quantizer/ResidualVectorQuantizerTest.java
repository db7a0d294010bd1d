package dev.cantor.engine.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.nn.ParameterStore;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResidualVectorQuantizerTest {

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void straightThroughPassesTheGradientUnchangedAndValuesAreTheCodes() {
        int rows = 40;
        int dim = 6;
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 1)) {
            ResidualVectorQuantizer rvq = new ResidualVectorQuantizer(store, 3, 16, dim, 0.9f, 0.05f);
            store.addParameter("x", new Shape(rows, dim), gaussian(rows * dim, 2));
            NDArray grad;
            long[][] codes;
            float[] quantizedValues;
            try (NDManager init = root.newSubManager()) {
                ParameterStore.Bound p = store.bind(init);
                rvq.forward(store, p, p.get("x"), 3, true, new SplittableRandom(3)); // seeds the codebooks
            }
            try (NDManager step = root.newSubManager()) {
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    ParameterStore.Bound p = store.bind(step);
                    ResidualVectorQuantizer.Output out = rvq.forward(store, p, p.get("x"), 3, false, new SplittableRandom(3));
                    codes = out.codes();
                    quantizedValues = out.quantized().toFloatArray();
                    // Weight each element differently so the test sees element-wise gradients.
                    NDArray weights = step.arange(rows * dim).reshape(rows, dim).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                    gc.backward(out.quantized().mul(weights).sum());
                }
                grad = store.parameter("x").getGradient();
                float[] g = grad.toFloatArray();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(i, g[i], 1e-4, "straight-through gradient at " + i);
                }
                // Forward value is the sum of the code vectors, not the input.
                float[] decoded = rvq.decode(store, step, codes).toFloatArray();
                assertArrayEquals(decoded, quantizedValues, 1e-5f);
            }
        }
    }

    @Test
    void moreStagesQuantizeMoreFinelyAfterLearning() {
        int rows = 256;
        int dim = 4;
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 1)) {
            ResidualVectorQuantizer rvq = new ResidualVectorQuantizer(store, 3, 32, dim, 0.8f, 0.05f);
            float[] data = gaussian(rows * dim, 5);
            SplittableRandom rng = new SplittableRandom(7);
            for (int i = 0; i < 30; i++) {
                try (NDManager step = root.newSubManager()) {
                    ParameterStore.Bound p = store.bind(step);
                    rvq.forward(store, p, step.create(data, new Shape(rows, dim)), 3, true, rng);
                }
            }
            double[] errors = new double[3];
            try (NDManager step = root.newSubManager()) {
                ParameterStore.Bound p = store.bind(step);
                NDArray x = step.create(data, new Shape(rows, dim));
                long[][] all = rvq.encode(store, p, x);
                for (int k = 1; k <= 3; k++) {
                    long[][] first = java.util.Arrays.copyOf(all, k);
                    errors[k - 1] = rvq.decode(store, step, first).sub(x).square().mean().getFloat();
                }
            }
            assertTrue(errors[0] < 0.5, "one learned stage should explain most variance: " + errors[0]);
            assertTrue(errors[1] < errors[0] && errors[2] < errors[1],
                    "each stage should reduce the error: " + java.util.Arrays.toString(errors));
        }
    }
}
