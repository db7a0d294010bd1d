package dev.cantor.engine.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.cantor.engine.nn.Conv2dLayer;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * One scale of the multi-scale STFT discriminator: the complex STFT (real and imaginary parts as
 * two channels, so phase is judged too) through 2-D convolutions that keep time and halve
 * frequency four times, with growing dilation in time, as in EnCodec's MS-STFTD.
 * [B, 1, T] → logits [B, 1, frames, bins'] and the activations of each hidden layer (for
 * feature matching).
 */
final class StftDiscriminator {

    private static final float SLOPE = 0.2f;
    private static final int[] DILATIONS = {1, 2, 4};

    private final int fftSize;
    private final float[] window;
    private final List<Conv2dLayer> hidden = new ArrayList<>();
    private final Conv2dLayer output;

    StftDiscriminator(ParameterStore store, String name, int fftSize, int channels) {
        this.fftSize = fftSize;
        this.window = new float[fftSize];
        for (int i = 0; i < fftSize; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / fftSize));
        }
        // EnCodec's first layer keeps every bin; here it already halves them, which halves the
        // cost of every later layer, the price of judging on a CPU (about 2x per step).
        hidden.add(new Conv2dLayer(store, name + ".conv0", 2, channels, 3, 9, 2, 1));
        for (int i = 0; i < DILATIONS.length; i++) {
            hidden.add(new Conv2dLayer(store, name + ".conv" + (i + 1), channels, channels, 3, 9, 2, DILATIONS[i]));
        }
        hidden.add(new Conv2dLayer(store, name + ".conv" + (DILATIONS.length + 1), channels, channels, 3, 3, 1, 1));
        this.output = new Conv2dLayer(store, name + ".out", channels, 1, 3, 3, 1, 1);
    }

    /** What one scale says about a batch of audio. */
    record Output(NDArray logits, List<NDArray> features) {
    }

    Output forward(ParameterStore.Bound p, NDArray audio) {
        long batch = audio.getShape().get(0);
        NDArray flat = audio.reshape(new Shape(batch, audio.getShape().get(2)));
        NDArray spec = flat.stft(fftSize, fftSize / 4, true, audio.getManager().create(window), true, true)
                .real();                                                      // [B, F, T, 2]
        NDArray x = spec.transpose(0, 3, 2, 1);                                // [B, 2, T, F]
        List<NDArray> features = new ArrayList<>(hidden.size());
        for (Conv2dLayer layer : hidden) {
            x = Activation.leakyRelu(layer.forward(p, x), SLOPE);
            features.add(x);
        }
        return new Output(output.forward(p, x), features);
    }
}
