package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.dsp.AudioMetrics;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiSnrLossTest {

    @Test
    void theLossIsMinusTheEvaluationsSiSnrAveragedOverTheBatch() {
        Random r = new Random(3);
        int n = 4000;
        float[] ref = new float[2 * n];
        float[] est = new float[2 * n];
        for (int i = 0; i < n; i++) {
            ref[i] = (float) Math.sin(i * 0.05) + 0.1f;              // an offset, which SI-SNR ignores
            est[i] = 0.5f * ref[i] + 0.2f * (float) r.nextGaussian();
            ref[n + i] = (float) r.nextGaussian();
            est[n + i] = -3 * ref[n + i] + 0.5f * (float) r.nextGaussian();
        }
        double expected = (AudioMetrics.siSnrDb(ref, est, 0, n) + AudioMetrics.siSnrDb(ref, est, n, n)) / 2;
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = SiSnrLoss.negativeDb(m.create(est, new Shape(2, 1, n)), m.create(ref, new Shape(2, 1, n)))
                    .getFloat();
            assertEquals(-expected, loss, 0.01, "loss vs the evaluation's figure");
            assertTrue(expected > 5, "the test signals are not trivial: " + expected);
        }
    }

    @Test
    void silenceGivesAFiniteLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            float loss = SiSnrLoss.negativeDb(m.create(new float[640], new Shape(1, 1, 640)),
                    m.create(new float[640], new Shape(1, 1, 640))).getFloat();
            assertTrue(Float.isFinite(loss), "silence: " + loss);
        }
    }
}
