package dev.cantor.engine.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.nn.ParameterStore;

/**
 * One stage of a {@link ResidualVectorQuantizer}: picks a code for each residual row and turns
 * codes back into the latent vectors the stage contributes. How a stage learns differs by kind
 * (EMA statistics or gradients), so training lives in the residual quantizer's per-kind loops.
 */
public sealed interface QuantizerStage permits VectorQuantizer, FactorizedVectorQuantizer {

    /** Entries in the codebook. */
    int size();

    /** Nearest code for each row of the residual [N, D]; no learning, no gradient. */
    long[] nearest(ParameterStore.Bound p, NDArray residual);

    /** The stage's contribution to the latent for the given codes, [N, D], made in {@code manager}. */
    NDArray decode(ParameterStore store, NDManager manager, long[] codes);
}
