package dev.cantor.engine.codec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import dev.cantor.engine.nn.Conv1dLayer;
import dev.cantor.engine.nn.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frame-rate decoder (Vocos): a conv from the latent, ConvNeXt blocks at the token rate, and
 * a linear head that emits, for each of {@code upsample} STFT frames per token frame, a log
 * magnitude and a phase per bin; an {@link InverseStft} turns them into audio.
 * [B, D, T'] → [B, 1, T'·hop].
 *
 * <p>Why: a decoder that convolves at the sample rate must learn phase-coherent waveforms before
 * it can put energy at a frequency, and trained on reconstruction losses at 2 kbps it settled on
 * a quiet noise floor above 1 kHz. Here each bin's level is a direct output, so the spectral
 * losses reach it in one step, and almost all arithmetic runs at 50 frames per second.
 */
final class FrameDecoder implements CodecDecoder {

    /** exp() of the head's log magnitude is capped here (Vocos caps it too): no overflow early in training. */
    private static final float MAX_LOG_MAGNITUDE = 9f;
    /** The head's log magnitudes start near this, so an untrained decoder starts quiet. */
    private static final float INITIAL_LOG_MAGNITUDE = -4f;
    private static final float HEAD_INIT_SCALE = 0.1f;
    private static final float LN_EPS = 1e-6f;

    private final int dim;
    private final int upsample;
    private final Conv1dLayer input;
    private final List<ConvNextBlock> blocks = new ArrayList<>();
    private final String normGain;
    private final String normBias;
    private final String head;
    private final String headBias;
    private final InverseStft istft;
    private final int contextFrames;

    FrameDecoder(ParameterStore store, CodecConfig c) {
        FrameDecoderConfig f = c.frameDecoder();
        this.dim = f.dim();
        this.upsample = f.upsample();
        this.istft = new InverseStft(f.stftHop(c.hopLength()), store.manager());
        // The input conv (kernel 7) and each block's depthwise conv widen the reach by half their
        // kernel; the inverse STFT's overlapping windows add one token frame; one more for margin.
        this.contextFrames = 3 + f.blocks() * (f.kernel() / 2) + 2;
        this.input = new Conv1dLayer(store, PREFIX + "input", c.latentDim(), dim, 7);
        for (int i = 0; i < f.blocks(); i++) {
            blocks.add(new ConvNextBlock(store, PREFIX + "block" + i, dim, f.kernel(), f.blocks()));
        }
        this.normGain = store.addParameter(PREFIX + "norm.gain", new Shape(dim), ConvNextBlock.ones(dim, 1f));
        this.normBias = store.addParameter(PREFIX + "norm.bias", new Shape(dim), new float[dim]);
        int bins = istft.bins();
        int outputs = upsample * 2 * bins;                 // per STFT frame: F log magnitudes, F phases
        this.head = store.addParameter(PREFIX + "head.weight", new Shape(dim, outputs),
                HEAD_INIT_SCALE * Math.sqrt(3.0 / dim));
        float[] bias = new float[outputs];
        for (int u = 0; u < upsample; u++) {
            Arrays.fill(bias, u * 2 * bins, u * 2 * bins + bins, INITIAL_LOG_MAGNITUDE);
        }
        this.headBias = store.addParameter(PREFIX + "head.bias", new Shape(outputs), bias);
    }

    @Override
    public int contextFrames() {
        return contextFrames;
    }

    @Override
    public NDArray forward(ParameterStore.Bound p, NDArray latent) {
        long batch = latent.getShape().get(0);
        long frames = latent.getShape().get(2);
        NDArray x = input.forward(p, latent).transpose(0, 2, 1);            // [B, T', C]
        for (ConvNextBlock block : blocks) {
            x = block.forward(p, x);
        }
        x = LayerNorm.layerNorm(x, new Shape(dim), p.get(normGain), p.get(normBias), LN_EPS).singletonOrThrow();
        int bins = istft.bins();
        NDArray out = x.matMul(p.get(head)).add(p.get(headBias))             // [B, T', u·2F]
                .reshape(new Shape(batch, frames * upsample, 2, bins));      // [B, T, 2, F]
        NDArray magnitude = out.get(":, :, 0, :").minimum(MAX_LOG_MAGNITUDE).exp();
        NDArray phase = out.get(":, :, 1, :");
        NDArray audio = istft.inverse(magnitude.mul(phase.cos()), magnitude.mul(phase.sin())); // [B, T·hop]
        return audio.reshape(new Shape(batch, 1, audio.getShape().get(1)));
    }
}
