package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Where the positions of one forward pass sit and what each may attend to, worked out once per
 * pass and shared by every block.
 *
 * <p>With learned positions it is one causal mask over the cached and new positions. With
 * rotary positions the prefix and the audio are kept apart: the prefix ({@code prefixCount}
 * positions at the start of the pass, or none) attends causally within itself; each audio step
 * attends to the whole prefix and to the audio steps at most {@code span − 1} behind it, rotated
 * by {@code angles}.
 *
 * @param rotary      which of the two
 * @param mask        learned: [T, past + T] (0 = may look, large negative = may not), or null
 *                    when every query may see every key
 * @param prefixCount rotary: positions of the prefix in this pass (the whole prefix or 0)
 * @param angles      rotary: rotation of this pass's audio steps, or null when there are none
 * @param prefixMask  rotary: [np, np] causal mask of the prefix, or null
 * @param audioMask   rotary: [na, held + na] over the cached and new audio keys, or null when
 *                    every one is visible
 * @param span        rotary: audio steps a step sees, itself included ({@link LmConfig#attentionSpan()})
 */
record AttentionLayout(boolean rotary, NDArray mask, int prefixCount, RotaryPositions.Angles angles,
                       NDArray prefixMask, NDArray audioMask, int span) {

    static final float MASKED = -1e9f;

    /** Learned positions: query i (absolute position past + i) may see keys 0..past + i. */
    static AttentionLayout learned(NDManager m, int past, int t) {
        if (t == 1) {
            return new AttentionLayout(false, null, 0, null, null, null, 0);
        }
        int total = past + t;
        float[] mask = new float[t * total];
        for (int i = 0; i < t; i++) {
            for (int j = past + i + 1; j < total; j++) {
                mask[i * total + j] = MASKED;
            }
        }
        return new AttentionLayout(false, m.create(mask, new Shape(t, total)), 0, null, null, null, 0);
    }

    /**
     * Rotary positions for a pass of {@code prefixCount} prefix positions then {@code audioSteps}
     * audio steps from step {@code firstStep}, after {@code held} audio steps kept in the cache
     * (the ones just before {@code firstStep}).
     */
    static AttentionLayout rotary(NDManager m, RotaryPositions rope, int prefixCount, long firstStep, int audioSteps,
                                  int held, int span) {
        RotaryPositions.Angles angles = audioSteps > 0 ? rope.angles(m, firstStep, audioSteps) : null;
        NDArray prefixMask = null;
        if (prefixCount > 1) {
            float[] pm = new float[prefixCount * prefixCount];
            for (int i = 0; i < prefixCount; i++) {
                for (int j = i + 1; j < prefixCount; j++) {
                    pm[i * prefixCount + j] = MASKED;
                }
            }
            prefixMask = m.create(pm, new Shape(prefixCount, prefixCount));
        }
        NDArray audioMask = null;
        int keys = held + audioSteps;
        if (audioSteps > 1 || keys > span) {
            float[] am = new float[audioSteps * keys];
            boolean any = false;
            for (int i = 0; i < audioSteps; i++) {
                for (int j = 0; j < keys; j++) {
                    int behind = held + i - j;                  // how many steps key j is behind query i
                    if (behind < 0 || behind >= span) {
                        am[i * keys + j] = MASKED;
                        any = true;
                    }
                }
            }
            audioMask = any ? m.create(am, new Shape(audioSteps, keys)) : null;
        }
        return new AttentionLayout(true, null, prefixCount, angles, prefixMask, audioMask, span);
    }
}
