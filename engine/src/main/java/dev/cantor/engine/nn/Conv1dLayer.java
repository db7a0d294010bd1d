package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import dev.cantor.engine.runtime.NativeConvolution;
import dev.cantor.engine.runtime.NoGrad;

/**
 * A 1-D convolution over {@code [B, C, T]} with "same"-style zero padding: stride 1 keeps T,
 * stride s with kernel 2s maps T to T/s (when s divides T).
 *
 * <p>While autograd is recording (training), the convolution is computed as one matrix product
 * over the k shifted copies of the input (im2col) rather than with PyTorch's convolution: on this
 * machine's AMD EPYC the float32 convolution's backward pass returns wrong input gradients for
 * some shapes — off by tens of percent, now and then NaN, and different from run to run; also with
 * oneDNN limited to AVX2 (checked again 2026-12-05) — while its forward pass and the float64 path
 * are right. Through a stack of layers the error compounds until only the last layer's gradient is
 * right. Inference keeps the native
 * convolution, which computes the same function faster, where {@link NativeConvolution} trusts
 * it. {@code Conv1dLayerGradientTest} checks both paths against sums done by hand,
 * {@code CodecGradientTest} the whole codec against finite differences.
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
        NDArray w = p.get(weight);
        if (NoGrad.recording() || !NativeConvolution.trusted()) {
            return unfolded(x, w, p.get(bias), left, right);
        }
        if (left == right) {
            return Conv1d.conv1d(x, p.get(weight), p.get(bias), new Shape(stride), new Shape(left),
                    new Shape(dilation)).singletonOrThrow();
        }
        NDArray padded = x.pad(new Shape(left, right), 0);
        return Conv1d.conv1d(padded, p.get(weight), p.get(bias), new Shape(stride), new Shape(0),
                new Shape(dilation)).singletonOrThrow();
    }

    /** The same convolution as k shifted strided views of the padded input and one matmul. */
    private NDArray unfolded(NDArray x, NDArray w, NDArray b, int left, int right) {
        long batch = x.getShape().get(0);
        long in = x.getShape().get(1);
        long out = w.getShape().get(0);
        NDArray padded = left == 0 && right == 0 ? x : x.pad(new Shape(left, right), 0);
        long span = padded.getShape().get(2) - (long) dilation * (kernel - 1);
        long steps = (span - 1) / stride + 1;
        NDList shifted = new NDList(kernel);
        for (int j = 0; j < kernel; j++) {
            long start = (long) j * dilation;
            long end = start + stride * (steps - 1) + 1;
            shifted.add(padded.get(":, :, " + start + ":" + end + (stride > 1 ? ":" + stride : "")));
        }
        NDArray columns = kernel == 1 ? shifted.singletonOrThrow()
                : NDArrays.stack(shifted, 2).reshape(batch, in * kernel, steps);
        NDArray y = w.reshape(out, in * kernel).matMul(columns);
        return y.add(b.reshape(1, out, 1));
    }
}
