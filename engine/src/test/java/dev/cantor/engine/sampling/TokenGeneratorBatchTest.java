package dev.cantor.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Takes made together ("Make 4") against single runs, and the frames handed to a sink while a
 * piece is made, for both kinds of positions: learned (restarting windows) and rotary (one pass).
 */
class TokenGeneratorBatchTest {

    /** Learned positions, a window of 12 frames: 40 frames need several restarts. */
    private static final LmConfig LEARNED = new LmConfig(4, 32, 32, 2, 2, 64, 12, 384, 0.0).withFrameCondition(50);
    /** Rotary positions, a window of 8 frames, with music attributes. */
    private static final LmConfig ROTARY = new LmConfig(4, 32, 32, 2, 2, 64, 8, 384, 0.0).withFrameCondition(50)
            .withMusicAttributes().withRotaryPositions();
    private static final SamplingParams SAMPLING = new SamplingParams(1.0, 20, 1.0, 2.0, 0);
    /** Without guidance: one row per take (a single run's products have one row). */
    private static final SamplingParams UNGUIDED = new SamplingParams(0.8, 0, 0.9, 1.0, 0);

    private static LmCondition condition(int[] melody) {
        Random r = new Random(3);
        float[] text = new float[384];
        for (int i = 0; i < text.length; i++) {
            text[i] = (float) r.nextGaussian() / 20f;
        }
        return new LmCondition(text, 96.0, 7, Mode.MINOR, melody, MusicDescriptors.parse("jazz piano"));
    }

    private static int[][] prompt(int frames, int vocabulary) {
        Random r = new Random(8);
        int[][] codes = new int[4][frames];
        for (int[] row : codes) {
            for (int f = 0; f < frames; f++) {
                row[f] = r.nextInt(vocabulary);
            }
        }
        return codes;
    }

    @Test
    void eachTakeOfABatchIsTheSingleRunWithItsSeed() {
        int[] melody = new int[40];
        for (int f = 0; f < melody.length; f++) {
            melody[f] = (f / 5) % 13;
        }
        for (LmConfig config : new LmConfig[] {LEARNED, ROTARY}) {
            try (TransformerLm lm = TransformerLm.create(config, 5)) {
                TokenGenerator generator = new TokenGenerator(lm);
                for (int[][] prompt : new int[][][] {null, prompt(6, config.codebookSize())}) {
                    for (SamplingParams sampling : new SamplingParams[] {SAMPLING, UNGUIDED}) {
                        LmCondition c = condition(prompt == null ? null : melody);
                        long[] seeds = {11, 12, 13};
                        int[][][] batch = generator.generateTakes(c, prompt, 40, generator.defaultContextFrames(),
                                sampling, seeds, (done, total) -> { }, TokenGenerator.FrameSink.NONE,
                                CancellationToken.NEVER);
                        assertEquals(3, batch.length);
                        for (int t = 0; t < seeds.length; t++) {
                            int[][] single = generator.generate(c, prompt, 40, generator.defaultContextFrames(),
                                    sampling.withSeed(seeds[t]), (done, total) -> { }, CancellationToken.NEVER);
                            // exact: each row of the batch is computed as it would be alone (TokenGenerator#generateTakes)
                            assertArrayEquals(single, batch[t], config.rotaryPositions() + " " + sampling + " take " + t);
                        }
                        assertFalse(java.util.Arrays.deepEquals(batch[0], batch[1]), "the seeds make different takes");
                    }
                }
            }
        }
    }

    @Test
    void keyGuidanceChangesOnlyGuidedPiecesThatAskAKeyStartFromNothingAndHaveNoMelody() {
        for (LmConfig config : new LmConfig[] {LEARNED, ROTARY}) {
            try (TransformerLm lm = TransformerLm.create(config, 5)) {
                TokenGenerator generator = new TokenGenerator(lm);
                LmCondition keyed = condition(null);
                int[][] context = prompt(6, config.codebookSize());
                SamplingParams off = SAMPLING.withSeed(21).withKeyGuidance(0);
                SamplingParams on = SAMPLING.withSeed(21).withKeyGuidance(3);
                assertFalse(java.util.Arrays.deepEquals(make(generator, keyed, null, off), make(generator, keyed, null, on)),
                        config.rotaryPositions() + ": a key asked, a piece from nothing: guided towards the key");
                assertArrayEquals(make(generator, keyed.withoutKey(), null, off), make(generator, keyed.withoutKey(), null, on),
                        "no key asked: nothing to guide towards");
                assertArrayEquals(make(generator, keyed, context, off), make(generator, keyed, context, on),
                        "a continuation already has its key");
                LmCondition hummed = keyed.withMelody(new int[] {0, 4, 7, 12, 7, 4});
                assertArrayEquals(make(generator, hummed, null, off), make(generator, hummed, null, on),
                        "a hummed melody gives the pitches itself");
                assertArrayEquals(make(generator, keyed, null, UNGUIDED.withSeed(21).withKeyGuidance(0)),
                        make(generator, keyed, null, UNGUIDED.withSeed(21).withKeyGuidance(3)),
                        "without guidance there are no conditional rows to move");
            }
        }
    }

    private static int[][] make(TokenGenerator generator, LmCondition c, int[][] prompt, SamplingParams sampling) {
        return generator.generate(c, prompt, 20, generator.defaultContextFrames(), sampling, (done, total) -> { },
                CancellationToken.NEVER);
    }

    @Test
    void theSinkHearsEveryFrameOnceItIsFinalAndItNeverChangesAfter() {
        for (LmConfig config : new LmConfig[] {LEARNED, ROTARY}) {
            try (TransformerLm lm = TransformerLm.create(config, 6)) {
                TokenGenerator generator = new TokenGenerator(lm);
                int[][] prompt = prompt(5, config.codebookSize());
                List<Integer> reports = new ArrayList<>();
                List<int[][][]> seen = new ArrayList<>();
                int[] framesDone = {0};
                List<Integer> doneAtReport = new ArrayList<>();
                int[][][] pieces = generator.generateTakes(condition(null), prompt, 30, generator.defaultContextFrames(),
                        SAMPLING, new long[] {1, 2}, (done, total) -> framesDone[0] = done,
                        (p, complete) -> {
                            reports.add(complete);
                            doneAtReport.add(framesDone[0]);
                            int[][][] copy = new int[p.length][p[0].length][];
                            for (int t = 0; t < p.length; t++) {
                                for (int k = 0; k < p[t].length; k++) {
                                    copy[t][k] = java.util.Arrays.copyOf(p[t][k], complete);
                                }
                            }
                            seen.add(copy);
                        }, CancellationToken.NEVER);
                assertEquals(5, reports.get(0), "the prompt is final from the start");
                assertEquals(35, reports.get(reports.size() - 1));
                for (int i = 1; i < reports.size(); i++) {
                    assertEquals(reports.get(i - 1) + 1, reports.get(i), "one frame at a time, none skipped");
                    assertEquals(reports.get(i) - 5 - 1, doneAtReport.get(i),
                            "the sink hears a frame before the progress counts it");
                }
                for (int[][][] copy : seen) {
                    for (int t = 0; t < 2; t++) {
                        for (int k = 0; k < 4; k++) {
                            assertArrayEquals(copy[t][k], java.util.Arrays.copyOf(pieces[t][k], copy[t][k].length));
                        }
                    }
                }
                assertTrue(seen.size() > 20);
            }
        }
    }
}
