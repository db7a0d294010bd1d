package dev.cantor.engine.adversarial;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * Shape of the multi-scale STFT discriminator (EnCodec's MS-STFTD, Défossez et al. 2022).
 *
 * @param channels width of every convolution (EnCodec uses 32; 16 costs a quarter on a CPU)
 * @param fftSizes one discriminator per STFT size (hop a quarter of it)
 */
public record DiscriminatorConfig(
        @JsonProperty("channels") int channels,
        @JsonProperty("fft_sizes") int[] fftSizes) {

    public DiscriminatorConfig {
        if (channels < 1 || channels > 256) {
            throw new IllegalArgumentException("invalid discriminator: channels must be 1..256");
        }
        if (fftSizes == null || fftSizes.length < 1 || fftSizes.length > 8) {
            throw new IllegalArgumentException("invalid discriminator: 1 to 8 STFT sizes");
        }
        for (int n : fftSizes) {
            if (n < 64 || n > 8192 || Integer.bitCount(n) != 1) {
                throw new IllegalArgumentException("invalid discriminator: STFT sizes must be powers of two, 64..8192");
            }
        }
        fftSizes = fftSizes.clone();
    }

    /** Three scales at 16 channels: what a CPU step can afford. */
    public static DiscriminatorConfig standard() {
        return new DiscriminatorConfig(16, new int[] {2048, 1024, 512});
    }

    /** For tests. */
    public static DiscriminatorConfig tiny() {
        return new DiscriminatorConfig(4, new int[] {256, 128});
    }

    @Override
    public int[] fftSizes() {
        return fftSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscriminatorConfig d && d.channels == channels && Arrays.equals(d.fftSizes, fftSizes);
    }

    @Override
    public int hashCode() {
        return 31 * channels + Arrays.hashCode(fftSizes);
    }

    @Override
    public String toString() {
        return "DiscriminatorConfig[channels " + channels + ", STFT sizes " + Arrays.toString(fftSizes) + "]";
    }
}
