package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.nn.ParameterStore;
import org.junit.jupiter.api.Test;

class AdamOptimizerTest {

    private static void backward(ParameterStore store, NDManager step, float factor) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray w = store.bind(step).get("w");
            gc.backward(w.mul(factor).sum());
        }
    }

    @Test
    void aNonFiniteGradientIsSkippedAndDoesNotPoisonLaterSteps() {
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 1)) {
            store.addParameter("w", new Shape(3), new float[] {1, 2, 3});
            AdamOptimizer adam = new AdamOptimizer(store, 0.9, 0.999, 1e-8, 0);
            try (NDManager step = root.newSubManager()) {
                backward(store, step, Float.NaN);
                double norm = adam.step(step, 0.1);
                assertTrue(Double.isNaN(norm));
                assertArrayEquals(new float[] {1, 2, 3}, store.parameter("w").toFloatArray(), "skipped step changes nothing");
            }
            try (NDManager step = root.newSubManager()) {
                backward(store, step, 1f);
                double norm = adam.step(step, 0.1);
                assertTrue(Double.isFinite(norm), "the next step has a clean gradient: " + norm);
                float[] w = store.parameter("w").toFloatArray();
                assertTrue(w[0] < 1 && w[1] < 2 && w[2] < 3, "and descends");
            }
        }
    }
}
