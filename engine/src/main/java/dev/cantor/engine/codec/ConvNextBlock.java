package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import dev.cantor.engine.nn.ParameterStore;
import java.util.Arrays;

/**
 * ConvNeXt block (Liu et al. 2022) as Vocos uses it on audio frames, in [B, T, C] layout so the
 * norm and the two linear layers need no transposes: x + γ·W₂·gelu(W₁·LN(dwconv(x))).
 * The depthwise convolution is k shifted products (no native convolution: see Conv1dLayer for
 * why training avoids it), and γ starts at 1/blocks so a deep stack starts near the identity.
 */
final class ConvNextBlock {

    private static final float LN_EPS = 1e-6f;

    private final int channels;
    private final int kernel;
    private final String depthwise;
    private final String depthwiseBias;
    private final String normGain;
    private final String normBias;
    private final String expand;
    private final String expandBias;
    private final String project;
    private final String projectBias;
    private final String scale;

    ConvNextBlock(ParameterStore store, String name, int channels, int kernel, int blocks) {
        this.channels = channels;
        this.kernel = kernel;
        int hidden = 3 * channels;
        this.depthwise = store.addParameter(name + ".dw.weight", new Shape(kernel, channels), Math.sqrt(3.0 / kernel));
        this.depthwiseBias = store.addParameter(name + ".dw.bias", new Shape(channels), new float[channels]);
        this.normGain = store.addParameter(name + ".norm.gain", new Shape(channels), ones(channels, 1f));
        this.normBias = store.addParameter(name + ".norm.bias", new Shape(channels), new float[channels]);
        this.expand = store.addParameter(name + ".expand.weight", new Shape(channels, hidden), Math.sqrt(3.0 / channels));
        this.expandBias = store.addParameter(name + ".expand.bias", new Shape(hidden), new float[hidden]);
        this.project = store.addParameter(name + ".project.weight", new Shape(hidden, channels), Math.sqrt(3.0 / hidden));
        this.projectBias = store.addParameter(name + ".project.bias", new Shape(channels), new float[channels]);
        this.scale = store.addParameter(name + ".scale", new Shape(channels), ones(channels, 1f / blocks));
    }

    /** x: [B, T, C] → [B, T, C]. */
    NDArray forward(ParameterStore.Bound p, NDArray x) {
        long frames = x.getShape().get(1);
        int half = kernel / 2;
        NDArray padded = x.pad(new Shape(0, 0, half, half), 0);              // [B, T + k − 1, C]
        NDArray w = p.get(depthwise);                                        // [k, C]
        NDArray h = null;
        for (int j = 0; j < kernel; j++) {
            NDArray tap = padded.get(":, " + j + ":" + (j + frames) + ", :").mul(w.get(j));
            h = h == null ? tap : h.add(tap);
        }
        h = h.add(p.get(depthwiseBias));
        h = LayerNorm.layerNorm(h, new Shape(channels), p.get(normGain), p.get(normBias), LN_EPS).singletonOrThrow();
        h = Activation.gelu(h.matMul(p.get(expand)).add(p.get(expandBias)));  // [B, T, 3C]
        h = h.matMul(p.get(project)).add(p.get(projectBias));                 // [B, T, C]
        return x.add(h.mul(p.get(scale)));
    }

    static float[] ones(int n, float value) {
        float[] v = new float[n];
        Arrays.fill(v, value);
        return v;
    }
}
