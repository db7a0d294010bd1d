package dev.cantor.engine.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Objects;

/**
 * Shape of a codec: SEANet encoder/decoder widths and strides, and the residual vector
 * quantizer. Saved as {@code config.json} beside the weights.
 *
 * @param sampleRate    audio rate in Hz
 * @param channels      width of the first encoder layer; doubles after every downsampling
 * @param latentDim     dimension of the latent frames the quantizer sees
 * @param strides       encoder downsampling factors; their product is the hop (samples per frame)
 * @param residualKernel kernel of the dilated conv inside each residual unit
 * @param numCodebooks  K, the number of RVQ stages
 * @param codebookSize  entries per codebook
 * @param codeDim       0: each RVQ stage is an EMA codebook in the full latent dimension;
 *                      &gt; 0: each stage is factorized (projected to this many dimensions, codes
 *                      chosen by cosine similarity, codebook learned by gradient — Improved
 *                      VQGAN / DAC). Configs written before this field existed read as 0, and
 *                      0 is not written, so an EMA model's config.json is unchanged.
 * @param frameDecoder  null: the SEANet decoder (mirror of the encoder, sample-rate convolutions);
 *                      otherwise the shape of the frame-rate decoder with an inverse-STFT head
 *                      ({@link FrameDecoderConfig}). Null is not written, so older configs read
 *                      and write as before.
 */
public record CodecConfig(
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("channels") int channels,
        @JsonProperty("latent_dim") int latentDim,
        @JsonProperty("strides") int[] strides,
        @JsonProperty("residual_kernel") int residualKernel,
        @JsonProperty("num_codebooks") int numCodebooks,
        @JsonProperty("codebook_size") int codebookSize,
        @JsonProperty("code_dim") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int codeDim,
        @JsonProperty("frame_decoder") @JsonInclude(JsonInclude.Include.NON_NULL) FrameDecoderConfig frameDecoder) {

    /** Most samples per token frame (the presets use 640). */
    public static final int MAX_HOP = 8192;
    /** Widest encoder layer: channels × 2^strides (the presets reach 512). */
    public static final int MAX_WIDTH = 16384;

    public CodecConfig {
        require(sampleRate >= 8000 && sampleRate <= 96000, "sample_rate must be 8000..96000");
        require(channels >= 1 && channels <= 1024, "channels must be 1..1024");
        require(latentDim >= 1 && latentDim <= 4096, "latent_dim must be 1..4096");
        require(strides != null && strides.length >= 1 && strides.length <= 6, "strides: 1 to 6 factors");
        for (int s : strides) {
            require(s >= 2 && s <= 16, "each stride must be 2..16");
        }
        require(residualKernel % 2 == 1 && residualKernel >= 1 && residualKernel <= 31,
                "residual_kernel must be odd, 1..31");
        require(numCodebooks >= 1 && numCodebooks <= 32, "num_codebooks must be 1..32");
        require(codebookSize >= 2 && codebookSize <= 65536, "codebook_size must be 2..65536");
        require(codeDim >= 0 && codeDim <= latentDim, "code_dim must be 0 (EMA codebooks) or 1..latent_dim");
        strides = strides.clone();
        require(Arrays.stream(strides).asLongStream().reduce(1, (a, b) -> a * b) <= MAX_HOP,
                "the strides' product (samples per token frame) must be at most " + MAX_HOP);
        require((long) channels << strides.length <= MAX_WIDTH,
                "channels doubled once per stride must stay at most " + MAX_WIDTH + " wide");
        if (frameDecoder != null) {
            frameDecoder.stftHop(Arrays.stream(strides).reduce(1, (a, b) -> a * b));
        }
    }

    /** The config before the frame decoder existed: a SEANet decoder. */
    public CodecConfig(int sampleRate, int channels, int latentDim, int[] strides, int residualKernel,
                       int numCodebooks, int codebookSize, int codeDim) {
        this(sampleRate, channels, latentDim, strides, residualKernel, numCodebooks, codebookSize, codeDim, null);
    }

    /** MusicGen's token layout on a CPU-sized network: 32 kHz, hop 640 (50 Hz), 4 × 1024 codes. */
    public static CodecConfig small() {
        return new CodecConfig(32000, 16, 128, new int[] {4, 4, 5, 8}, 3, 4, 1024, 0);
    }

    /** Wider network for machines with time or a GPU. */
    public static CodecConfig base() {
        return new CodecConfig(32000, 32, 128, new int[] {4, 4, 5, 8}, 3, 4, 1024, 0);
    }

    /** A few-second-to-train codec for tests (same 50 Hz frame rate at 32 kHz). */
    public static CodecConfig tiny() {
        return new CodecConfig(32000, 4, 32, new int[] {4, 4, 5, 8}, 3, 4, 64, 0);
    }

    /** {@link #small()} with factorized 8-dimensional codes (the A/B against EMA codebooks). */
    public static CodecConfig smallFactorized() {
        return small().withCodeDim(8);
    }

    /** {@link #tiny()} with factorized 8-dimensional codes, for tests and quick comparisons. */
    public static CodecConfig tinyFactorized() {
        return tiny().withCodeDim(8);
    }

    /** This shape with another quantizer: 0 = EMA codebooks, &gt; 0 = factorized codes of that size. */
    public CodecConfig withCodeDim(int dim) {
        return new CodecConfig(sampleRate, channels, latentDim, strides, residualKernel, numCodebooks,
                codebookSize, dim, frameDecoder);
    }

    /** This encoder and quantizer with another decoder (null: SEANet). The tokens stay the same. */
    public CodecConfig withFrameDecoder(FrameDecoderConfig decoder) {
        return new CodecConfig(sampleRate, channels, latentDim, strides, residualKernel, numCodebooks,
                codebookSize, codeDim, decoder);
    }

    /** Whether two configs describe the same encoder and quantizer, whatever their decoders. */
    public boolean sameTokenizer(CodecConfig other) {
        return withFrameDecoder(null).equals(other.withFrameDecoder(null));
    }

    /** True when the quantizer stages are factorized (see {@link #codeDim()}). */
    public boolean factorized() {
        return codeDim > 0;
    }

    /** Looks up a named preset. */
    public static CodecConfig preset(String name) {
        return switch (name) {
            case "tiny" -> tiny();
            case "small" -> small();
            case "base" -> base();
            case "tiny-fvq" -> tinyFactorized();
            case "small-fvq" -> smallFactorized();
            default -> throw new IllegalArgumentException(
                    "unknown codec config '" + name + "' (choose tiny, small, base, tiny-fvq or small-fvq)");
        };
    }

    /**
     * A lower bound of the values a codec of this shape keeps in its weights file: the
     * encoder's convolutions (input, two residual units and a downsampling per stride, output)
     * and the codebooks. The decoder adds about as much again; it is left out, so this stays a
     * bound whatever the decoder.
     */
    public long minimumValues() {
        long total = 7L * channels;
        long width = channels;
        for (int s : strides) {
            long hidden = Math.max(1, width / 2);
            total += 2 * (width * hidden * residualKernel + hidden * width);
            total += width * 2 * width * 2 * s;
            width *= 2;
        }
        total += 7L * width * latentDim;
        total += (long) numCodebooks * codebookSize * (codeDim > 0 ? codeDim : latentDim);
        return total;
    }

    /** Samples per token frame (product of the strides). */
    public int hopLength() {
        return Arrays.stream(strides).reduce(1, (a, b) -> a * b);
    }

    /** Token frames per second. */
    public double frameRate() {
        return sampleRate / (double) hopLength();
    }

    /** Bits per second at full bandwidth: K · log2(codebook size) · frame rate. */
    public double bitrateKbps() {
        return numCodebooks * (Math.log(codebookSize) / Math.log(2)) * frameRate() / 1000.0;
    }

    @Override
    public int[] strides() {
        return strides.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodecConfig c && c.sampleRate == sampleRate && c.channels == channels
                && c.latentDim == latentDim && Arrays.equals(c.strides, strides)
                && c.residualKernel == residualKernel && c.numCodebooks == numCodebooks
                && c.codebookSize == codebookSize && c.codeDim == codeDim
                && Objects.equals(c.frameDecoder, frameDecoder);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {sampleRate, channels, latentDim, Arrays.hashCode(strides),
            residualKernel, numCodebooks, codebookSize, codeDim, Objects.hashCode(frameDecoder)});
    }

    @Override
    public String toString() {
        return "CodecConfig[" + sampleRate + " Hz, channels " + channels + ", latent " + latentDim
                + ", strides " + Arrays.toString(strides) + ", " + numCodebooks + "x" + codebookSize
                + (codeDim > 0 ? ", factorized codes of " + codeDim : "")
                + (frameDecoder == null ? "" : ", frame decoder " + frameDecoder.dim() + "x" + frameDecoder.blocks()
                        + " with " + frameDecoder.upsample() + " STFT frames per token") + "]";
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid codec config: " + message);
        }
    }
}
