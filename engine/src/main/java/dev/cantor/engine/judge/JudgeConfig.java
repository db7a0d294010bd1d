package dev.cantor.engine.judge;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.music.Style;
import java.util.Arrays;
import java.util.List;

/**
 * Shape of the audio judge: its log-mel front end, the CNN's width, and the label sets of its
 * two heads. Saved as {@code config.json} beside the weights.
 *
 * @param sampleRate   rate the judge listens at (other audio is resampled)
 * @param nFft         FFT length of the log-mel front end
 * @param hop          samples between log-mel frames
 * @param melBins      mel bands
 * @param fMin         lowest mel frequency, Hz
 * @param fMax         highest mel frequency, Hz
 * @param windowFrames frames the judge hears at once; longer clips are judged in half-overlapping
 *                     windows and the verdicts averaged
 * @param channels     width of the convolutions
 * @param embeddingDim size of the embedding used for the Fréchet distance
 * @param styles       labels of the style head (softmax)
 * @param instruments  labels of the instrument head (one sigmoid each)
 */
public record JudgeConfig(
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("n_fft") int nFft,
        @JsonProperty("hop") int hop,
        @JsonProperty("mel_bins") int melBins,
        @JsonProperty("f_min") double fMin,
        @JsonProperty("f_max") double fMax,
        @JsonProperty("window_frames") int windowFrames,
        @JsonProperty("channels") int channels,
        @JsonProperty("embedding_dim") int embeddingDim,
        @JsonProperty("styles") List<String> styles,
        @JsonProperty("instruments") List<String> instruments) {

    public JudgeConfig {
        require(sampleRate >= 8000 && sampleRate <= 96_000, "sample_rate must be 8000..96000");
        require(Integer.bitCount(nFft) == 1 && nFft >= 64, "n_fft must be a power of two >= 64");
        require(hop >= 1 && hop <= nFft, "hop must be 1..n_fft");
        require(melBins >= 4 && melBins <= 512, "mel_bins must be 4..512");
        require(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2.0, "need 0 <= f_min < f_max <= Nyquist");
        require(windowFrames >= 16, "window_frames must be at least 16");
        require(channels >= 1 && channels <= 1024, "channels must be 1..1024");
        require(embeddingDim >= 2 && embeddingDim <= 1024, "embedding_dim must be 2..1024");
        require(styles != null && styles.size() >= 2, "need at least two styles");
        require(instruments != null && !instruments.isEmpty(), "need at least one instrument");
        styles = List.copyOf(styles);
        instruments = List.copyOf(instruments);
    }

    /** The shipped judge: 4 s windows of 64-band log-mel at the codec's 50 frames per second. */
    public static JudgeConfig standard(List<String> instruments) {
        return new JudgeConfig(32000, 1024, 640, 64, 40, 12000, 200, 128, 64, allStyles(), instruments);
    }

    /** A seconds-to-train judge for tests. */
    public static JudgeConfig tiny(List<String> instruments) {
        return new JudgeConfig(32000, 1024, 640, 24, 40, 8000, 50, 16, 8, allStyles(), instruments);
    }

    /** Looks up a named preset. */
    public static JudgeConfig preset(String name, List<String> instruments) {
        return switch (name) {
            case "tiny" -> tiny(instruments);
            case "standard" -> standard(instruments);
            default -> throw new IllegalArgumentException("unknown judge config '" + name
                    + "' (choose tiny or standard)");
        };
    }

    /** The corpus styles, in {@link Style} order (21 since corpus v2). */
    public static List<String> allStyles() {
        return Arrays.stream(Style.values()).map(Style::label).toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("invalid judge config: " + message);
        }
    }
}
