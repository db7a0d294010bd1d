package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Inverse short-time Fourier transform, differentiable, from matrix products: DJL has no inverse
 * STFT (and no transposed convolution to overlap-add with), so each frame's inverse real DFT is a
 * product with a fixed basis, and the overlap-add is four shifted sums of hop-sized blocks.
 *
 * <p>Framing: window N = 4·hop (periodic Hann, 75 % overlap); frame t covers samples
 * [t·hop − 1.5·hop, t·hop + 2.5·hop), so T frames make exactly T·hop samples and each token
 * frame's audio is centred on its own frames. With the same window used for analysis, dividing by
 * the summed squared windows makes {@code istft(stft(x)) = x} (Griffin &amp; Lim's least-squares
 * inverse), at the edges too.
 */
final class InverseStft {

    private final int hop;
    private final int window;
    private final int bins;
    private final NDArray cosBasis;   // [F, N]: c_k·cos(2πkn/N)·w[n] / N
    private final NDArray sinBasis;   // [F, N]: −c_k·sin(2πkn/N)·w[n] / N
    private final float[] hann;

    /**
     * @param manager holds the two DFT bases (6.6 MB at hop 320) for the decoder's life, so a
     *                forward pass does not copy them in again; closing it frees them
     */
    InverseStft(int hop, NDManager manager) {
        this.hop = hop;
        this.window = 4 * hop;
        this.bins = window / 2 + 1;
        this.hann = hann(window);
        float[] cos = new float[bins * window];
        float[] sin = new float[bins * window];
        for (int k = 0; k < bins; k++) {
            double weight = (k == 0 || k == bins - 1 ? 1.0 : 2.0) / window;
            for (int n = 0; n < window; n++) {
                // k·n mod N keeps the angle small, so the basis is exact to float rounding.
                double angle = 2 * Math.PI * ((long) k * n % window) / window;
                cos[k * window + n] = (float) (weight * Math.cos(angle) * hann[n]);
                sin[k * window + n] = (float) (-weight * Math.sin(angle) * hann[n]);
            }
        }
        this.cosBasis = manager.create(cos, new Shape(bins, window));
        this.sinBasis = manager.create(sin, new Shape(bins, window));
    }

    int bins() {
        return bins;
    }

    /** The periodic Hann window of length n. */
    static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    /** Real and imaginary parts [B, T, F] → audio [B, T·hop]. */
    NDArray inverse(NDArray real, NDArray imag) {
        NDManager m = real.getManager();
        long batch = real.getShape().get(0);
        int frames = Math.toIntExact(real.getShape().get(1));
        // the products attach to the step's arrays (their first operand), not to the bases' manager
        NDArray segments = real.matMul(cosBasis).add(imag.matMul(sinBasis)); // [B, T, N], windowed
        NDArray blocks = segments.reshape(new Shape(batch, frames, 4, hop)); // [B, T, 4, hop]
        NDList shifted = new NDList(4);
        for (int j = 0; j < 4; j++) {
            // Block j of frame t lands in output block t + j.
            NDArray part = blocks.get(":, :, " + j + ", :");                  // [B, T, hop]
            shifted.add(part.pad(new Shape(0, 0, j, 3 - j), 0));               // [B, T + 3, hop]
        }
        NDArray summed = NDArrays.add(shifted.toArray(new NDArray[0]))
                .reshape(new Shape(batch, (long) (frames + 3) * hop));         // starts at −1.5·hop
        int start = 3 * hop / 2;
        NDArray trimmed = summed.get(":, " + start + ":" + (start + (long) frames * hop));
        return trimmed.mul(m.create(inverseEnvelope(frames)));
    }

    /** 1 / Σ_t w²(n − start_t) over the T·hop output samples. */
    private float[] inverseEnvelope(int frames) {
        int length = frames * hop;
        double[] sum = new double[length];
        for (int t = 0; t < frames; t++) {
            int first = t * hop - 3 * hop / 2;
            for (int n = 0; n < window; n++) {
                int i = first + n;
                if (i >= 0 && i < length) {
                    sum[i] += (double) hann[n] * hann[n];
                }
            }
        }
        float[] inv = new float[length];
        for (int i = 0; i < length; i++) {
            inv[i] = (float) (1.0 / Math.max(sum[i], 1e-3));
        }
        return inv;
    }
}
