package dev.cantor.engine.sampling;

import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.lm.LmCondition;

/**
 * Guidance towards the asked key while a piece starts from nothing. The takes' conditions run a
 * second time with the key left out, and each conditional logit gains λ·(with key − without key),
 * so the key's own effect is strengthened without strengthening every other condition with it
 * (guidance per condition, as InstructPix2Pix weighs its image and text conditions apart).
 *
 * <p>The keyless rows ride in the step's one batch, after the conditional and unconditional rows
 * (3N rows for N takes). A pass of their own, with its own KV cache, cost nearly as much as the
 * main pass: on a CPU a step is bound by reading the weights, not by the rows it carries.
 *
 * <p>Every step of a piece made from nothing is guided. A model trained with the key contrast
 * (LM card, "Key contrast") makes the key it is told at the start, but left alone after the
 * first seconds it wanders to the dominant; guided throughout, it stays (LM card, "Key
 * guidance"). A continuation is not guided (its audio has a key of its own), and neither is a
 * piece with a hummed melody: the melody gives the pitches, and pushing the key over it pulled
 * the music away from the tune.
 */
final class KeyGuidance {

    private KeyGuidance() {
    }

    /**
     * Whether a guided window gets key guidance (the caller asks only where classifier-free
     * guidance runs): a weight above 0, a key asked, no melody, and a window that starts from
     * nothing rather than from context (a continuation, or a later window of a model with
     * learned positions).
     */
    static boolean applies(LmCondition condition, SamplingParams params, int contextFrames) {
        return params.keyGuidance() > 0 && condition.keyRoot() != null && condition.melody() == null
                && contextFrames == 0;
    }

    /** The condition of the keyless rows. */
    static LmCondition keyless(LmCondition condition) {
        return condition.withoutKey();
    }

    /**
     * Moves the takes' conditional logits away from their keyless rows by {@code weight}.
     * {@code logits} holds a step's rows as [conditional × takes, unconditional × takes,
     * keyless × takes], each row {@code rowSize} values.
     */
    static void apply(float[] logits, int takes, int rowSize, double weight) {
        int conditional = takes * rowSize;
        int keyless = 2 * conditional;
        for (int i = 0; i < conditional; i++) {
            logits[i] += (float) (weight * (logits[i] - logits[keyless + i]));
        }
    }
}
