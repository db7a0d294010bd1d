package dev.cantor.engine.sampling;

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

    /** @param vocabulary number of tokens in a row */
    public TokenSampler(SamplingParams params, int vocabulary) {
        this.params = params;
        this.random = new SplittableRandom(params.seed());
        this.order = new int[vocabulary];
        this.scratch = new float[vocabulary];
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
        // Probabilities (unnormalised) in scratch, token ids sorted by probability in order.
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            scratch[i] = (float) Math.exp((logits[offset + i] - max) * inv);
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Float.compare(scratch[b], scratch[a]) != 0
                ? Float.compare(scratch[b], scratch[a]) : Integer.compare(a, b));
        int keep = params.topK() > 0 ? Math.min(params.topK(), n) : n;
        double total = 0;
        for (int i = 0; i < keep; i++) {
            order[i] = boxed[i];
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
