package dev.cantor.engine.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.LmConfig;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.patterns.DelayPattern;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenGeneratorTest {

    /** A window of 8 frames; the piece below is six windows long. */
    private static final LmConfig ROTARY = new LmConfig(4, 32, 32, 2, 2, 64, 8, 384, 0.0).withFrameCondition(50)
            .withMusicAttributes().withRotaryPositions();

    @Test
    void aRotaryModelMakesAPieceLongerThanItsWindowWithAFullWindowOfContextAtEveryFrame() {
        Random r = new Random(3);
        float[] text = new float[384];
        for (int i = 0; i < text.length; i++) {
            text[i] = (float) r.nextGaussian() / 20f;
        }
        LmCondition condition = new LmCondition(text, 120.0, 2, Mode.MAJOR, null,
                MusicDescriptors.parse("calm jazz with a flute"));
        int frames = 48;
        try (TransformerLm lm = TransformerLm.create(ROTARY, 5)) {
            TokenGenerator generator = new TokenGenerator(lm);
            assertEquals(ROTARY.maxFrames() - 1, generator.guaranteedContextFrames(generator.defaultContextFrames()));
            int[] reported = new int[1];
            int[][] codes = generator.generate(condition, null, frames, generator.defaultContextFrames(),
                    new SamplingParams(0, 0, 1, 1, 1), (done, total) -> reported[0] = done, CancellationToken.NEVER);
            assertEquals(frames, codes[0].length);
            assertEquals(frames, reported[0]);
            // Greedy decoding: every token must be the argmax of one full pass over the finished
            // piece in which each step sees the prefix and the last attentionSpan steps. If the
            // generator restarted windows or lost context, the two would part ways.
            int k = ROTARY.numCodebooks();
            int v = ROTARY.codebookSize();
            DelayPattern pattern = new DelayPattern(k);
            int[][] delayed = pattern.build(codes, ROTARY.emptyToken());
            int steps = pattern.steps(frames);
            int[] inputs = new int[steps * k];
            for (int s = 0; s < steps; s++) {
                for (int c = 0; c < k; c++) {
                    inputs[s * k + c] = s == 0 ? ROTARY.emptyToken() : delayed[c][s - 1];
                }
            }
            int[] melody = new int[steps];
            java.util.Arrays.fill(melody, LmCondition.MELODY_NONE);
            float[] logits;
            List<LmCondition> conds = List.of(condition);
            try (NDManager m = lm.manager().newSubManager()) {
                ParameterStore.Bound p = lm.parameters().bind(m);
                NDArray x = lm.embedPrefix(p, m, conds).concat(lm.embedSteps(p, m, inputs, melody,
                        lm.beatClock(conds, new int[] {0}, steps), lm.frameCondition(p, m, conds), 1, steps, 0), 1);
                NDArray h = lm.hidden(p, x, null, 0f).get(new NDIndex(":, {}:, :", ROTARY.prefixLength()));
                logits = lm.logits(p, h).toFloatArray();
            }
            int checked = 0;
            for (int s = 0; s < steps; s++) {
                for (int c = 0; c < k; c++) {
                    if (!DelayPattern.isValid(c, s, frames)) {
                        continue;
                    }
                    int best = 0;
                    for (int t = 1; t < v; t++) {
                        if (logits[(s * k + c) * v + t] > logits[(s * k + c) * v + best]) {
                            best = t;
                        }
                    }
                    assertEquals(best, delayed[c][s], "codebook " + c + ", step " + s);
                    checked++;
                }
            }
            assertEquals(frames * k, checked);
            assertTrue(steps > 4 * ROTARY.attentionSpan(), "the piece runs well past the window");
        }
    }
}
