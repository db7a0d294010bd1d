package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import dev.cantor.engine.nn.ParameterStore;

/** The codec's decoder: quantized latent frames [B, D, T'] → audio [B, 1, T'·hop]. */
interface CodecDecoder {

    /** Start of the name of every decoder tensor, whichever the decoder. */
    String PREFIX = "decoder.";

    NDArray forward(ParameterStore.Bound p, NDArray latent);

    /**
     * Token frames of context the decoder needs on each side of a frame for that frame's audio to
     * be what a decode of the whole sequence would give: long audio is decoded in windows that
     * carry this much context, so the windows join without seams.
     */
    int contextFrames();
}
