package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The text–audio representation-similarity regularizer (seed paper): for the B' rows of a batch
 * trained without their text, the cosine-similarity matrix of the captions' sentence embeddings
 * should match that of the model's audio representations (max-pool of the hidden states over
 * time). Loss = mean over pairs b ≠ b' of (cos(T_b, T_b') − cos(A_b, A_b'))².
 *
 * <p>It keeps the unconditional path's representations organised the way the text space is,
 * which is what classifier-free guidance subtracts from.
 */
public final class RepresentationRegularizer {

    private RepresentationRegularizer() {
    }

    /** Cosine similarities of the rows of texts [B'][D] (Java side: they are constants). */
    public static float[] textSimilarities(float[][] texts) {
        int n = texts.length;
        float[] out = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = (float) cosine(texts[i], texts[j]);
            }
        }
        return out;
    }

    /**
     * @param audioHidden hidden states of the unconditioned rows, [B', T, d]
     * @param textSimilarity [B'·B'] from {@link #textSimilarities}
     * @return the scalar loss (0 when fewer than two rows)
     */
    public static NDArray loss(NDArray audioHidden, float[] textSimilarity) {
        int n = Math.toIntExact(audioHidden.getShape().get(0));
        NDManager m = audioHidden.getManager();
        if (n < 2) {
            return m.zeros(new Shape());
        }
        NDArray pooled = audioHidden.max(new int[] {1});                          // [B', d]
        NDArray norms = pooled.square().sum(new int[] {1}, true).add(1e-8f).sqrt();
        NDArray unit = pooled.div(norms);
        NDArray audioSim = unit.matMul(unit.transpose());                        // [B', B']
        float[] offDiagonal = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                offDiagonal[i * n + j] = i == j ? 0f : 1f;
            }
        }
        NDArray diff = audioSim.sub(m.create(textSimilarity, new Shape(n, n)));
        return diff.square().mul(m.create(offDiagonal, new Shape(n, n))).sum().div((float) (n * (n - 1)));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            na += a[i] * (double) a[i];
            nb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(Math.max(1e-16, na * nb));
    }
}
