package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Independence-promoting loss for the codebooks of a residual quantizer (seed paper: "An
 * Independence-promoting Loss for Music Generation with Language Models"). It is the maximum
 * mean discrepancy between the joint distribution of the K quantized outputs and the product
 * of their marginals. Samples of the product are made by permuting each codebook's outputs
 * independently across batch × time; a language model that predicts the K codes of one step
 * independently loses nothing when this discrepancy is zero.
 *
 * <p>Two forms: {@link #aligned} compares the K codebooks at the same frame; {@link #delayed}
 * matches the LM's delay pattern, pairing codebook k at frame t with codebook j at frame
 * t − (k − j), i.e. the codes the LM emits in one step.
 *
 * <p>Kernel: sum of Gaussians with bandwidths {@code scale × mean squared distance} (the mean
 * is measured on the batch and not differentiated). The estimate is the biased V-statistic,
 * which is never negative: minimising the unbiased U-statistic drove it below zero, which it
 * did by spreading the latents ever wider until training diverged (measured at step ~50).
 */
public final class MmdLoss {

    private static final double[] BANDWIDTH_SCALES = {0.25, 1.0, 4.0};

    private MmdLoss() {
    }

    /**
     * @param stages K arrays [B·T, D], rows batch-major (b·T + t)
     * @return MMD² between joint rows [q_0(t) … q_{K−1}(t)] and independently permuted rows
     */
    public static NDArray aligned(List<NDArray> stages, SplittableRandom rng) {
        return jointVersusProduct(stages, rng);
    }

    /**
     * @param stages K arrays [B·T, D], rows batch-major
     * @param batch  B
     * @return MMD² between rows [q_0(s), q_1(s−1), …, q_{K−1}(s−K+1)] and their product
     */
    public static NDArray delayed(List<NDArray> stages, int batch, SplittableRandom rng) {
        int k = stages.size();
        long rows = stages.get(0).getShape().get(0);
        long dim = stages.get(0).getShape().get(1);
        long frames = rows / batch;
        if (frames < k + 1) {
            throw new IllegalArgumentException("need more than " + k + " frames per item for the delayed MMD");
        }
        List<NDArray> shifted = new ArrayList<>();
        long steps = frames - (k - 1);
        for (int j = 0; j < k; j++) {
            // LM step s emits codebook j at frame s − j; steps s = K−1 … T−1 have all K present.
            NDArray perItem = stages.get(j).reshape(new Shape(batch, frames, dim));
            long from = (k - 1) - j;
            NDArray slice = perItem.get(":, " + from + ":" + (from + steps) + ", :");
            shifted.add(slice.reshape(new Shape(batch * steps, dim)));
        }
        return jointVersusProduct(shifted, rng);
    }

    /** MMD² between the joint rows and product-of-marginals rows. */
    static NDArray jointVersusProduct(List<NDArray> stages, SplittableRandom rng) {
        int n = Math.toIntExact(stages.get(0).getShape().get(0));
        NDManager m = stages.get(0).getManager();
        NDList joint = new NDList();
        NDList product = new NDList();
        for (NDArray stage : stages) {
            joint.add(stage);
            product.add(permuteRows(stage, permutation(n, rng), m));
        }
        NDArray x = NDArrays.concat(joint, 1);
        NDArray y = NDArrays.concat(product, 1);
        return mmd(x, y);
    }

    /** Multi-bandwidth Gaussian-kernel MMD² (V-statistic, ≥ 0) between samples x [N, E] and y [N, E]. */
    public static NDArray mmd(NDArray x, NDArray y) {
        NDArray dxx = squaredDistances(x, x);
        NDArray dyy = squaredDistances(y, y);
        NDArray dxy = squaredDistances(x, y);
        float meanDistance = Math.max(1e-8f, dxy.mean().getFloat());
        NDArray total = null;
        for (double scale : BANDWIDTH_SCALES) {
            float gamma = (float) (-1.0 / (scale * meanDistance));
            NDArray kxx = dxx.mul(gamma).exp().mean();
            NDArray kyy = dyy.mul(gamma).exp().mean();
            NDArray kxy = dxy.mul(gamma).exp().mean();
            NDArray term = kxx.add(kyy).sub(kxy.mul(2));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    private static NDArray squaredDistances(NDArray a, NDArray b) {
        NDArray an = a.square().sum(new int[] {1}, true);          // [N, 1]
        NDArray bn = b.square().sum(new int[] {1}, true).transpose(); // [1, M]
        return an.add(bn).sub(a.matMul(b.transpose()).mul(2)).maximum(0f);
    }

    private static NDArray permuteRows(NDArray rows, int[] perm, NDManager m) {
        // A permutation matrix keeps the op differentiable and cheap for the few hundred rows of a batch.
        int n = perm.length;
        float[] p = new float[n * n];
        for (int i = 0; i < n; i++) {
            p[i * n + perm[i]] = 1f;
        }
        return m.create(p, new Shape(n, n)).matMul(rows);
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}
