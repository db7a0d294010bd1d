package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.sampling.TokenGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmTrainerTest {

    static final LmConfig CONFIG = new LmConfig(4, 16, 48, 2, 2, 96, 24, 384, 0.0);

    static float[] unit(Random r, int n) {
        float[] t = new float[n];
        double s = 0;
        for (int i = 0; i < n; i++) {
            t[i] = (float) r.nextGaussian();
            s += t[i] * t[i];
        }
        for (int i = 0; i < n; i++) {
            t[i] /= (float) Math.sqrt(s);
        }
        return t;
    }

    static TokenClip clip(Random r, String name, int frames, int vocabulary) {
        int[][] codes = new int[4][frames];
        for (int[] row : codes) {
            for (int t = 0; t < frames; t++) {
                row[t] = r.nextInt(vocabulary);
            }
        }
        int[] melody = new int[frames];
        for (int t = 0; t < frames; t++) {
            melody[t] = r.nextInt(13);
        }
        return new TokenClip(name, "a test clip", 100.0, "D", "minor", "pop", frames, codes, melody,
                unit(r, 384));
    }

    static LmTrainingConfig quiet(long steps) {
        return LmTrainingConfig.defaults(steps).withBatchSize(4).withLearningRate(3e-3).withWarmupSteps(10)
                .withCfgDropout(0).withAttributeDropout(0).withMelodyDropout(0).withRrWeight(0)
                .withValidationClips(0);
    }

    @Test
    void aTinyModelLearnsOneSequenceAndGreedyDecodingReproducesIt() {
        Random r = new Random(5);
        TokenClip only = clip(r, "one.wav", 24, 16);
        try (TransformerLm lm = TransformerLm.create(CONFIG, 11)) {
            LmTrainer trainer = new LmTrainer(lm, quiet(200), List.of(only));
            double first = trainer.trainStep().loss();
            double last = first;
            for (int i = 1; i < 200; i++) {
                last = trainer.trainStep().loss();
            }
            assertTrue(first > 2.0, "starts near ln 16 = 2.77, got " + first);
            assertTrue(last < 0.1, "loss after 200 steps " + last);
            LmCondition condition = LmBatch.fullCondition(only, MusicDescriptors.NONE, 0, 24);
            int[][] out = new TokenGenerator(lm).generate(condition, null, 24, 0,
                    new SamplingParams(0, 0, 1, 1, 1), (d, t) -> { }, CancellationToken.NEVER);
            int same = 0;
            for (int k = 0; k < 4; k++) {
                for (int t = 0; t < 24; t++) {
                    same += out[k][t] == only.codes()[k][t] ? 1 : 0;
                }
            }
            assertTrue(same >= 0.95 * 96, "greedy decoding reproduced " + same + " of 96 tokens");
        }
    }

    @Test
    void theModelUsesItsContextNotOnlyPositions() {
        // Each codebook counts up from a random start: unpredictable from the position alone
        // (the best context-free guess costs ln 16 = 2.77 nats), trivial from the previous token.
        Random r = new Random(12);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            TokenClip c = clip(r, "count" + i + ".wav", 24, 16);
            for (int k = 0; k < 4; k++) {
                int start = r.nextInt(16);
                for (int t = 0; t < 24; t++) {
                    c.codes()[k][t] = (start + t) % 16;
                }
            }
            clips.add(c);
        }
        try (TransformerLm lm = TransformerLm.create(CONFIG, 4)) {
            LmTrainer trainer = new LmTrainer(lm, quiet(300), clips);
            double last = 0;
            for (int i = 0; i < 300; i++) {
                last = 0.9 * last + 0.1 * trainer.trainStep().loss();
            }
            assertTrue(last < 0.8, "loss with context available " + last);
        }
    }

    @Test
    void withTheBeatClockGenerationKeepsThePromptsTempoAcrossWindows() {
        // Codebook 0 carries an onset (token 1) on every beat at the clip's tempo; the other
        // codebooks copy it. Training windows start anywhere in the clip, and generation runs
        // three windows with no context carried over, so neither positions nor earlier onsets
        // can place the beats of the later windows: only the clock can.
        Random r = new Random(21);
        double[] tempi = {100, 150};                          // a beat every 30 and 20 frames at 50 Hz
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double bpm = tempi[i % 2];
            TokenClip c = clip(r, "beat" + i + ".wav", 120, 16);
            for (int k = 0; k < 4; k++) {
                for (int t = 0; t < 120; t++) {
                    c.codes()[k][t] = onset(t, bpm) ? 1 : 0;
                }
            }
            clips.add(new TokenClip(c.file(), c.caption(), bpm, c.key(), c.mode(), c.style(), c.frames(), c.codes(),
                    null, c.text()));
        }
        LmConfig config = new LmConfig(4, 16, 48, 2, 2, 96, 40, 384, 0.0).withFrameCondition(50);
        try (TransformerLm lm = TransformerLm.create(config, 8)) {
            LmTrainer trainer = new LmTrainer(lm, quiet(300), clips);
            for (int i = 0; i < 300; i++) {
                trainer.trainStep();
            }
            for (double bpm : tempi) {
                LmCondition condition = new LmCondition(clips.get(0).text(), bpm, null, null, null);
                int[][] out = new TokenGenerator(lm).generate(condition, null, 120, 0,
                        new SamplingParams(0, 0, 1, 1, 1), (d, t) -> { }, CancellationToken.NEVER);
                int wrong = 0;
                for (int t = 0; t < 120; t++) {
                    wrong += (out[0][t] == 1) != onset(t, bpm) ? 1 : 0;
                }
                assertEquals(0, wrong, "frames off the beat grid at " + bpm + " bpm: " + java.util.Arrays.toString(out[0]));
            }
        }
    }

    @Test
    void aModelWithMusicAttributesLearnsTheInstrumentAndStyleTheCaptionNames() {
        // Every clip has the same sentence embedding and labels; only the caption's words differ.
        // Flute clips are all token 1, rock clips all token 2: only the parsed descriptors tell them apart.
        Random r = new Random(31);
        float[] sameText = unit(r, 384);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean flute = i % 2 == 0;
            TokenClip c = clip(r, "c" + i + ".wav", 40, 16);
            for (int[] row : c.codes()) {
                java.util.Arrays.fill(row, flute ? 1 : 2);
            }
            clips.add(new TokenClip(c.file(), flute ? "a calm tune on flute" : "a calm rock tune",
                    c.tempoBpm(), c.key(), c.mode(), c.style(), c.frames(), c.codes(), null, sameText));
        }
        LmConfig config = new LmConfig(4, 16, 48, 2, 2, 96, 40, 384, 0.0).withFrameCondition(50).withMusicAttributes();
        try (TransformerLm lm = TransformerLm.create(config, 8)) {
            LmTrainer trainer = new LmTrainer(lm, quiet(120), clips);
            for (int i = 0; i < 120; i++) {
                trainer.trainStep();
            }
            for (String prompt : List.of("flute", "rock")) {
                LmCondition condition = new LmCondition(sameText, 100.0, null, null, null,
                        dev.cantor.engine.conditioning.MusicDescriptors.parse(prompt));
                int[][] out = new TokenGenerator(lm).generate(condition, null, 20, 0,
                        new SamplingParams(0, 0, 1, 1, 1), (d, t) -> { }, CancellationToken.NEVER);
                int want = prompt.equals("flute") ? 1 : 2;
                for (int t = 0; t < 20; t++) {
                    assertEquals(want, out[0][t], prompt + ": " + java.util.Arrays.toString(out[0]));
                }
            }
        }
    }

    private static boolean onset(int frame, double bpm) {
        int period = (int) Math.round(50 * 60 / bpm);
        return frame % period == 0;
    }

    @Test
    void aResumedRunTakesExactlyTheStepsOfAnUninterruptedOne(@TempDir Path dir) throws Exception {
        Random r = new Random(6);
        List<TokenClip> clips = new ArrayList<>();
        String[] captions = {"pop with piano", "jazz with trumpet and drums", "metal with distorted guitar"};
        for (int i = 0; i < 6; i++) {
            TokenClip c = clip(r, "c" + i + ".wav", 30, 16);
            clips.add(new TokenClip(c.file(), captions[i % 3], c.tempoBpm(), c.key(), c.mode(), c.style(), c.frames(),
                    c.codes(), c.melody(), c.text()));
        }
        // with every contrast term, whose draws and dropout must repeat too
        LmTrainingConfig config = LmTrainingConfig.defaults(20).withBatchSize(4).withCfgDropout(0.5)
                .withValidationClips(0).withKeyContrast(KC).withTempoContrast(TC).withStyleContrast(SC)
                .withInstrumentContrast(IC);
        LmConfig withDropout = new LmConfig(4, 16, 48, 2, 2, 96, 24, 384, 0.1).withMusicAttributes();
        double[] straight = new double[2];
        try (TransformerLm lm = TransformerLm.create(withDropout, 3)) {
            LmTrainer t = new LmTrainer(lm, config, clips);
            for (int i = 0; i < 3; i++) {
                t.trainStep();
            }
            t.save(dir);
            straight[0] = t.trainStep().loss();
            straight[1] = t.trainStep().loss();
        }
        // the log of a run killed two steps after its checkpoint
        Files.writeString(dir.resolve(TrainingLog.FILE),
                "{\"step\":1}\n{\"step\":2}\n{\"step\":3}\n{\"step\":4}\n{\"step\":5}\n");
        LmTrainer resumed = LmTrainer.resume(dir, clips);
        assertEquals(3, Files.readAllLines(dir.resolve(TrainingLog.FILE)).size(),
                "steps 4 and 5 will be logged again");
        try (TransformerLm lm = resumed.model()) {
            assertEquals(3, resumed.step());
            assertEquals(straight[0], resumed.trainStep().loss(), 0.0);
            assertEquals(straight[1], resumed.trainStep().loss(), 0.0);
        }
    }

    @Test
    void trainingWritesCheckpointsAndValidationFigures(@TempDir Path dir) throws Exception {
        Random r = new Random(8);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            clips.add(clip(r, "clip" + i + ".wav", 30, 16));
        }
        LmTrainingConfig config = LmTrainingConfig.defaults(6).withBatchSize(4).withCheckpointEvery(3);
        List<LmTrainer.ValidationLog> validations = new ArrayList<>();
        try (TransformerLm lm = TransformerLm.create(CONFIG, 2)) {
            LmTrainer t = new LmTrainer(lm, config, clips);
            assertTrue(t.validationClips() > 0 && t.validationClips() < 40);
            t.train(dir, 6, ProgressListener.NONE, CancellationToken.NEVER, s -> { }, validations::add);
        }
        assertEquals(2, validations.size());
        LmTrainer.ValidationLog v = validations.get(1);
        assertEquals(4, v.perCodebook().length);
        assertTrue(v.mean() > 1 && v.mean() < 4, "validation CE " + v.mean());
        assertEquals(6, dev.cantor.engine.training.TrainingCheckpoint.readState(
                TrainingCheckpoint.latest(dir)).step());
    }

    @Test
    void representationRegularizerIsZeroWhenSimilaritiesAgreeAndPositiveOtherwise() {
        Random r = new Random(9);
        float[][] texts = new float[5][];
        for (int i = 0; i < 5; i++) {
            texts[i] = unit(r, 16);
        }
        float[] textSim = RepresentationRegularizer.textSimilarities(texts);
        try (NDManager m = NDManager.newBaseManager()) {
            // Audio states whose time max-pool equals a scaled copy of the text vectors: same cosines.
            float[] same = new float[5 * 3 * 16];
            float[] other = new float[5 * 3 * 16];
            for (int b = 0; b < 5; b++) {
                for (int t = 0; t < 3; t++) {
                    for (int i = 0; i < 16; i++) {
                        same[(b * 3 + t) * 16 + i] = 2.5f * texts[b][i] - (t == 1 ? 0 : 10f);
                        other[(b * 3 + t) * 16 + i] = (float) r.nextGaussian();
                    }
                }
            }
            NDArray zero = RepresentationRegularizer.loss(m.create(same, new Shape(5, 3, 16)), textSim);
            NDArray positive = RepresentationRegularizer.loss(m.create(other, new Shape(5, 3, 16)), textSim);
            assertEquals(0.0, zero.getFloat(), 1e-6);
            assertTrue(positive.getFloat() > 0.01, "loss for unrelated audio " + positive.getFloat());
            assertEquals(0.0, RepresentationRegularizer.loss(m.create(same, new Shape(5, 3, 16))
                    .get("0:1"), new float[] {1f}).getFloat(), 0.0);
        }
    }

    @Test
    void batchesFollowTheDelayPattern() {
        Random r = new Random(10);
        TokenClip c = clip(r, "x.wav", 10, 16);
        LmBatch b = LmBatch.of(CONFIG, List.of(c), new int[] {2}, 5, List.of(LmBatch.fullCondition(c, MusicDescriptors.NONE, 2, 5)), 0);
        assertEquals(8, b.steps());
        // Step 0: inputs empty; targets codebook 0 frame 0 valid, others masked.
        assertArrayEquals(new int[] {16, 16, 16, 16}, java.util.Arrays.copyOfRange(b.inputs(), 0, 4));
        assertEquals(c.codes()[0][2], b.targets()[0]);
        assertArrayEquals(new float[] {1, 0, 0, 0}, java.util.Arrays.copyOfRange(b.mask(), 0, 4));
        // Step 3, codebook 3 is frame 0 of the window (= clip frame 2) and is fed at step 4.
        assertEquals(c.codes()[3][2], b.targets()[3 * 4 + 3]);
        assertEquals(c.codes()[3][2], b.inputs()[4 * 4 + 3]);
        assertEquals(c.melody()[2 + 4], b.melody()[4]);
        assertEquals(LmCondition.MELODY_NONE, b.melody()[6]);
    }

    @Test
    void captionsAreReadForMusicAttributesOnlyByModelsThatHaveThem() {
        TokenClip c = new TokenClip("x.wav", "calm jazz with piano and flute, 70 bpm", 70.0, null, null, "jazz", 1,
                null, null, null);
        assertEquals(MusicDescriptors.NONE, LmBatch.descriptorsOf(CONFIG, c));
        MusicDescriptors read = LmBatch.descriptorsOf(CONFIG.withMusicAttributes(), c);
        assertEquals(MusicDescriptors.parse(c.caption()), read);
        assertTrue(read.instruments().contains("flute"), "instruments read " + read.instruments());
        assertEquals(dev.cantor.engine.music.Style.JAZZ, read.style());
        assertEquals(dev.cantor.engine.music.Mood.CALM, read.mood());
    }

    @Test
    void wholeGuidanceStepsLetTheRegularizerRunWhereRowsNeverCould() {
        Random r = new Random(12);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clips.add(clip(r, "g" + i + ".wav", 30, 16));
        }
        LmTrainingConfig rows = LmTrainingConfig.defaults(40).withBatchSize(4).withCfgDropout(0.15)
                .withRrWeight(0.3).withValidationClips(0);
        LmTrainingConfig whole = rows.withCfgWholeBatch(true);
        assertEquals(1, rows.unconditionedRows());
        assertTrue(!rows.regularizerCanRun(24) && whole.regularizerCanRun(24));
        // Short steps of 4 × 24 / 6 = 16 rows leave 2 without text, where the regularizer can run.
        LmTrainingConfig shortSteps = rows.withShortWindows(new LmTrainingConfig.ShortWindows(0.5, 6));
        assertTrue(shortSteps.regularizerCanRun(24));
        assertFalse(rows.withShortWindows(new LmTrainingConfig.ShortWindows(0.5, 12)).regularizerCanRun(24),
                "8 rows leave only 1 without text");
        int[] rrSteps = new int[3];
        LmTrainingConfig[] recipes = {rows, whole, shortSteps};
        for (int k = 0; k < recipes.length; k++) {
            try (TransformerLm lm = TransformerLm.create(CONFIG, 4)) {
                LmTrainer t = new LmTrainer(lm, recipes[k], clips);
                assertEquals(24, t.windowFrames());
                for (int i = 0; i < 40; i++) {
                    if (t.trainStep().rr() > 0) {
                        rrSteps[k]++;
                    }
                }
            }
        }
        assertEquals(0, rrSteps[0], "one row without text per step: nothing to compare");
        // 15% of 40 steps, with seed-fixed draws: some, but far from all
        assertTrue(rrSteps[1] >= 1 && rrSteps[1] <= 15, "guidance steps with the regularizer: " + rrSteps[1]);
        // About half the steps are short, and each has two rows without text
        assertTrue(rrSteps[2] >= 10 && rrSteps[2] <= 30, "short steps with the regularizer: " + rrSteps[2]);
    }

    @Test
    void aRecipeWrittenBeforeWholeGuidanceStepsReadsAsRowMode() throws Exception {
        String old = "{\"batch_size\":4,\"learning_rate\":2.0E-4,\"warmup_steps\":200,\"total_steps\":20000,"
                + "\"cfg_dropout\":0.15,\"attribute_dropout\":0.3,\"melody_dropout\":0.5,\"rr_weight\":0.3,"
                + "\"validation_clips\":64,\"checkpoint_every\":100,\"seed\":1}";
        LmTrainingConfig read = new com.fasterxml.jackson.databind.ObjectMapper().readValue(old, LmTrainingConfig.class);
        assertTrue(!read.cfgWholeBatch());
        assertEquals(1, read.unconditionedRows());
        assertEquals(LmTrainingConfig.ShortWindows.NONE, read.shortWindows());
        assertEquals(LmTrainingConfig.Contrast.NONE, read.keyContrast());
        assertEquals(LmTrainingConfig.Contrast.NONE, read.tempoContrast());
    }

    static final LmTrainingConfig.Contrast KC = new LmTrainingConfig.Contrast(2.0, 0.5, 8);
    static final LmTrainingConfig.Contrast TC = new LmTrainingConfig.Contrast(1.0, 0.3, 8);
    static final LmTrainingConfig.Contrast SC = new LmTrainingConfig.Contrast(1.5, 0.4, 8);
    static final LmTrainingConfig.Contrast IC = new LmTrainingConfig.Contrast(0.5, 0.2, 6);

    /**
     * Clips whose tokens come from one half of the vocabulary (0–7 or 8–15, alternating), with
     * {@code labelled} giving each clip the labels of its half, so only a label tells the halves
     * apart at a window's start.
     */
    static List<TokenClip> halvesClips(Random r, int count, int frames,
                                       java.util.function.BiFunction<Integer, int[][], TokenClip> labelled) {
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean upper = i % 2 == 1;
            int[][] codes = new int[4][frames];
            for (int[] row : codes) {
                for (int t = 0; t < frames; t++) {
                    row[t] = (upper ? 8 : 0) + r.nextInt(8);
                }
            }
            clips.add(labelled.apply(i, codes));
        }
        return clips;
    }

    /** Captionless, melodyless clips in C major (lower half) or F# major (upper half). */
    static List<TokenClip> keyedClips(Random r, int count, int frames) {
        return halvesClips(r, count, frames, (i, codes) -> new TokenClip("k" + i + ".wav", null, 100.0,
                i % 2 == 1 ? "F#" : "C", "major", null, frames, codes, null, null));
    }

    /** Captionless, keyless, melodyless clips at 60 bpm (lower half) or 90 bpm (upper half). */
    static List<TokenClip> tempoClips(Random r, int count, int frames) {
        return halvesClips(r, count, frames, (i, codes) -> new TokenClip("t" + i + ".wav", null,
                i % 2 == 1 ? 90.0 : 60.0, null, null, null, frames, codes, null, null));
    }

    /**
     * The excess cross-entropy of {@code variant} over the true labels after 40 steps without and
     * with {@code term}; every step logs its gap ({@code gap}) exactly when the term is on.
     */
    private static double[] excessWithoutAndWith(List<TokenClip> clips, LmTrainingConfig plain,
                                                 LmTrainingConfig withTerm, String variant,
                                                 java.util.function.Function<LmTrainer.StepLog, Double> gap) {
        return excessWithoutAndWith(CONFIG, clips, plain, withTerm, gap, lm -> {
            java.util.Map<String, Double> ce = ConditionSensitivity.measure(lm, clips, 8, 8);
            return ce.get(variant) - ce.get("true");
        });
    }

    /** The same with the model's shape and the excess ({@code excess} of the trained model) given. */
    private static double[] excessWithoutAndWith(LmConfig shape, List<TokenClip> clips, LmTrainingConfig plain,
                                                 LmTrainingConfig withTerm,
                                                 java.util.function.Function<LmTrainer.StepLog, Double> gap,
                                                 java.util.function.ToDoubleFunction<TransformerLm> excess) {
        double[] out = new double[2];
        LmTrainingConfig[] recipes = {plain, withTerm};
        for (int k = 0; k < 2; k++) {
            try (TransformerLm lm = TransformerLm.create(shape, 9)) {
                LmTrainer t = new LmTrainer(lm, recipes[k], clips);
                for (int i = 0; i < 40; i++) {
                    assertEquals(k == 1, gap.apply(t.trainStep()) != null, "a gap is logged only with the term");
                }
                out[k] = excess.applyAsDouble(lm);
            }
        }
        return out;
    }

    /** Excess cross-entropy over the first 8 frames when {@code swap} changes each clip's condition. */
    private static double swappedExcess(TransformerLm lm, List<TokenClip> clips,
                                        java.util.function.UnaryOperator<LmCondition> swap) {
        return LmLoss.mean(LmLoss.evaluate(lm, clips, 8, 8, swap))
                - LmLoss.mean(LmLoss.evaluate(lm, clips, 8, 8, java.util.function.UnaryOperator.identity()));
    }

    @Test
    void styleContrastWidensHowMuchAnotherStyleCosts() {
        // the halves are "pop" and "funk" clips: only the style attribute tells them apart
        List<TokenClip> clips = halvesClips(new Random(24), 8, 24, (i, codes) -> new TokenClip("st" + i + ".wav",
                i % 2 == 1 ? "funk" : "pop", null, null, null, null, 24, codes, null, null));
        LmTrainingConfig plain = quiet(40).withBatchSize(8);
        double[] excess = excessWithoutAndWith(CONFIG.withMusicAttributes(), clips, plain,
                plain.withStyleContrast(new LmTrainingConfig.Contrast(5, 2, 8)), LmTrainer.StepLog::styleGap,
                lm -> swappedExcess(lm, clips, c -> c.withDescriptors(c.descriptors().withStyle(
                        c.descriptors().style() == Style.POP ? Style.FUNK : Style.POP))));
        assertTrue(excess[1] > 2 * excess[0] && excess[0] > 0,
                "other-style excess without / with the term: " + java.util.Arrays.toString(excess));
    }

    @Test
    void instrumentContrastWidensHowMuchOtherInstrumentsCost() {
        List<TokenClip> clips = halvesClips(new Random(25), 8, 24, (i, codes) -> new TokenClip("in" + i + ".wav",
                i % 2 == 1 ? "solo trumpet" : "solo piano", null, null, null, null, 24, codes, null, null));
        Set<String> piano = Set.of("piano");
        Set<String> trumpet = Set.of("trumpet");
        LmTrainingConfig plain = quiet(40).withBatchSize(8);
        double[] excess = excessWithoutAndWith(CONFIG.withMusicAttributes(), clips, plain,
                plain.withInstrumentContrast(new LmTrainingConfig.Contrast(5, 2, 8)), LmTrainer.StepLog::instrumentGap,
                lm -> swappedExcess(lm, clips, c -> c.withDescriptors(new MusicDescriptors(null, null,
                        c.descriptors().instruments().equals(piano) ? trumpet : piano))));
        assertTrue(excess[1] > 2 * excess[0] && excess[0] > 0,
                "other-instruments excess without / with the term: " + java.util.Arrays.toString(excess));
    }

    @Test
    void aWrongStyleOrLineUpIsAnotherThatTheCorpusHas() {
        List<MusicDescriptors> corpus = List.of(MusicDescriptors.parse("pop with piano"),
                MusicDescriptors.parse("jazz with piano and drums"), MusicDescriptors.parse("pop with piano"),
                MusicDescriptors.parse("metal"));
        ContrastLoss.Vocabulary v = ContrastLoss.Vocabulary.of(corpus);
        assertEquals(List.of(Style.POP, Style.JAZZ, Style.METAL), v.styles());
        assertEquals(2, v.instrumentSets().size(), "distinct, non-empty sets: " + v.instrumentSets());
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        LmCondition pop = new LmCondition(null, null, null, null, null, corpus.get(0));
        java.util.Set<Style> drawn = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            LmCondition w = ContrastLoss.wrongStyle(pop, rng, v);
            assertEquals(pop.descriptors().instruments(), w.descriptors().instruments(), "only the style moves");
            drawn.add(w.descriptors().style());
            assertEquals(Set.of("piano", "drums"), ContrastLoss.wrongInstruments(pop, rng, v).descriptors()
                    .instruments(), "the only other set");
        }
        assertEquals(Set.of(Style.JAZZ, Style.METAL), drawn);
        assertFalse(ContrastLoss.Vocabulary.of(corpus.subList(0, 1)).canContrast(ContrastLoss.Label.STYLE));
        assertTrue(v.canContrast(ContrastLoss.Label.INSTRUMENTS));
        try (TransformerLm lm = TransformerLm.create(CONFIG, 1)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new LmTrainer(lm, quiet(5).withStyleContrast(SC), keyedClips(new Random(1), 6, 12)));
            assertTrue(e.getMessage().contains("style, mood and instruments"), e.getMessage());
        }
        try (TransformerLm lm = TransformerLm.create(CONFIG.withMusicAttributes(), 1)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new LmTrainer(lm, quiet(5).withInstrumentContrast(IC), keyedClips(new Random(1), 6, 12)));
            assertTrue(e.getMessage().contains("two different sets of instruments"), e.getMessage());
        }
    }

    @Test
    void keyContrastWidensHowMuchAWrongKeyCostsAtTheStart() {
        LmTrainingConfig plain = quiet(40).withBatchSize(8);
        double[] tritoneExcess = excessWithoutAndWith(keyedClips(new Random(21), 8, 24), plain,
                plain.withKeyContrast(new LmTrainingConfig.Contrast(5, 2, 8)), "key_tritone", LmTrainer.StepLog::keyGap);
        assertTrue(tritoneExcess[1] > 2 * tritoneExcess[0] && tritoneExcess[0] > 0,
                "wrong-key excess without / with the term: " + java.util.Arrays.toString(tritoneExcess));
    }

    @Test
    void keyContrastTwinsOnlyRowsThatHaveAKeyAndNoMelody() {
        // every clip has a melody and it is never dropped: there is nothing to contrast
        Random r = new Random(23);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clips.add(clip(r, "m" + i + ".wav", 30, 16));
        }
        try (TransformerLm lm = TransformerLm.create(CONFIG, 4)) {
            LmTrainer t = new LmTrainer(lm, quiet(5).withKeyContrast(KC), clips);
            for (int i = 0; i < 5; i++) {
                assertEquals(null, t.trainStep().keyGap());
            }
        }
    }

    @Test
    void aWrongKeyIsNeverTheKeyItReplaces() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        LmCondition c = new LmCondition(null, 100.0, 2, dev.cantor.engine.music.Mode.MINOR, null);
        int flips = 0;
        for (int i = 0; i < 200; i++) {
            LmCondition w = ContrastLoss.wrongKey(c, rng);
            assertTrue(!w.keyRoot().equals(c.keyRoot()) ^ w.mode() != c.mode(), "exactly one of root and mode moves");
            flips += w.mode() != c.mode() ? 1 : 0;
        }
        assertTrue(flips > 60 && flips < 140, "about half flip the mode: " + flips);
        LmCondition noMode = ContrastLoss.wrongKey(new LmCondition(null, null, 11, null, null), rng);
        assertTrue(noMode.keyRoot() != 11 && noMode.mode() == null);
        assertThrowsIllegal(() -> new LmTrainingConfig.Contrast(1, 0, 10));
        assertThrowsIllegal(() -> new LmTrainingConfig.Contrast(1, 0.1, 0));
        assertEquals(7, KC.twins(30));
        assertEquals(1, KC.twins(2));
    }

    @Test
    void tempoContrastWidensHowMuchAWrongTempoCosts() {
        LmTrainingConfig plain = quiet(40).withBatchSize(8);
        double[] excess = excessWithoutAndWith(tempoClips(new Random(22), 8, 24), plain,
                plain.withTempoContrast(new LmTrainingConfig.Contrast(5, 2, 8)), "tempo_x1.5",
                LmTrainer.StepLog::tempoGap);
        assertTrue(excess[1] > 2 * excess[0] && excess[0] > 0,
                "wrong-tempo excess without / with the term: " + java.util.Arrays.toString(excess));
    }

    @Test
    void aWrongTempoIsThreeHalvesOrTwoThirdsOfTheTrueOneAndStaysInTheCorpusRange() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(6);
        int faster = 0;
        for (int i = 0; i < 200; i++) {
            double w = ContrastLoss.wrongTempo(new LmCondition(null, 100.0, 2, null, null), rng).tempoBpm();
            assertTrue(Math.abs(w - 150) < 1e-9 || Math.abs(w - 100 / 1.5) < 1e-9, "3/2 or 2/3: " + w);
            faster += w > 100 ? 1 : 0;
        }
        assertTrue(faster > 60 && faster < 140, "about half faster: " + faster);
        for (int i = 0; i < 20; i++) {
            assertEquals(200 / 1.5, ContrastLoss.wrongTempo(new LmCondition(null, 200.0, null, null, null), rng)
                    .tempoBpm(), 1e-9, "300 bpm is beyond the range: slower");
            assertEquals(75, ContrastLoss.wrongTempo(new LmCondition(null, 50.0, null, null, null), rng).tempoBpm(),
                    1e-9, "33 bpm is beyond the range: faster");
        }
    }

    @Test
    void shortWindowStepsTrainOnMoreShorterRowsAndTheRestStaysFull() {
        Random r = new Random(12);
        List<TokenClip> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clips.add(clip(r, "s" + i + ".wav", 30, 16));
        }
        LmTrainingConfig plain = quiet(30).withValidationClips(0);
        LmTrainingConfig mixed = plain.withShortWindows(new LmTrainingConfig.ShortWindows(0.5, 6));
        int[] shortSteps = new int[2];
        LmTrainingConfig[] recipes = {plain, mixed};
        for (int k = 0; k < 2; k++) {
            try (TransformerLm lm = TransformerLm.create(CONFIG, 4)) {
                LmTrainer t = new LmTrainer(lm, recipes[k], clips);
                assertEquals(24, t.windowFrames());
                for (int i = 0; i < 30; i++) {
                    LmTrainer.StepLog log = t.trainStep();
                    if (log.frames() == 6) {
                        assertEquals(16, log.windows(), "as many tokens as 4 windows of 24 frames");
                        shortSteps[k]++;
                    } else {
                        assertEquals(24, log.frames());
                        assertEquals(4, log.windows());
                    }
                    assertTrue(Double.isFinite(log.loss()));
                }
            }
        }
        assertEquals(0, shortSteps[0]);
        assertTrue(shortSteps[1] >= 7 && shortSteps[1] <= 23, "about half of 30 steps short: " + shortSteps[1]);
    }

    @Test
    void shortWindowsAreCheckedAndSizedByTokens() {
        assertEquals(20, new LmTrainingConfig.ShortWindows(0.5, 150).rows(4, 750));
        assertEquals(4, new LmTrainingConfig.ShortWindows(0.5, 1000).rows(4, 750), "never fewer rows than a full step");
        assertThrowsIllegal(() -> new LmTrainingConfig.ShortWindows(1.5, 150));
        assertThrowsIllegal(() -> new LmTrainingConfig.ShortWindows(0.5, 1));
        assertEquals(3, LmTrainingConfig.defaults(10).withBatchSize(4).unconditionedRows(20), "15% of 20 rows");
    }

    @Test
    void eachWitherChangesItsOwnSettingOnly() {
        LmTrainingConfig.ShortWindows sw = new LmTrainingConfig.ShortWindows(0.25, 100);
        LmTrainingConfig c = LmTrainingConfig.defaults(10).withBatchSize(5).withLearningRate(0.01).withWarmupSteps(7)
                .withTotalSteps(99).withCfgDropout(0.2).withAttributeDropout(0.4).withMelodyDropout(0.6)
                .withRrWeight(0.7).withValidationClips(11).withCheckpointEvery(13).withSeed(17)
                .withCfgWholeBatch(true).withShortWindows(sw).withKeyContrast(KC).withTempoContrast(TC)
                .withStyleContrast(SC).withInstrumentContrast(IC);
        assertEquals(new LmTrainingConfig(5, 0.01, 7, 99, 0.2, 0.4, 0.6, 0.7, 11, 13, 17, true, sw, KC, TC, SC, IC), c);
    }

    private static void assertThrowsIllegal(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
    }
}
