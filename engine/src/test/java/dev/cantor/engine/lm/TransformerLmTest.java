package dev.cantor.engine.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.cantor.engine.data.Mode;
import dev.cantor.engine.nn.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerLmTest {

    static final LmConfig CONFIG = new LmConfig(4, 32, 32, 2, 2, 64, 40, 384, 0.0);

    static float[] randomText(Random r) {
        float[] t = new float[384];
        double n = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.nextGaussian();
            n += t[i] * t[i];
        }
        for (int i = 0; i < t.length; i++) {
            t[i] /= (float) Math.sqrt(n);
        }
        return t;
    }

    static List<LmCondition> conditions(Random r) {
        int[] melody = new int[30];
        for (int i = 0; i < melody.length; i++) {
            melody[i] = r.nextInt(13);
        }
        return List.of(new LmCondition(randomText(r), 93.0, 5, Mode.MINOR, melody), LmCondition.NONE);
    }

    /** Logits of every step [rows, S, K, V] computed in one pass, no cache. */
    static float[] fullLogits(TransformerLm lm, List<LmCondition> conds, int[] tokens, int[] melody, int steps) {
        try (NDManager m = lm.manager().newSubManager()) {
            ParameterStore.Bound p = lm.parameters().bind(m);
            NDArray x = lm.embedPrefix(p, m, conds).concat(lm.embedSteps(p, m, tokens, melody, conds.size(), steps, 0), 1);
            NDArray h = lm.hidden(p, x, null, 0f).get(new NDIndex(":, {}:, :", LmConfig.PREFIX));
            return lm.logits(p, h).toFloatArray();
        }
    }

    @Test
    void kvCacheGivesTheSameLogitsAsFullRecomputation() {
        Random r = new Random(1);
        try (TransformerLm lm = TransformerLm.create(CONFIG, 7)) {
            List<LmCondition> conds = conditions(r);
            int rows = conds.size();
            int steps = 12;
            int k = CONFIG.numCodebooks();
            int v = CONFIG.codebookSize();
            int[] tokens = new int[rows * steps * k];
            int[] melody = new int[rows * steps];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = r.nextInt(v + 1);
            }
            for (int i = 0; i < melody.length; i++) {
                melody[i] = r.nextInt(LmCondition.MELODY_SYMBOLS);
            }
            float[] full = fullLogits(lm, conds, tokens, melody, steps);
            int prefill = 3;      // prefix and 3 steps in one pass, then one step at a time
            double worst = 0;
            try (NDManager session = lm.manager().newSubManager(); KvCache cache = lm.newCache(session)) {
                try (NDManager m = session.newSubManager()) {
                    ParameterStore.Bound p = lm.parameters().bind(m);
                    NDArray x = lm.embedPrefix(p, m, conds).concat(lm.embedSteps(p, m,
                            slice(tokens, rows, steps, k, 0, prefill), slice(melody, rows, steps, 1, 0, prefill),
                            rows, prefill, 0), 1);
                    float[] got = lm.logits(p, lm.hidden(p, x, cache, 0f)
                            .get(new NDIndex(":, {}:, :", LmConfig.PREFIX))).toFloatArray();
                    worst = Math.max(worst, compare(full, got, rows, steps, 0, prefill, k * v));
                }
                for (int s = prefill; s < steps; s++) {
                    try (NDManager m = session.newSubManager()) {
                        ParameterStore.Bound p = lm.parameters().bind(m);
                        NDArray x = lm.embedSteps(p, m, slice(tokens, rows, steps, k, s, 1),
                                slice(melody, rows, steps, 1, s, 1), rows, 1, s);
                        float[] got = lm.logits(p, lm.hidden(p, x, cache, 0f)).toFloatArray();
                        worst = Math.max(worst, compare(full, got, rows, steps, s, 1, k * v));
                    }
                }
                assertEquals(LmConfig.PREFIX + steps, cache.length());
            }
            assertTrue(worst < 1e-4, "max |cached − full| = " + worst);
        }
    }

    @Test
    void conditionsChangeThePrediction() {
        Random r = new Random(2);
        try (TransformerLm lm = TransformerLm.create(CONFIG, 3)) {
            List<LmCondition> conds = conditions(r);
            int[] tokens = new int[2 * 2 * 4];
            int[] melody = {LmCondition.MELODY_NONE, 1, LmCondition.MELODY_NONE, 1};
            float[] logits = fullLogits(lm, conds, tokens, melody, 2);
            int half = logits.length / 2;
            double diff = 0;
            for (int i = 0; i < half; i++) {
                diff = Math.max(diff, Math.abs(logits[i] - logits[half + i]));
            }
            assertTrue(diff > 1e-3, "conditioned and unconditioned rows are identical");
        }
    }

    @Test
    void saveAndLoadGiveIdenticalLogits(@TempDir Path dir) throws Exception {
        Random r = new Random(4);
        List<LmCondition> conds = conditions(r);
        int[] tokens = new int[2 * 5 * 4];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = r.nextInt(33);
        }
        int[] melody = new int[10];
        float[] before;
        try (TransformerLm lm = TransformerLm.create(CONFIG, 5)) {
            before = fullLogits(lm, conds, tokens, melody, 5);
            lm.save(dir);
        }
        assertEquals(CONFIG, TransformerLm.readConfig(dir));
        try (TransformerLm loaded = TransformerLm.load(dir)) {
            float[] after = fullLogits(loaded, conds, tokens, melody, 5);
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], after[i], 0f);
            }
        }
    }

    @Test
    void sequencesLongerThanTheWindowAreRefused() {
        try (TransformerLm lm = TransformerLm.create(CONFIG, 1); NDManager m = lm.manager().newSubManager()) {
            int steps = CONFIG.maxFrames() + CONFIG.numCodebooks();
            assertThrows(IllegalArgumentException.class, () -> lm.embedSteps(lm.parameters().bind(m), m,
                    new int[steps * 4], new int[steps], 1, steps, 0));
        }
    }

    private static int[] slice(int[] a, int rows, int steps, int width, int from, int n) {
        int[] out = new int[rows * n * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, (r * steps + from) * width, out, r * n * width, n * width);
        }
        return out;
    }

    /** Max difference between got [rows, n, KV] and full[rows, from..from+n, KV]. */
    private static double compare(float[] full, float[] got, int rows, int steps, int from, int n, int kv) {
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < kv; j++) {
                    float a = full[(r * steps + from + i) * kv + j];
                    float b = got[(r * n + i) * kv + j];
                    worst = Math.max(worst, Math.abs(a - b));
                }
            }
        }
        return worst;
    }
}
