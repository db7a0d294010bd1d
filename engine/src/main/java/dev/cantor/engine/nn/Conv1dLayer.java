package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;

/**
 * A 1-D convolution over {@code [B, C, T]} with "same"-style zero padding: stride 1 keeps T,
 * stride s with kernel 2s maps T to T/s (when s divides T).
 */
public final class Conv1dLayer {

    private final String weight;
    private final String bias;
    private final int kernel;
    private final int stride;
    private final int dilation;

    /**
     * @param initScale multiplies the variance-preserving bound sqrt(3 / fan_in); below 1 tames a
     *                  layer whose output must start small (e.g. the last layer of a decoder)
     */
    public Conv1dLayer(ParameterStore store, String name, int in, int out, int kernel, int stride,
                       int dilation, double initScale) {
        if (kernel < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("bad conv geometry for " + name);
        }
        // Unit-variance weights and zero biases: with PyTorch's default (variance 1/(3·fan_in) and
        // random biases) the signal shrinks ~3x per layer and the latent starts as a constant
        // offset, which the quantizer then locks onto (measured: SI-SNR stuck near -40 dB).
        double bound = initScale * Math.sqrt(3.0 / ((double) in * kernel));
        this.weight = store.addParameter(name + ".weight", new Shape(out, in, kernel), bound);
        this.bias = store.addParameter(name + ".bias", new Shape(out), new float[out]);
        this.kernel = kernel;
        this.stride = stride;
        this.dilation = dilation;
    }

    public Conv1dLayer(ParameterStore store, String name, int in, int out, int kernel) {
        this(store, name, in, out, kernel, 1, 1, 1.0);
    }

    /** x: [B, Cin, T] → [B, Cout, T / stride]. */
    public NDArray forward(ParameterStore.Bound p, NDArray x) {
        int totalPad = dilation * (kernel - 1) + 1 - stride;
        int left = totalPad / 2;
        int right = totalPad - left;
        if (left == right) {
            return Conv1d.conv1d(x, p.get(weight), p.get(bias), new Shape(stride), new Shape(left),
                    new Shape(dilation)).singletonOrThrow();
        }
        NDArray padded = x.pad(new Shape(left, right), 0);
        return Conv1d.conv1d(padded, p.get(weight), p.get(bias), new Shape(stride), new Shape(0),
                new Shape(dilation)).singletonOrThrow();
    }
}
