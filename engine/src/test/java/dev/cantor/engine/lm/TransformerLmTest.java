package dev.cantor.engine.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.nn.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerLmTest {

    static final LmConfig CONFIG = new LmConfig(4, 32, 32, 2, 2, 64, 40, 384, 0.0);
    static final LmConfig FRAME_CONDITIONED = CONFIG.withFrameCondition(50);
    static final LmConfig WITH_ATTRIBUTES = FRAME_CONDITIONED.withMusicAttributes();
    /** A window of 8 frames (span 11 steps), so the tests below run well past it. */
    static final LmConfig ROTARY = new LmConfig(4, 32, 32, 2, 2, 64, 8, 384, 0.0).withFrameCondition(50)
            .withMusicAttributes().withRotaryPositions();
    static final MusicDescriptors SAX_JAZZ = MusicDescriptors.parse("a calm jazz tune: alto sax over upright bass");

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
        return List.of(new LmCondition(randomText(r), 93.0, 5, Mode.MINOR, melody, SAX_JAZZ), LmCondition.NONE);
    }

    /** The model's embedding of S steps from firstStep, with the beat clock and frame condition if it has them. */
    static NDArray embed(TransformerLm lm, ParameterStore.Bound p, NDManager m, List<LmCondition> conds, int[] tokens,
                         int[] melody, int steps, int firstStep) {
        int[] firstFrames = new int[conds.size()];
        java.util.Arrays.fill(firstFrames, firstStep);
        return lm.embedSteps(p, m, tokens, melody, lm.beatClock(conds, firstFrames, steps),
                lm.frameCondition(p, m, conds), conds.size(), steps, firstStep);
    }

    /** Logits of every step [rows, S, K, V] computed in one pass, no cache. */
    static float[] fullLogits(TransformerLm lm, List<LmCondition> conds, int[] tokens, int[] melody, int steps) {
        try (NDManager m = lm.manager().newSubManager()) {
            ParameterStore.Bound p = lm.parameters().bind(m);
            NDArray x = lm.embedPrefix(p, m, conds).concat(embed(lm, p, m, conds, tokens, melody, steps, 0), 1);
            NDArray h = lm.hidden(p, x, null, 0f).get(new NDIndex(":, {}:, :", lm.config().prefixLength()));
            return lm.logits(p, h).toFloatArray();
        }
    }

    @Test
    void kvCacheGivesTheSameLogitsAsFullRecomputation() {
        assertCacheMatchesFullRecomputation(CONFIG);
    }

    @Test
    void kvCacheGivesTheSameLogitsWithFrameConditioning() {
        assertCacheMatchesFullRecomputation(FRAME_CONDITIONED);
    }

    @Test
    void kvCacheGivesTheSameLogitsWithMusicAttributes() {
        assertCacheMatchesFullRecomputation(WITH_ATTRIBUTES);
    }

    @Test
    void rotaryKvCacheGivesTheSameLogitsAsFullRecomputationUpToAndPastTheWindow() {
        // 30 steps against a span of 11: the full pass masks keys more than 10 steps back, the
        // cache drops them; both must agree at every step.
        assertCacheMatchesFullRecomputation(ROTARY, 30);
    }

    @Test
    void aPassOfSeveralStepsAfterTheSpanFilledSeesTheSameKeysAsAFullPass() {
        // past the span single steps overwrite the oldest of 11 slots in turn; a pass of three
        // steps then needs them back in order, wherever the turn stood (slot 0, middle, last)
        for (int threeAt : new int[] {11, 14, 20}) {
            assertCacheMatchesFullRecomputation(ROTARY, 30, threeAt);
        }
    }

    @Test
    void rotaryStepsSeeExactlyTheirSpanAndThePrefixFromAnyDistance() {
        Random r = new Random(21);
        try (TransformerLm lm = TransformerLm.create(ROTARY, 9)) {
            List<LmCondition> conds = List.of(conditions(r).get(0));
            int k = ROTARY.numCodebooks();
            int steps = 30;
            int last = steps - 1;
            int span = ROTARY.attentionSpan();
            int[] tokens = new int[steps * k];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = r.nextInt(33);
            }
            int[] melody = new int[steps];
            float[] base = stepLogits(lm, conds, tokens, melody, steps, last);
            int[] inside = tokens.clone();
            inside[(last - span + 1) * k] = (tokens[(last - span + 1) * k] + 1) % 33;   // the oldest step it sees
            int[] outside = tokens.clone();
            // step last − span is out of the last step's span in every layer only if nothing in
            // between could carry it; with 2 layers it can, so change a step out of reach of both
            int far = last - 2 * span;
            outside[far * k] = (tokens[far * k] + 1) % 33;
            assertTrue(maxDiff(base, stepLogits(lm, conds, inside, melody, steps, last)) > 1e-4,
                    "the oldest step in the span must count");
            assertEquals(0.0, maxDiff(base, stepLogits(lm, conds, outside, melody, steps, last)), 1e-6,
                    "a step beyond the reach of every layer must not count");
            LmCondition other = conds.get(0).withDescriptors(SAX_JAZZ.withStyle(dev.cantor.engine.music.Style.ROCK));
            assertTrue(maxDiff(base, stepLogits(lm, List.of(other), tokens, melody, steps, last)) > 1e-4,
                    "the prefix reaches steps far past the window");
        }
    }

    @Test
    void rotaryConfigIsWrittenAndLearnedConfigsReadWithout(@TempDir Path dir) throws Exception {
        try (TransformerLm lm = TransformerLm.create(ROTARY, 3)) {
            assertTrue(!lm.parameters().parameters().containsKey("embed.positions"), "rotary models have no position table");
            lm.save(dir);
        }
        assertEquals(ROTARY, TransformerLm.readConfig(dir));
        assertTrue(TransformerLm.JSON.writeValueAsString(ROTARY).contains("\"rotary_positions\" : true"));
        assertTrue(!TransformerLm.JSON.writeValueAsString(CONFIG).contains("rotary"), "learned configs are written as before");
        assertThrows(IllegalArgumentException.class,
                () -> new LmConfig(4, 32, 30, 2, 6, 64, 8, 384, 0.0).withRotaryPositions(), "odd head width");
    }

    @Test
    void aLearnedModelCanGoOnWithRotaryPositionsALongerWindowAndMusicAttributes(@TempDir Path dir) throws Exception {
        LmConfig learned = new LmConfig(4, 32, 32, 2, 2, 64, 8, 384, 0.0).withFrameCondition(50);
        float[] token;
        try (TransformerLm base = TransformerLm.create(learned, 4)) {
            token = base.parameters().parameter("embed.tokens").toFloatArray();
            base.save(dir);
        }
        LmConfig target = learned.withRotaryPositions().withMaxFrames(20).withMusicAttributes();
        java.util.List<String> added = new java.util.ArrayList<>();
        try (TransformerLm grown = TransformerLm.startFrom(dir, target, 1, added)) {
            assertEquals(target, grown.config());
            assertArrayEquals(token, grown.parameters().parameter("embed.tokens").toFloatArray(), 0f,
                    "what the base learned carries over");
            assertTrue(added.contains("cond.style.table") && !added.contains("embed.positions"), added.toString());
            // it runs past the base's window of 8 frames
            Random r = new Random(2);
            List<LmCondition> conds = List.of(conditions(r).get(0));
            float[] logits = fullLogits(grown, conds, new int[30 * 4], new int[30], 30);
            assertEquals(30 * 4 * 32, logits.length);
        }
        assertThrows(java.io.IOException.class, () -> TransformerLm.startFrom(dir,
                learned.withMaxFrames(20), 1, new java.util.ArrayList<>()), "a learned table cannot change length");
    }

    @Test
    void attributeTablesKeepTheirSizesAndOlderConfigsReadAsCorpusV1() throws Exception {
        assertEquals(dev.cantor.engine.music.Style.values().length, WITH_ATTRIBUTES.styles());
        assertEquals(dev.cantor.engine.music.Mood.values().length, WITH_ATTRIBUTES.moods());
        String old = "{\"num_codebooks\":4,\"codebook_size\":32,\"d_model\":32,\"layers\":2,\"heads\":2,"
                + "\"ff_dim\":64,\"max_frames\":8,\"text_dim\":384,\"dropout\":0.0,\"frame_rate\":50.0,"
                + "\"frame_condition\":true,\"music_attributes\":true}";
        LmConfig v1 = TransformerLm.JSON.readValue(old, LmConfig.class);
        assertEquals(12, v1.styles());
        assertEquals(8, v1.moods());
        assertEquals(12, v1.withMusicAttributes().styles(), "a model that has tables keeps their size");
        try (TransformerLm lm = TransformerLm.create(v1, 2)) {
            assertEquals(13, lm.parameters().parameter("cond.style.table").getShape().get(0));
            // a style the model never saw is "not named", not an index past its table
            Random r = new Random(3);
            LmCondition base = conditions(r).get(0);
            float[] newer = fullLogits(lm, List.of(base.withDescriptors(SAX_JAZZ.withStyle(
                    dev.cantor.engine.music.Style.CHIPTUNE))), new int[4 * 4], new int[4], 4);
            float[] unnamed = fullLogits(lm, List.of(base.withDescriptors(SAX_JAZZ.withStyle(null))),
                    new int[4 * 4], new int[4], 4);
            assertArrayEquals(unnamed, newer, 0f);
        }
    }

    /** Logits of one step (all K codebooks, rows flattened) from a full pass over {@code steps}. */
    private static float[] stepLogits(TransformerLm lm, List<LmCondition> conds, int[] tokens, int[] melody,
                                      int steps, int step) {
        float[] all = fullLogits(lm, conds, tokens, melody, steps);
        int per = lm.config().numCodebooks() * lm.config().codebookSize();
        float[] out = new float[conds.size() * per];
        for (int row = 0; row < conds.size(); row++) {
            System.arraycopy(all, (row * steps + step) * per, out, row * per, per);
        }
        return out;
    }

    private static double maxDiff(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void styleMoodAndInstrumentsEachReachTheOutputAndAreSavedInTheConfig(@TempDir Path dir) throws Exception {
        Random r = new Random(12);
        LmCondition base = conditions(r).get(0);
        int[] tokens = new int[2 * 5 * 4];
        int[] melody = new int[10];
        try (TransformerLm lm = TransformerLm.create(WITH_ATTRIBUTES, 5)) {
            assertEquals(LmConfig.ATTRIBUTE_PREFIX, lm.config().prefixLength());
            for (MusicDescriptors other : List.of(SAX_JAZZ.withStyle(dev.cantor.engine.music.Style.ROCK),
                    SAX_JAZZ.withMood(null), SAX_JAZZ.withInstruments(java.util.Set.of("flute")))) {
                float[] logits = fullLogits(lm, List.of(base, base.withDescriptors(other)), tokens, melody, 5);
                int half = logits.length / 2;
                double diff = 0;
                for (int i = 0; i < half; i++) {
                    diff = Math.max(diff, Math.abs(logits[i] - logits[half + i]));
                }
                assertTrue(diff > 1e-3, other + " changes nothing");
            }
            lm.save(dir);
            assertEquals(WITH_ATTRIBUTES, TransformerLm.readConfig(dir));
            try (TransformerLm again = TransformerLm.load(dir)) {
                float[] a = fullLogits(lm, List.of(base), new int[5 * 4], new int[5], 5);
                float[] b = fullLogits(again, List.of(base), new int[5 * 4], new int[5], 5);
                assertEquals(a.length, b.length);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(a[i], b[i], 0f);
                }
            }
        }
        try (TransformerLm plain = TransformerLm.create(FRAME_CONDITIONED, 5)) {
            float[] with = fullLogits(plain, List.of(base), new int[5 * 4], new int[5], 5);
            float[] without = fullLogits(plain, List.of(base.withDescriptors(MusicDescriptors.NONE)), new int[5 * 4],
                    new int[5], 5);
            for (int i = 0; i < with.length; i++) {
                assertEquals(without[i], with[i], 0f, "a model without music attributes ignores them");
            }
        }
        assertTrue(!TransformerLm.JSON.writeValueAsString(FRAME_CONDITIONED).contains("music_attributes"),
                "a config without them is written as before");
    }

    private static void assertCacheMatchesFullRecomputation(LmConfig config) {
        assertCacheMatchesFullRecomputation(config, 12);
    }

    private static void assertCacheMatchesFullRecomputation(LmConfig config, int steps) {
        assertCacheMatchesFullRecomputation(config, steps, -1);
    }

    /** As above, with one pass of three steps at step {@code threeAt} among the single ones. */
    private static void assertCacheMatchesFullRecomputation(LmConfig config, int steps, int threeAt) {
        Random r = new Random(1);
        try (TransformerLm lm = TransformerLm.create(config, 7)) {
            List<LmCondition> conds = conditions(r);
            int rows = conds.size();
            int k = config.numCodebooks();
            int v = config.codebookSize();
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
                    NDArray x = lm.embedPrefix(p, m, conds).concat(embed(lm, p, m, conds,
                            slice(tokens, rows, steps, k, 0, prefill), slice(melody, rows, steps, 1, 0, prefill),
                            prefill, 0), 1);
                    float[] got = lm.logits(p, lm.hidden(p, x, cache, 0f)
                            .get(new NDIndex(":, {}:, :", lm.config().prefixLength()))).toFloatArray();
                    worst = Math.max(worst, compare(full, got, rows, steps, 0, prefill, k * v));
                }
                for (int s = prefill; s < steps; ) {
                    int n = s == threeAt ? 3 : 1;
                    try (NDManager m = session.newSubManager()) {
                        ParameterStore.Bound p = lm.parameters().bind(m);
                        NDArray x = embed(lm, p, m, conds, slice(tokens, rows, steps, k, s, n),
                                slice(melody, rows, steps, 1, s, n), n, s);
                        float[] got = lm.logits(p, lm.hidden(p, x, cache, 0f)).toFloatArray();
                        worst = Math.max(worst, compare(full, got, rows, steps, s, n, k * v));
                    }
                    s += n;
                }
                assertEquals(lm.config().prefixLength() + steps, cache.length());
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
    void frameConditioningChangesEveryStepAndOldConfigsReadWithout(@TempDir Path dir) throws Exception {
        Random r = new Random(6);
        List<LmCondition> conds = conditions(r);
        int[] tokens = new int[2 * 6 * 4];
        int[] melody = new int[12];
        try (TransformerLm lm = TransformerLm.create(FRAME_CONDITIONED, 5)) {
            // the same text, key, mode and melody at two tempi: with the clock, steps past the first differ
            List<LmCondition> tempi = List.of(conds.get(0), new LmCondition(conds.get(0).text(), 140.0,
                    conds.get(0).keyRoot(), conds.get(0).mode(), conds.get(0).melody()));
            float[] logits = fullLogits(lm, tempi, tokens, melody, 6);
            int half = logits.length / 2;
            double diff = 0;
            for (int i = half / 6 * 5; i < half; i++) {   // the last step
                diff = Math.max(diff, Math.abs(logits[i] - logits[half + i]));
            }
            assertTrue(diff > 1e-3, "tempo does not reach the last step");
            lm.save(dir);
            assertEquals(FRAME_CONDITIONED, TransformerLm.readConfig(dir));
            assertThrows(IllegalArgumentException.class, () -> {
                try (NDManager m = lm.manager().newSubManager()) {
                    lm.embedSteps(lm.parameters().bind(m), m, tokens, melody, 2, 6, 0);
                }
            }, "a frame-conditioned model refuses steps without their clock");
        }
        // a config written before frame conditioning existed reads as a prefix-only model
        String old = "{\"num_codebooks\":4,\"codebook_size\":32,\"d_model\":32,\"layers\":2,\"heads\":2,"
                + "\"ff_dim\":64,\"max_frames\":40,\"text_dim\":384,\"dropout\":0.0}";
        assertEquals(CONFIG, TransformerLm.JSON.readValue(old, LmConfig.class));
        assertTrue(!TransformerLm.JSON.writeValueAsString(CONFIG).contains("frame_"),
                "a prefix-only config is written as before");
    }

    @Test
    void aModelCanStartFromAnotherWithFrameConditioningAdded(@TempDir Path dir) throws Exception {
        Random r = new Random(8);
        List<LmCondition> conds = conditions(r);
        int[] tokens = new int[2 * 5 * 4];
        int[] melody = new int[10];
        try (TransformerLm base = TransformerLm.create(CONFIG, 5)) {
            base.save(dir);
        }
        java.util.List<String> added = new java.util.ArrayList<>();
        try (TransformerLm same = TransformerLm.startFrom(dir, CONFIG, 99, added);
             TransformerLm base = TransformerLm.load(dir)) {
            assertTrue(added.isEmpty(), added.toString());
            float[] a = fullLogits(same, conds, tokens, melody, 5);
            float[] b = fullLogits(base, conds, tokens, melody, 5);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 0f, "same shape: the base's weights, not the seed's");
            }
        }
        try (TransformerLm grown = TransformerLm.startFrom(dir, FRAME_CONDITIONED, 99, added);
             TransformerLm base = TransformerLm.load(dir)) {
            assertEquals(List.of("cond.clock.weight", "cond.frame.weight"), added);
            float[] a = fullLogits(grown, conds, tokens, melody, 5);
            float[] b = fullLogits(base, conds, tokens, melody, 5);
            for (int i = 0; i < a.length; i++) {
                assertEquals(b[i], a[i], 1e-5f, "the grown model starts out computing what its base computes");
            }
            for (var e : base.parameters().parameters().entrySet()) {
                float[] want = e.getValue().toFloatArray();
                float[] got = grown.parameters().parameter(e.getKey()).toFloatArray();
                assertEquals(want.length, got.length);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[i], 0f, e.getKey());
                }
            }
        }
        LmConfig wider = new LmConfig(4, 32, 64, 2, 2, 64, 40, 384, 0.0);
        assertThrows(java.io.IOException.class, () -> TransformerLm.startFrom(dir, wider, 1, new java.util.ArrayList<>()));
    }

    @Test
    void musicAttributesCanBeAddedToATrainedModelWhichKeepsWhatItLearned(@TempDir Path dir) throws Exception {
        try (TransformerLm base = TransformerLm.create(FRAME_CONDITIONED, 5)) {
            base.save(dir);
        }
        int d = FRAME_CONDITIONED.dModel();
        int oldPrefix = FRAME_CONDITIONED.prefixLength();
        int newPrefix = WITH_ATTRIBUTES.prefixLength();
        List<String> added = new java.util.ArrayList<>();
        try (TransformerLm grown = TransformerLm.startFrom(dir, WITH_ATTRIBUTES, 99, added);
             TransformerLm base = TransformerLm.load(dir)) {
            assertEquals(List.of("cond.instruments.bias", "cond.instruments.null", "cond.instruments.weight",
                    "cond.mood.table", "cond.style.table"), added);
            for (String name : added) {
                for (float v : grown.parameters().parameter(name).toFloatArray()) {
                    assertEquals(0f, v, 0f, name + " starts at zero");
                }
            }
            float[] was = base.parameters().parameter(TransformerLm.POSITIONS).toFloatArray();
            float[] is = grown.parameters().parameter(TransformerLm.POSITIONS).toFloatArray();
            assertEquals(was.length + (newPrefix - oldPrefix) * d, is.length);
            for (int i = 0; i < is.length; i++) {
                int row = i / d;
                float want = row < oldPrefix ? was[i] : row < newPrefix ? 0f : was[i - (newPrefix - oldPrefix) * d];
                assertEquals(want, is[i], 0f, "position row " + row);
            }
            float[] frameWas = base.parameters().parameter(TransformerLm.FRAME_WEIGHT).toFloatArray();
            float[] frameIs = grown.parameters().parameter(TransformerLm.FRAME_WEIGHT).toFloatArray();
            for (int row = 0; row < d; row++) {
                for (int col = 0; col < newPrefix * d; col++) {
                    float want = col < oldPrefix * d ? frameWas[row * oldPrefix * d + col] : 0f;
                    assertEquals(want, frameIs[row * newPrefix * d + col], 0f, "frame weight " + row + "," + col);
                }
            }
            for (var e : base.parameters().parameters().entrySet()) {
                if (!e.getKey().equals(TransformerLm.POSITIONS) && !e.getKey().equals(TransformerLm.FRAME_WEIGHT)) {
                    assertArrayEquals(e.getValue().toFloatArray(),
                            grown.parameters().parameter(e.getKey()).toFloatArray(), e.getKey());
                }
            }
            // What the model computes from them: every audio step embeds as in the base (same
            // position, same frame condition, whatever style, mood and instruments are given).
            List<LmCondition> conds = conditions(new Random(3));
            int[] tokens = new int[2 * 5 * 4];
            int[] melody = new int[10];
            for (int firstStep : new int[] {0, 7}) {
                try (NDManager m = base.manager().newSubManager()) {
                    float[] want = embed(base, base.parameters().bind(m), m, conds, tokens, melody, 5, firstStep)
                            .toFloatArray();
                    float[] got = embed(grown, grown.parameters().bind(m), m, conds, tokens, melody, 5, firstStep)
                            .toFloatArray();
                    assertArrayEquals(want, got, 1e-6f, "steps from " + firstStep);
                }
            }
            grown.save(dir.resolve("grown"));
        }
        java.io.IOException dropped = assertThrows(java.io.IOException.class,
                () -> TransformerLm.startFrom(dir.resolve("grown"), FRAME_CONDITIONED, 1, new java.util.ArrayList<>()));
        assertTrue(dropped.getMessage().contains("cannot be taken away"), dropped.getMessage());
    }

    @Test
    void beatClockRepeatsEveryBarAndIsZeroWithoutTempo() {
        float[] clock = new float[200 * BeatClock.FEATURES];
        BeatClock.write(120.0, 50, 0, 200, clock, 0);     // a beat every 25 frames, a bar every 100
        for (int j = 0; j < BeatClock.FEATURES; j++) {
            assertEquals(clock[j], clock[100 * BeatClock.FEATURES + j], 1e-5, "feature " + j + " one bar later");
        }
        double beatApart = 0;
        for (int j = 0; j < BeatClock.FEATURES; j++) {
            beatApart = Math.max(beatApart, Math.abs(clock[j] - clock[25 * BeatClock.FEATURES + j]));
        }
        assertTrue(beatApart > 0.5, "the bar features tell beat 1 from beat 2");
        float[] shifted = new float[BeatClock.FEATURES];
        BeatClock.write(120.0, 50, 37, 1, shifted, 0);
        for (int j = 0; j < BeatClock.FEATURES; j++) {
            assertEquals(clock[37 * BeatClock.FEATURES + j], shifted[j], 1e-5, "a window starting at frame 37");
        }
        float[] none = new float[3 * BeatClock.FEATURES];
        java.util.Arrays.fill(none, 9f);
        BeatClock.write(null, 50, 0, 3, none, 0);
        for (float f : none) {
            assertEquals(0f, f);
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
