package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ParameterStore;

/**
 * Upsampling by an integer factor without a transposed convolution (DJL's PyTorch engine has
 * none): a conv emits {@code out·s} channels per input frame, which are then interleaved in
 * time ("sub-pixel" / polyphase). [B, Cin, T] → [B, Cout, T·s].
 */
final class SubPixelUpsample {

    private final Conv1dLayer conv;
    private final int outChannels;
    private final int factor;

    SubPixelUpsample(ParameterStore store, String name, int in, int out, int factor) {
        this.conv = new Conv1dLayer(store, name, in, out * factor, 3);
        this.outChannels = out;
        this.factor = factor;
    }

    NDArray forward(ParameterStore.Bound p, NDArray x) {
        long batch = x.getShape().get(0);
        long frames = x.getShape().get(2);
        NDArray h = conv.forward(p, x);                                  // [B, Cout·s, T]
        h = h.reshape(new Shape(batch, outChannels, factor, frames));    // [B, Cout, s, T]
        h = h.transpose(0, 1, 3, 2);                                     // [B, Cout, T, s]
        return h.reshape(new Shape(batch, outChannels, frames * factor)); // [B, Cout, T·s]
    }
}
