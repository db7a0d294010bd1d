package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Mirror of {@link SeanetEncoder}: latent conv, then per stride (reversed) a sub-pixel
 * upsampling that halves the width and two residual units, then a conv to one channel.
 * [B, D, T'] → [B, 1, T'·hop].
 */
final class SeanetDecoder implements CodecDecoder {

    /** The last layer starts quiet; an untamed output layer begins far too loud. */
    private static final double OUTPUT_INIT_SCALE = 0.1;

    private final Conv1dLayer input;
    private final List<SubPixelUpsample> upsamples = new ArrayList<>();
    private final List<ResidualUnit[]> residuals = new ArrayList<>();
    private final Conv1dLayer output;

    SeanetDecoder(ParameterStore store, CodecConfig c) {
        int[] strides = c.strides();
        int width = c.channels() << strides.length;
        this.input = new Conv1dLayer(store, PREFIX + "input", c.latentDim(), width, 7);
        for (int i = strides.length - 1; i >= 0; i--) {
            String block = PREFIX + "block" + (strides.length - 1 - i);
            upsamples.add(new SubPixelUpsample(store, block + ".up", width, width / 2, strides[i]));
            width /= 2;
            residuals.add(new ResidualUnit[] {
                new ResidualUnit(store, block + ".res0", width, c.residualKernel(), 1),
                new ResidualUnit(store, block + ".res1", width, c.residualKernel(), 3),
            });
        }
        this.output = new Conv1dLayer(store, PREFIX + "output", width, 1, 7, 1, 1, OUTPUT_INIT_SCALE);
    }

    /**
     * Its convolutions reach about 4 token frames to each side (kernels of 7 and 3 at the
     * latent rate, short dilated kernels after each upsampling); 16 is what the codec has always
     * decoded with, so SEANet decodes stay the same to the bit.
     */
    @Override
    public int contextFrames() {
        return 16;
    }

    @Override
    public NDArray forward(ParameterStore.Bound p, NDArray latent) {
        NDArray x = input.forward(p, latent);
        for (int i = 0; i < upsamples.size(); i++) {
            x = upsamples.get(i).forward(p, Activation.elu(x, 1f));
            for (ResidualUnit unit : residuals.get(i)) {
                x = unit.forward(p, x);
            }
        }
        return output.forward(p, Activation.elu(x, 1f));
    }
}
