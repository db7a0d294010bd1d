package dev.cantor.engine.codec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Shape of the frame-rate decoder (Vocos, Siuzdak 2023): ConvNeXt blocks at the token rate, then
 * a head that predicts, for {@code upsample} STFT frames per token frame, each bin's log
 * magnitude and phase, and an inverse STFT. Nothing runs at the sample rate except the final
 * overlap-add, which is why it decodes fast on a CPU and why it can place energy at any frequency
 * without having to learn phase-coherent waveforms first.
 *
 * @param dim      width of the ConvNeXt blocks
 * @param blocks   number of ConvNeXt blocks
 * @param upsample STFT frames per token frame: the STFT hop is {@code hop / upsample} and the
 *                 window four hops (75 % overlap)
 * @param kernel   depthwise kernel of each block, in token frames (odd)
 */
public record FrameDecoderConfig(
        @JsonProperty("dim") int dim,
        @JsonProperty("blocks") int blocks,
        @JsonProperty("upsample") int upsample,
        @JsonProperty("kernel") int kernel) {

    public FrameDecoderConfig {
        if (dim < 4 || dim > 4096) {
            throw new IllegalArgumentException("invalid frame decoder: dim must be 4..4096");
        }
        if (blocks < 1 || blocks > 64) {
            throw new IllegalArgumentException("invalid frame decoder: blocks must be 1..64");
        }
        if (upsample < 1 || upsample > 16) {
            throw new IllegalArgumentException("invalid frame decoder: upsample must be 1..16");
        }
        if (kernel < 1 || kernel % 2 == 0 || kernel > 31) {
            throw new IllegalArgumentException("invalid frame decoder: kernel must be odd, 1..31");
        }
    }

    /** The size measured against the SEANet decoder on this CPU (codec model card). */
    public static FrameDecoderConfig standard() {
        return new FrameDecoderConfig(384, 8, 2, 7);
    }

    /** A seconds-to-train decoder for tests. */
    public static FrameDecoderConfig tiny() {
        return new FrameDecoderConfig(16, 2, 2, 7);
    }

    /** Looks up a named size. */
    public static FrameDecoderConfig preset(String name) {
        return switch (name) {
            case "tiny" -> tiny();
            case "standard" -> standard();
            case "wide" -> new FrameDecoderConfig(512, 8, 2, 7);
            case "deep" -> new FrameDecoderConfig(384, 12, 2, 7);
            default -> throw new IllegalArgumentException(
                    "unknown frame decoder '" + name + "' (choose tiny, standard, wide or deep)");
        };
    }

    /** Samples between STFT frames for a codec with {@code tokenHop} samples per token. */
    public int stftHop(int tokenHop) {
        if (tokenHop % upsample != 0 || (tokenHop / upsample) % 2 != 0) {
            throw new IllegalArgumentException("invalid frame decoder: upsample " + upsample
                    + " must divide the hop " + tokenHop + " into an even number of samples");
        }
        return tokenHop / upsample;
    }
}
