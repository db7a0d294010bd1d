package dev.cantor.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Histograms of codec tokens: per-codebook perplexity and a total-correlation proxy (sum of
 * the marginal entropies minus the joint entropy, in bits), both for the K codes of one frame
 * ("aligned") and for the K codes one delay-pattern LM step emits together (codebook k at frame
 * t − k, "delayed").
 *
 * <p>These are plug-in estimates from counts. With far fewer frames than possible code tuples
 * the joint entropy is capped near log2(frames), which inflates the figure by a large bias. The
 * same estimate on tuples whose codebooks were shuffled independently (same marginals, no
 * dependence) measures that bias; the excess over it is the dependence the data really has.
 */
public final class CodeStatistics {

    private static final long SHUFFLE_SEED = 20240601L;

    private final int numCodebooks;
    private final int codebookSize;
    private final List<int[]> aligned = new ArrayList<>();
    private final List<int[]> delayed = new ArrayList<>();

    public CodeStatistics(int numCodebooks, int codebookSize) {
        this.numCodebooks = numCodebooks;
        this.codebookSize = codebookSize;
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
            }
            aligned.add(tuple);
        }
        // LM step s emits codebook k for frame s − k; steps with all K present.
        for (int s = numCodebooks - 1; s < length; s++) {
            int[] tuple = new int[numCodebooks];
            for (int k = 0; k < numCodebooks; k++) {
                tuple[k] = codes[k][s - k];
            }
            delayed.add(tuple);
        }
    }

    public long frames() {
        return aligned.size();
    }

    /** 2^H(codebook k), the effective number of codes in use. */
    public double[] perplexities() {
        double[] p = new double[numCodebooks];
        for (int k = 0; k < numCodebooks; k++) {
            p[k] = Math.pow(2, marginalEntropy(aligned, k));
        }
        return p;
    }

    /** Σ_k H(c_k) − H(c_1..c_K) for the codes of one frame, bits (plug-in, biased upward). */
    public double totalCorrelationBits() {
        return totalCorrelation(aligned);
    }

    /** The same for the codes of one delay-pattern step, bits. */
    public double delayedTotalCorrelationBits() {
        return totalCorrelation(delayed);
    }

    /** The plug-in estimate on independently shuffled codebooks: the estimator's bias floor. */
    public double shuffledTotalCorrelationBits() {
        return totalCorrelation(shuffled(aligned));
    }

    /** Dependence beyond the bias floor, bits. */
    public double excessTotalCorrelationBits() {
        return totalCorrelationBits() - shuffledTotalCorrelationBits();
    }

    /** Dependence beyond the bias floor for the delay-pattern step, bits. */
    public double excessDelayedTotalCorrelationBits() {
        return delayedTotalCorrelationBits() - totalCorrelation(shuffled(delayed));
    }

    /**
     * Sum over codebook pairs of their mutual information beyond the shuffled floor, bits, with
     * each codebook reduced to its {@value #COARSE_SYMBOLS} − 1 most frequent codes plus "other".
     * Unlike the K-way total correlation this stays measurable with thousands of frames.
     */
    public double pairwiseMutualInformationExcessBits() {
        return pairwiseMutualInformation(aligned) - pairwiseMutualInformation(shuffled(aligned));
    }

    /** The same for the codes of one delay-pattern step. */
    public double delayedPairwiseMutualInformationExcessBits() {
        return pairwiseMutualInformation(delayed) - pairwiseMutualInformation(shuffled(delayed));
    }

    private static final int COARSE_SYMBOLS = 32;

    private double pairwiseMutualInformation(List<int[]> tuples) {
        int n = tuples.size();
        if (n == 0) {
            return Double.NaN;
        }
        int[][] coarse = new int[numCodebooks][];
        for (int k = 0; k < numCodebooks; k++) {
            coarse[k] = coarsen(tuples, k);
        }
        double total = 0;
        for (int j = 0; j < numCodebooks; j++) {
            for (int k = j + 1; k < numCodebooks; k++) {
                long[] joint = new long[COARSE_SYMBOLS * COARSE_SYMBOLS];
                long[] mj = new long[COARSE_SYMBOLS];
                long[] mk = new long[COARSE_SYMBOLS];
                for (int i = 0; i < n; i++) {
                    joint[coarse[j][i] * COARSE_SYMBOLS + coarse[k][i]]++;
                    mj[coarse[j][i]]++;
                    mk[coarse[k][i]]++;
                }
                total += entropy(mj, n) + entropy(mk, n) - entropy(joint, n);
            }
        }
        return total;
    }

    /** Codebook k's codes as symbols 0..30 (most frequent first) or 31 (all others). */
    private int[] coarsen(List<int[]> tuples, int k) {
        long[] counts = new long[codebookSize];
        for (int[] t : tuples) {
            counts[t[k]]++;
        }
        Integer[] order = new Integer[codebookSize];
        for (int c = 0; c < codebookSize; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Long.compare(counts[b], counts[a]) != 0
                ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int[] symbol = new int[codebookSize];
        Arrays.fill(symbol, COARSE_SYMBOLS - 1);
        for (int r = 0; r < Math.min(COARSE_SYMBOLS - 1, codebookSize); r++) {
            symbol[order[r]] = r;
        }
        int[] out = new int[tuples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = symbol[tuples.get(i)[k]];
        }
        return out;
    }

    private List<int[]> shuffled(List<int[]> tuples) {
        int n = tuples.size();
        List<int[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new int[numCodebooks]);
        }
        SplittableRandom rng = new SplittableRandom(SHUFFLE_SEED);
        for (int k = 0; k < numCodebooks; k++) {
            int[] column = new int[n];
            for (int i = 0; i < n; i++) {
                column[i] = tuples.get(i)[k];
            }
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = column[i];
                column[i] = column[j];
                column[j] = t;
            }
            for (int i = 0; i < n; i++) {
                out.get(i)[k] = column[i];
            }
        }
        return out;
    }

    private double totalCorrelation(List<int[]> tuples) {
        if (tuples.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < numCodebooks; k++) {
            sum += marginalEntropy(tuples, k);
        }
        Map<TupleKey, Integer> joint = new HashMap<>();
        for (int[] t : tuples) {
            joint.merge(new TupleKey(t), 1, Integer::sum);
        }
        double h = 0;
        double n = tuples.size();
        for (int c : joint.values()) {
            double p = c / n;
            h -= p * log2(p);
        }
        return sum - h;
    }

    private double marginalEntropy(List<int[]> tuples, int k) {
        long[] counts = new long[codebookSize];
        for (int[] t : tuples) {
            counts[t[k]]++;
        }
        return entropy(counts, tuples.size());
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
            return o instanceof TupleKey t && Arrays.equals(t.codes, codes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codes);
        }
    }
}
