package dev.cantor.engine.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LmAverageTest {

    private static final LmConfig TINY = new LmConfig(4, 16, 16, 1, 2, 32, 8, 384, 0.0);

    @Test
    void everyWeightIsTheWeightedMeanOfTheModels() {
        try (TransformerLm a = TransformerLm.create(TINY, 1); TransformerLm b = TransformerLm.create(TINY, 2);
             TransformerLm mean = LmAverage.of(List.of(a, b), new double[] {1, 3})) {
            int checked = 0;
            for (String name : a.parameters().parameters().keySet()) {
                float[] x = a.parameters().parameter(name).toFloatArray();
                float[] y = b.parameters().parameter(name).toFloatArray();
                float[] m = mean.parameters().parameter(name).toFloatArray();
                for (int i = 0; i < m.length; i++) {
                    assertEquals(0.25 * x[i] + 0.75 * y[i], m[i], 1e-6, name + "[" + i + "]");
                    checked++;
                }
            }
            assertEquals(a.parameters().parameterCount(), checked, "every weight");
        }
    }

    @Test
    void modelsOfOtherShapesAndBadWeightsAreRefused() {
        try (TransformerLm a = TransformerLm.create(TINY, 1); TransformerLm b = TransformerLm.create(TINY, 2);
             TransformerLm rotary = TransformerLm.create(TINY.withRotaryPositions(), 3)) {
            assertThrows(IllegalArgumentException.class, () -> LmAverage.of(List.of(a, rotary), new double[] {1, 1}));
            assertThrows(IllegalArgumentException.class, () -> LmAverage.of(List.of(a), new double[] {1}));
            assertThrows(IllegalArgumentException.class, () -> LmAverage.of(List.of(a, b), new double[] {1, 0}));
            assertThrows(IllegalArgumentException.class, () -> LmAverage.of(List.of(a, b), new double[] {1}));
        }
    }
}
