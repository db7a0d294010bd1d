package dev.cantor.engine.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.training.SpectralLoss;
import java.util.List;

/**
 * Measures a codec on held-out clips: reconstruction quality (SI-SNR, log-mel and log-STFT
 * distances), bitrate, codebook usage, and how dependent the K codebooks are.
 */
public final class CodecEvaluator {

    /** The figures {@code cantor eval-codec} prints. */
    public record Report(
            @JsonProperty("clips") int clips,
            @JsonProperty("seconds") double seconds,
            @JsonProperty("si_snr_db") double siSnrDb,
            @JsonProperty("mel_distance") double melDistance,
            @JsonProperty("stft_distance") double stftDistance,
            @JsonProperty("bitrate_kbps") double bitrateKbps,
            @JsonProperty("codebook_perplexity") double[] codebookPerplexity,
            @JsonProperty("total_correlation") double totalCorrelation,
            @JsonProperty("total_correlation_delayed") double totalCorrelationDelayed,
            @JsonProperty("total_correlation_shuffled") double totalCorrelationShuffled,
            @JsonProperty("total_correlation_excess") double totalCorrelationExcess,
            @JsonProperty("total_correlation_delayed_excess") double totalCorrelationDelayedExcess,
            @JsonProperty("pairwise_mi_excess") double pairwiseMiExcess,
            @JsonProperty("pairwise_mi_delayed_excess") double pairwiseMiDelayedExcess,
            @JsonProperty("rtf") double realTimeFactor) {
    }

    private CodecEvaluator() {
    }

    /** Round-trips every clip through the codec and aggregates the figures. */
    public static Report evaluate(CodecModel model, List<float[]> clips, ProgressListener progress,
                                  CancellationToken cancel) {
        int sampleRate = model.config().sampleRate();
        SpectralLoss spectral = SpectralLoss.standard(sampleRate);
        CodeStatistics stats = new CodeStatistics(model.config().numCodebooks(), model.config().codebookSize());
        double snrSum = 0;
        int snrCount = 0;
        double melSum = 0;
        double stftSum = 0;
        double seconds = 0;
        long codecNanos = 0;
        for (int i = 0; i < clips.size(); i++) {
            cancel.throwIfCancelled();
            float[] clip = clips.get(i);
            long t0 = System.nanoTime();
            int[][] codes = model.encode(clip);
            float[] recon = model.decode(codes, clip.length);
            codecNanos += System.nanoTime() - t0;
            stats.add(codes);
            double snr = AudioMetrics.siSnrDb(clip, recon);
            if (!Double.isNaN(snr)) {
                snrSum += snr;
                snrCount++;
            }
            try (NDManager m = model.manager().newSubManager()) {
                NDArray a = m.create(clip, new Shape(1, 1, clip.length));
                NDArray b = m.create(recon, new Shape(1, 1, recon.length));
                melSum += spectral.logMelL1(b, a).getFloat();
                stftSum += spectral.logStftL1(b, a).getFloat();
            }
            seconds += clip.length / (double) sampleRate;
            progress.onProgress(i + 1, clips.size(), "evaluating");
        }
        int n = clips.size();
        return new Report(n, seconds, snrCount == 0 ? Double.NaN : snrSum / snrCount, melSum / n, stftSum / n,
                model.config().bitrateKbps(), stats.perplexities(), stats.totalCorrelationBits(),
                stats.delayedTotalCorrelationBits(), stats.shuffledTotalCorrelationBits(),
                stats.excessTotalCorrelationBits(), stats.excessDelayedTotalCorrelationBits(),
                stats.pairwiseMutualInformationExcessBits(), stats.delayedPairwiseMutualInformationExcessBits(), codecNanos / 1e9 / seconds);
    }
}
