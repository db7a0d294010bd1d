package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import dev.cantor.engine.runtime.NativeConvolution;

/**
 * A 2-D convolution over {@code [B, C, T, F]} (time × frequency, as a spectrogram discriminator
 * sees it) with "same" zero padding, a stride along frequency and a dilation along time.
 *
 * <p>Unlike {@link Conv1dLayer}, training uses PyTorch's own convolution: its float32 backward
 * pass matched the same convolution written as shifted matrix products for every shape the
 * discriminator uses (measured on this machine with oneDNN limited to AVX2; the native path is
 * 4–5× faster), and {@code Conv2dLayerTest} keeps checking it. Where native
 * convolution is not trusted at all ({@link NativeConvolution}), the shifted products are used.
 */
public final class Conv2dLayer {

    private final String weight;
    private final String bias;
    private final int kernelTime;
    private final int kernelFreq;
    private final int strideFreq;
    private final int dilationTime;

    /**
     * @param strideFreq   step along frequency (1 keeps F, 2 halves it)
     * @param dilationTime spacing of the kernel's taps along time
     */
    public Conv2dLayer(ParameterStore store, String name, int in, int out, int kernelTime, int kernelFreq,
                       int strideFreq, int dilationTime) {
        if (kernelTime < 1 || kernelTime % 2 == 0 || kernelFreq < 1 || kernelFreq % 2 == 0
                || strideFreq < 1 || dilationTime < 1) {
            throw new IllegalArgumentException("bad conv geometry for " + name);
        }
        double bound = Math.sqrt(3.0 / ((double) in * kernelTime * kernelFreq));
        this.weight = store.addParameter(name + ".weight", new Shape(out, in, kernelTime, kernelFreq), bound);
        this.bias = store.addParameter(name + ".bias", new Shape(out), new float[out]);
        this.kernelTime = kernelTime;
        this.kernelFreq = kernelFreq;
        this.strideFreq = strideFreq;
        this.dilationTime = dilationTime;
    }

    /** x: [B, Cin, T, F] → [B, Cout, T, ⌊(F − 1) / stride⌋ + 1]. */
    public NDArray forward(ParameterStore.Bound p, NDArray x) {
        return forward(p, x, NativeConvolution.trusted());
    }

    /** {@link #forward(ParameterStore.Bound, NDArray)} on the path chosen (for the test that compares them). */
    public NDArray forward(ParameterStore.Bound p, NDArray x, boolean nativePath) {
        int padTime = dilationTime * (kernelTime - 1) / 2;
        int padFreq = (kernelFreq - 1) / 2;
        NDArray w = p.get(weight);
        NDArray b = p.get(bias);
        if (nativePath) {
            return Conv2d.conv2d(x, w, b, new Shape(1, strideFreq), new Shape(padTime, padFreq),
                    new Shape(dilationTime, 1)).singletonOrThrow();
        }
        return shifted(x.pad(new Shape(padFreq, padFreq, padTime, padTime), 0), w, b);
    }

    /** The same convolution as a sum over kernel taps of [Cout, Cin] matrix products. */
    private NDArray shifted(NDArray padded, NDArray w, NDArray b) {
        long batch = padded.getShape().get(0);
        long in = padded.getShape().get(1);
        long out = w.getShape().get(0);
        long frames = padded.getShape().get(2) - (long) dilationTime * (kernelTime - 1);
        long bins = (padded.getShape().get(3) - kernelFreq) / strideFreq + 1;
        NDArray y = null;
        for (int i = 0; i < kernelTime; i++) {
            for (int j = 0; j < kernelFreq; j++) {
                long t0 = (long) i * dilationTime;
                String freq = j + ":" + (j + strideFreq * (bins - 1) + 1) + (strideFreq > 1 ? ":" + strideFreq : "");
                NDArray tap = padded.get(":, :, " + t0 + ":" + (t0 + frames) + ", " + freq);   // [B, Cin, T, F']
                NDArray columns = tap.transpose(1, 0, 2, 3).reshape(in, batch * frames * bins);
                NDArray term = w.get(":, :, " + i + ", " + j).matMul(columns);                 // [Cout, B·T·F']
                y = y == null ? term : y.add(term);
            }
        }
        return y.reshape(out, batch, frames, bins).transpose(1, 0, 2, 3).add(b.reshape(1, out, 1, 1));
    }
}
