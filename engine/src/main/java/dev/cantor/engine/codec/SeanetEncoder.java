package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * SEANet-style encoder (as in SoundStream/EnCodec, without the LSTM): a wide input conv, then
 * per stride s two residual units (dilation 1 and 3) and a strided conv (kernel 2s) that
 * doubles the width, then a conv to the latent dimension. [B, 1, T] → [B, D, T / hop].
 */
final class SeanetEncoder {

    private final Conv1dLayer input;
    private final List<ResidualUnit[]> residuals = new ArrayList<>();
    private final List<Conv1dLayer> downsamples = new ArrayList<>();
    private final Conv1dLayer output;

    SeanetEncoder(ParameterStore store, CodecConfig c) {
        int width = c.channels();
        this.input = new Conv1dLayer(store, "encoder.input", 1, width, 7);
        int[] strides = c.strides();
        for (int i = 0; i < strides.length; i++) {
            String block = "encoder.block" + i;
            residuals.add(new ResidualUnit[] {
                new ResidualUnit(store, block + ".res0", width, c.residualKernel(), 1),
                new ResidualUnit(store, block + ".res1", width, c.residualKernel(), 3),
            });
            downsamples.add(new Conv1dLayer(store, block + ".down", width, width * 2, 2 * strides[i],
                    strides[i], 1, 1.0));
            width *= 2;
        }
        this.output = new Conv1dLayer(store, "encoder.output", width, c.latentDim(), 7);
    }

    NDArray forward(ParameterStore.Bound p, NDArray audio) {
        NDArray x = input.forward(p, audio);
        for (int i = 0; i < downsamples.size(); i++) {
            for (ResidualUnit unit : residuals.get(i)) {
                x = unit.forward(p, x);
            }
            x = downsamples.get(i).forward(p, Activation.elu(x, 1f));
        }
        return output.forward(p, Activation.elu(x, 1f));
    }
}
