package dev.cantor.engine.quantizer;

import ai.djl.ndarray.NDArray;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Residual vector quantization (SoundStream): stage k quantizes what stages 0..k−1 left over.
 * The encoder gets gradients through the straight-through estimator and a commitment loss.
 *
 * <p>Two kinds of stage: EMA codebooks in the full latent dimension ({@link VectorQuantizer},
 * the default) or factorized stages learned by gradient ({@link FactorizedVectorQuantizer});
 * one quantizer uses one kind throughout.
 */
public final class ResidualVectorQuantizer {

    private final List<QuantizerStage> stages = new ArrayList<>();
    private final boolean factorized;

    /** K EMA codebooks of {@code codebookSize} entries in the latent dimension {@code dim}. */
    public ResidualVectorQuantizer(ParameterStore store, int numCodebooks, int codebookSize, int dim,
                                   float decay, float deadFraction) {
        for (int k = 0; k < numCodebooks; k++) {
            stages.add(new VectorQuantizer(store, "rvq.stage" + k, codebookSize, dim, decay, deadFraction));
        }
        this.factorized = false;
    }

    private ResidualVectorQuantizer(List<FactorizedVectorQuantizer> factorizedStages) {
        stages.addAll(factorizedStages);
        this.factorized = true;
    }

    /**
     * K factorized stages whose codes live in {@code codeDim} dimensions (see
     * {@link FactorizedVectorQuantizer}); {@code decay} and {@code deadFraction} govern the
     * re-seeding of unused codes as they do for EMA codebooks.
     */
    public static ResidualVectorQuantizer factorized(ParameterStore store, int numCodebooks, int codebookSize,
                                                     int dim, int codeDim, float decay, float deadFraction) {
        List<FactorizedVectorQuantizer> list = new ArrayList<>();
        for (int k = 0; k < numCodebooks; k++) {
            list.add(new FactorizedVectorQuantizer(store, "rvq.stage" + k, codebookSize, dim, codeDim,
                    decay, deadFraction));
        }
        return new ResidualVectorQuantizer(list);
    }

    public int numCodebooks() {
        return stages.size();
    }

    /**
     * What one quantization pass produced.
     *
     * @param quantized      straight-through quantized latent, [N, D]: value of the codes,
     *                       gradient of the input (factorized: through the stages' projections)
     * @param stageOutputs   per stage, the straight-through quantized vector of that stage
     *                       ([N, D] each; value = code vector, gradient flows to the residual)
     * @param codes          codes[k][n] for the stages used
     * @param commitmentLoss mean over stages of ‖residual − sg(code vector)‖², a scalar
     *                       (factorized stages: of the unit-length projected vectors)
     * @param codebookLoss   factorized stages: mean over stages of ‖code − sg(projected residual)‖²,
     *                       the only gradient their codebooks get, a scalar; null for EMA stages
     * @param replacedCodes  dead codes replaced in this pass (training only; factorized stages
     *                       schedule them and {@link #applyCodeWrites} writes them)
     */
    public record Output(NDArray quantized, List<NDArray> stageOutputs, long[][] codes,
                         NDArray commitmentLoss, NDArray codebookLoss, int replacedCodes) {
    }

    /**
     * Quantizes rows x [N, D] with the first {@code stagesUsed} codebooks.
     *
     * @param training when true the EMA codebooks learn from this batch and dead codes are
     *                 replaced; {@code rng} drives initialisation and replacement (factorized
     *                 stages learn from the gradients of the returned losses instead)
     */
    public Output forward(ParameterStore store, ParameterStore.Bound p, NDArray x, int stagesUsed,
                          boolean training, SplittableRandom rng) {
        if (stagesUsed < 1 || stagesUsed > stages.size()) {
            throw new IllegalArgumentException("stagesUsed must be 1.." + stages.size());
        }
        return factorized ? factorizedForward(store, p, x, stagesUsed, training, rng)
                : emaForward(store, p, x, stagesUsed, training, rng);
    }

    /**
     * Writes codebook changes that training passes scheduled (re-seeded factorized codes). Call
     * after each optimizer step, outside the gradient collector; EMA stages have none.
     */
    public void applyCodeWrites(ParameterStore store) {
        for (QuantizerStage stage : stages) {
            if (stage instanceof FactorizedVectorQuantizer f) {
                f.applyCodeWrites(store);
            }
        }
    }

    private Output emaForward(ParameterStore store, ParameterStore.Bound p, NDArray x, int stagesUsed,
                              boolean training, SplittableRandom rng) {
        int rows = Math.toIntExact(x.getShape().get(0));
        NDArray residual = x;
        NDArray sum = null;
        NDArray commitment = null;
        List<NDArray> outputs = new ArrayList<>();
        long[][] codes = new long[stagesUsed][];
        int replaced = 0;
        for (int k = 0; k < stagesUsed; k++) {
            VectorQuantizer vq = (VectorQuantizer) stages.get(k);
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
        return new Output(quantized, outputs, codes, commitment.div(stagesUsed), null, replaced);
    }

    /**
     * Factorized stages: each output carries gradient through its projections, and the next
     * stage quantizes what is left of the straight-through output (as DAC does), so the
     * quantized latent is simply the sum of the stage outputs.
     */
    private Output factorizedForward(ParameterStore store, ParameterStore.Bound p, NDArray x, int stagesUsed,
                                     boolean training, SplittableRandom rng) {
        NDArray residual = x;
        NDArray sum = null;
        NDArray commitment = null;
        NDArray codebookLoss = null;
        List<NDArray> outputs = new ArrayList<>();
        long[][] codes = new long[stagesUsed][];
        int reseeded = 0;
        for (int k = 0; k < stagesUsed; k++) {
            FactorizedVectorQuantizer stage = (FactorizedVectorQuantizer) stages.get(k);
            FactorizedVectorQuantizer.Pass pass = stage.forward(store, p, residual, training, rng);
            reseeded += pass.reseeded();
            codes[k] = pass.codes();
            outputs.add(pass.output());                                           // [N, D]
            sum = sum == null ? pass.output() : sum.add(pass.output());
            commitment = commitment == null ? pass.commitment() : commitment.add(pass.commitment());
            codebookLoss = codebookLoss == null ? pass.codebookLoss() : codebookLoss.add(pass.codebookLoss());
            residual = residual.sub(pass.output());
        }
        return new Output(sum, outputs, codes, commitment.div(stagesUsed), codebookLoss.div(stagesUsed), reseeded);
    }

    /** Sum of the code vectors of every stage given, as [N, D] (decoding tokens). */
    public NDArray decode(ParameterStore store, ai.djl.ndarray.NDManager manager, long[][] codes) {
        NDArray sum = null;
        for (int k = 0; k < codes.length; k++) {
            NDArray v = stages.get(k).decode(store, manager, codes[k]);
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
            residual = residual.sub(stages.get(k).decode(store, p.manager(), codes[k]));
        }
        return codes;
    }
}
