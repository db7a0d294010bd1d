package dev.cantor.engine.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Histograms of codec tokens: per-codebook perplexity and a total-correlation proxy (sum of
 * the marginal entropies minus the joint entropy, in bits) over frames, both for the K codes of
 * one frame ("aligned") and for the K codes one delay-pattern LM step emits together
 * (codebook k at frame t − k, "delayed").
 *
 * <p>These are plug-in estimates from counts. With far fewer frames than possible code tuples
 * the joint entropy is capped near log2(frames), which inflates the figure; it is meant for
 * comparing codecs on the same clips, not as an absolute number.
 */
public final class CodeStatistics {

    private final int numCodebooks;
    private final long[][] marginal;
    private final Map<TupleKey, Integer> joint = new HashMap<>();
    private final Map<TupleKey, Integer> jointDelayed = new HashMap<>();
    private final long[][] marginalDelayed;
    private long frames;
    private long delayedSteps;

    public CodeStatistics(int numCodebooks, int codebookSize) {
        this.numCodebooks = numCodebooks;
        this.marginal = new long[numCodebooks][codebookSize];
        this.marginalDelayed = new long[numCodebooks][codebookSize];
    }

    /** Adds the codes [K][frames] of one clip. */
    public void add(int[][] codes) {
        if (codes.length != numCodebooks) {
            throw new IllegalArgumentException("expected " + numCodebooks + " codebooks");
        }
        int length = codes[0].length;
        for (int t = 0; t < length; t++) {
            int[] tuple = new int[numCodebooks];
            for (int k = 0; k < numCodebooks; k++) {
                tuple[k] = codes[k][t];
                marginal[k][tuple[k]]++;
            }
            joint.merge(new TupleKey(tuple), 1, Integer::sum);
            frames++;
        }
        // LM step s emits codebook k for frame s − k; steps with all K present.
        for (int s = numCodebooks - 1; s < length; s++) {
            int[] tuple = new int[numCodebooks];
            for (int k = 0; k < numCodebooks; k++) {
                tuple[k] = codes[k][s - k];
                marginalDelayed[k][tuple[k]]++;
            }
            jointDelayed.merge(new TupleKey(tuple), 1, Integer::sum);
            delayedSteps++;
        }
    }

    public long frames() {
        return frames;
    }

    /** 2^H(codebook k), the effective number of codes in use. */
    public double[] perplexities() {
        double[] p = new double[numCodebooks];
        for (int k = 0; k < numCodebooks; k++) {
            p[k] = Math.pow(2, entropy(marginal[k], frames));
        }
        return p;
    }

    /** Σ_k H(c_k) − H(c_1..c_K) for the codes of one frame, bits. */
    public double totalCorrelationBits() {
        return totalCorrelation(marginal, joint, frames);
    }

    /** The same for the codes of one delay-pattern step, bits. */
    public double delayedTotalCorrelationBits() {
        return totalCorrelation(marginalDelayed, jointDelayed, delayedSteps);
    }

    private static double totalCorrelation(long[][] marginals, Map<TupleKey, Integer> joint, long n) {
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (long[] m : marginals) {
            sum += entropy(m, n);
        }
        double h = 0;
        for (int c : joint.values()) {
            double p = c / (double) n;
            h -= p * log2(p);
        }
        return sum - h;
    }

    static double entropy(long[] counts, long n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / (double) n;
                h -= p * log2(p);
            }
        }
        return h;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private record TupleKey(int[] codes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TupleKey t && java.util.Arrays.equals(t.codes, codes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(codes);
        }
    }
}
