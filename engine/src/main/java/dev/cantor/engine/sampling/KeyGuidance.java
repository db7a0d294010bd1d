package dev.cantor.engine.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.lm.KvCache;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import java.util.Collections;
import java.util.List;

/**
 * Guidance towards the asked key while a piece starts from nothing. The takes' conditions run a
 * second time with the key left out, in rows of their own with their own KV cache, and each
 * conditional logit gains λ·(with key − without key), so the key's own effect is strengthened
 * without strengthening every other condition with it (guidance per condition, as InstructPix2Pix
 * weighs its image and text conditions apart).
 *
 * <p>Every step of a piece made from nothing is guided. A model trained with the key contrast
 * (LM card, "Key contrast") makes the key it is told at the start, but left alone after the
 * first seconds it wanders to the dominant; guided throughout, it stays (LM card, "Key
 * guidance"). A continuation is not guided (its audio has a key of its own), and neither is a
 * piece with a hummed melody: the melody gives the pitches, and pushing the key over it pulled
 * the music away from the tune.
 */
final class KeyGuidance {

    private final TransformerLm lm;
    private final double weight;
    private final List<LmCondition> keyless;
    private final KvCache cache;
    private final NDArray frameCondition;

    private KeyGuidance(TransformerLm lm, NDManager session, LmCondition condition, int takes, double weight) {
        this.lm = lm;
        this.weight = weight;
        this.keyless = Collections.nCopies(takes, condition.withoutKey());
        this.cache = lm.newCache(session);
        this.frameCondition = lm.frameCondition(lm.parameters().bind(session), session, keyless);
        try (NDManager m = session.newSubManager()) {
            ParameterStore.Bound p = lm.parameters().bind(m);
            lm.hidden(p, lm.embedPrefix(p, m, keyless), cache, 0f);
        }
    }

    /**
     * Key guidance for a guided window (the caller runs it only where classifier-free guidance
     * runs), or null when there is none to give: a weight of 0, no key asked, a melody given, or
     * a window that starts from context (a continuation, or a later window of a model with
     * learned positions). Its cache belongs to {@code session} and goes with it.
     */
    static KeyGuidance start(TransformerLm lm, NDManager session, LmCondition condition, int takes,
                             SamplingParams params, int contextFrames) {
        boolean applies = params.keyGuidance() > 0 && condition.keyRoot() != null && condition.melody() == null
                && contextFrames == 0;
        return applies ? new KeyGuidance(lm, session, condition, takes, params.keyGuidance()) : null;
    }

    /**
     * Runs step {@code step} for the keyless rows and moves the takes' conditional logits (the
     * first takes × K × V values of {@code logits}) away from them by the weight.
     *
     * @param inputs  the step's input tokens for the takes' rows, as {@link TokenGenerator} makes them
     * @param melody  the step's melody symbol for the takes' rows
     * @param firstFrames the frame of the step for each take (for the beat clock)
     */
    void apply(ParameterStore.Bound p, NDManager m, float[] logits, int[] inputs, int[] melody, int[] firstFrames,
               int step) {
        int takes = keyless.size();
        NDArray x = lm.embedSteps(p, m, inputs, melody, lm.beatClock(keyless, firstFrames, 1), frameCondition,
                takes, 1, step);
        float[] without = lm.logits(p, lm.hidden(p, x, cache, 0f)).toFloatArray();     // [takes, 1, K, V]
        for (int i = 0; i < without.length; i++) {
            logits[i] += (float) (weight * (logits[i] - without[i]));
        }
    }
}
