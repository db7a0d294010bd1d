package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MmdLossTest {

    private static final int BATCH = 4;
    private static final int FRAMES = 200;
    private static final int DIM = 3;

    /** Stage 0 iid Gaussian; stage 1 built by {@code link}. */
    private static List<NDArray> stages(NDManager m, String link, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] a = new float[BATCH * FRAMES * DIM];
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        for (int bi = 0; bi < BATCH; bi++) {
            for (int t = 0; t < FRAMES; t++) {
                for (int d = 0; d < DIM; d++) {
                    int i = (bi * FRAMES + t) * DIM + d;
                    float noise = (float) (0.1 * r.nextGaussian());
                    b[i] = switch (link) {
                        case "independent" -> (float) r.nextGaussian();
                        case "same-frame" -> a[i] + noise;
                        // codebook 1 at frame t mirrors codebook 0 at frame t+1: what one LM step emits together
                        case "next-frame" -> t + 1 < FRAMES ? a[i + DIM] + noise : (float) r.nextGaussian();
                        default -> throw new IllegalArgumentException(link);
                    };
                }
            }
        }
        return List.of(m.create(a, new Shape(BATCH * FRAMES, DIM)), m.create(b, new Shape(BATCH * FRAMES, DIM)));
    }

    @Test
    void nearZeroForIndependentCodebooksAndClearlyPositiveForDependentOnes() {
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice())) {
            double independent = MmdLoss.aligned(stages(m, "independent", 1), new SplittableRandom(2)).getFloat();
            double dependent = MmdLoss.aligned(stages(m, "same-frame", 1), new SplittableRandom(2)).getFloat();
            System.out.printf("aligned MMD: independent %.5f, dependent %.5f%n", independent, dependent);
            assertTrue(Math.abs(independent) < 0.01, "independent: " + independent);
            assertTrue(dependent > 0.04, "dependent: " + dependent);
            assertTrue(dependent > 10 * Math.abs(independent));
        }
    }

    @Test
    void delayedFormSeesDependenceAcrossTheDelayPatternThatTheAlignedFormMisses() {
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice())) {
            List<NDArray> s = stages(m, "next-frame", 3);
            double aligned = MmdLoss.aligned(s, new SplittableRandom(4)).getFloat();
            double delayed = MmdLoss.delayed(s, BATCH, new SplittableRandom(4)).getFloat();
            System.out.printf("next-frame link: aligned %.5f, delayed %.5f%n", aligned, delayed);
            assertTrue(Math.abs(aligned) < 0.01, "aligned should see independence: " + aligned);
            assertTrue(delayed > 0.04, "delayed should see the dependence: " + delayed);
        }
    }
}
