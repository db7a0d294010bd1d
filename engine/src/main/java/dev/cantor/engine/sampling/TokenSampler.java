package dev.cantor.engine.sampling;

import dev.cantor.engine.api.SamplingParams;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws one token from a row of logits: classifier-free guidance, temperature, top-k, top-p.
 * Pure Java on float arrays, so the same logits and random stream give the same token on any
 * thread (the sampling loop copies each step's logits out of the model once).
 */
public final class TokenSampler {

    private final SamplingParams params;
    private final SplittableRandom random;
    private final int[] order;
    private final float[] scratch;
    private final long[] keys;

    /** @param vocabulary number of tokens in a row */
    public TokenSampler(SamplingParams params, int vocabulary) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
        this.order = new int[vocabulary];
        this.scratch = new float[vocabulary];
        this.keys = new long[vocabulary];
    }

    /**
     * Guided logits written into {@code out}: uncond + g·(cond − uncond). With g = 1 this is
     * exactly the conditional row.
     */
    public static void guide(float[] cond, int condOffset, float[] uncond, int uncondOffset, int length,
                             double g, float[] out) {
        for (int i = 0; i < length; i++) {
            float c = cond[condOffset + i];
            float u = uncond[uncondOffset + i];
            out[i] = g == 1.0 ? c : (float) (u + g * (c - u));
        }
    }

    /** Samples a token from {@code logits[offset .. offset+vocabulary)}. */
    public int sample(float[] logits, int offset) {
        int n = order.length;
        if (params.temperature() == 0) {
            return argmax(logits, offset, n);
        }
        double inv = 1.0 / params.temperature();
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        if (!Float.isFinite(max)) {
            throw new IllegalStateException("the model produced non-finite logits");
        }
        // Probabilities (unnormalised) in scratch; token ids sorted by falling probability in order
        // (ties: lower id first). Sorting packed primitive keys avoids boxing in the hot loop.
        for (int i = 0; i < n; i++) {
            scratch[i] = (float) Math.exp((logits[offset + i] - max) * inv);
            keys[i] = ((long) Float.floatToIntBits(scratch[i]) << 32) | (n - 1 - i);
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            order[i] = n - 1 - (int) (keys[n - 1 - i] & 0xFFFFFFFFL);
        }
        int keep = params.topK() > 0 ? Math.min(params.topK(), n) : n;
        double total = 0;
        for (int i = 0; i < keep; i++) {
            total += scratch[order[i]];
        }
        if (params.topP() < 1) {
            double mass = 0;
            int nucleus = 0;
            while (nucleus < keep && mass < params.topP() * total) {
                mass += scratch[order[nucleus++]];
            }
            keep = Math.max(1, nucleus);
            total = mass;
        }
        double u = random.nextDouble() * total;
        double acc = 0;
        for (int i = 0; i < keep; i++) {
            acc += scratch[order[i]];
            if (u < acc) {
                return order[i];
            }
        }
        return order[keep - 1];
    }

    private static int argmax(float[] logits, int offset, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (logits[offset + i] > logits[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
