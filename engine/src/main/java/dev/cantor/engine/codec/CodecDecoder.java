package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import dev.cantor.engine.nn.ParameterStore;

/** The codec's decoder: quantized latent frames [B, D, T'] → audio [B, 1, T'·hop]. */
interface CodecDecoder {

    /** Start of the name of every decoder tensor, whichever the decoder. */
    String PREFIX = "decoder.";

    NDArray forward(ParameterStore.Bound p, NDArray latent);
}
