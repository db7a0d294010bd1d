package dev.cantor.engine.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Residual vector quantization (SoundStream): stage k quantizes what stages 0..k−1 left over.
 * The encoder gets gradients through the straight-through estimator and a commitment loss.
 */
public final class ResidualVectorQuantizer {

    private final List<VectorQuantizer> stages = new ArrayList<>();

    public ResidualVectorQuantizer(ParameterStore store, int numCodebooks, int codebookSize, int dim,
                                   float decay, float deadFraction) {
        for (int k = 0; k < numCodebooks; k++) {
            stages.add(new VectorQuantizer(store, "rvq.stage" + k, codebookSize, dim, decay, deadFraction));
        }
    }

    public int numCodebooks() {
        return stages.size();
    }

    /**
     * What one quantization pass produced.
     *
     * @param quantized      straight-through quantized latent, [N, D]: value of the codes,
     *                       gradient of the input
     * @param stageOutputs   per stage, the straight-through quantized vector of that stage
     *                       ([N, D] each; value = code vector, gradient flows to the residual)
     * @param codes          codes[k][n] for the stages used
     * @param commitmentLoss mean over stages of ‖residual − sg(code vector)‖², a scalar
     * @param replacedCodes  dead codes replaced in this pass (training only)
     */
    public record Output(NDArray quantized, List<NDArray> stageOutputs, long[][] codes,
                         NDArray commitmentLoss, int replacedCodes) {
    }

    /**
     * Quantizes rows x [N, D] with the first {@code stagesUsed} codebooks.
     *
     * @param training when true the codebooks learn from this batch (EMA) and dead codes are
     *                 replaced; {@code rng} drives initialisation and replacement
     */
    public Output forward(ParameterStore store, ParameterStore.Bound p, NDArray x, int stagesUsed,
                          boolean training, SplittableRandom rng) {
        if (stagesUsed < 1 || stagesUsed > stages.size()) {
            throw new IllegalArgumentException("stagesUsed must be 1.." + stages.size());
        }
        int rows = Math.toIntExact(x.getShape().get(0));
        NDArray residual = x;
        NDArray sum = null;
        NDArray commitment = null;
        List<NDArray> outputs = new ArrayList<>();
        long[][] codes = new long[stagesUsed][];
        int replaced = 0;
        for (int k = 0; k < stagesUsed; k++) {
            VectorQuantizer vq = stages.get(k);
            NDArray detached = residual.stopGradient();
            float[] rowsJava = null;
            if (training) {
                rowsJava = detached.toFloatArray();
                if (!vq.isInitialized(store)) {
                    vq.initializeFrom(store, rowsJava, rows, rng);
                    p = store.rebindBuffers(p);
                }
            }
            codes[k] = vq.nearest(p, detached);
            NDArray codeVectors = vq.lookup(store, p.manager(), codes[k]);          // [N, D], no grad
            NDArray stageCommit = residual.sub(codeVectors).square().mean();
            commitment = commitment == null ? stageCommit : commitment.add(stageCommit);
            outputs.add(residual.add(codeVectors.sub(residual).stopGradient()));     // straight-through
            sum = sum == null ? codeVectors : sum.add(codeVectors);
            residual = residual.sub(codeVectors);
            if (training) {
                replaced += vq.update(store, rowsJava, codes[k], rng);
            }
        }
        NDArray quantized = x.add(sum.sub(x).stopGradient());
        return new Output(quantized, outputs, codes, commitment.div(stagesUsed), replaced);
    }

    /** Sum of the code vectors of every stage given, as [N, D] (decoding tokens). */
    public NDArray decode(ParameterStore store, ai.djl.ndarray.NDManager manager, long[][] codes) {
        NDArray sum = null;
        for (int k = 0; k < codes.length; k++) {
            NDArray v = stages.get(k).lookup(store, manager, codes[k]);
            sum = sum == null ? v : sum.add(v);
        }
        return sum;
    }

    /** Rows x [N, D] → codes [K][N] with every stage, no learning. */
    public long[][] encode(ParameterStore store, ParameterStore.Bound p, NDArray x) {
        long[][] codes = new long[stages.size()][];
        NDArray residual = x;
        for (int k = 0; k < stages.size(); k++) {
            codes[k] = stages.get(k).nearest(p, residual);
            residual = residual.sub(stages.get(k).lookup(store, p.manager(), codes[k]));
        }
        return codes;
    }
}
