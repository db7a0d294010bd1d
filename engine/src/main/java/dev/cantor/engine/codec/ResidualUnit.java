package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ParameterStore;

/** SEANet residual unit: x + conv1(elu(conv_k,dilated(elu(x)))), bottleneck to half width. */
final class ResidualUnit {

    private final Conv1dLayer dilated;
    private final Conv1dLayer pointwise;

    ResidualUnit(ParameterStore store, String name, int channels, int kernel, int dilation) {
        int hidden = Math.max(1, channels / 2);
        this.dilated = new Conv1dLayer(store, name + ".dilated", channels, hidden, kernel, 1, dilation, 1.0);
        this.pointwise = new Conv1dLayer(store, name + ".pointwise", hidden, channels, 1, 1, 1, 1.0);
    }

    /** x: [B, C, T] → [B, C, T]. */
    NDArray forward(ParameterStore.Bound p, NDArray x) {
        NDArray h = dilated.forward(p, Activation.elu(x, 1f));
        h = pointwise.forward(p, Activation.elu(h, 1f));
        return x.add(h);
    }
}
