package dev.cantor.engine.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.training.SpectralLoss;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a codec on held-out clips: reconstruction quality (SI-SNR, log-mel and log-STFT
 * distances, the {@link SpectralFigures} in dB), bitrate, codebook usage, and how dependent the
 * K codebooks are; optionally the same reconstruction figures for reference codecs (anchors)
 * on the same clips, so the codec's numbers have a scale.
 */
public final class CodecEvaluator {

    /**
     * The figures {@code cantor eval-codec} prints.
     *
     * @param melDistance      the training loss's log-mel L1 (natural log, its own filterbank)
     * @param logMelDistanceDb mean {@link SpectralFigures} log-mel distance, in dB
     * @param bandLevelErrorDb mean level error per octave band in dB, lowest band first
     * @param worstBandErrorDb mean over clips of each clip's worst octave band, in dB
     * @param anchors          per reference codec ({@link ReferenceCodec#name()}), its figures on
     *                         the same clips; empty when none was run
     */
    public record Report(
            @JsonProperty("clips") int clips,
            @JsonProperty("seconds") double seconds,
            @JsonProperty("si_snr_db") double siSnrDb,
            @JsonProperty("mel_distance") double melDistance,
            @JsonProperty("stft_distance") double stftDistance,
            @JsonProperty("log_mel_distance_db") double logMelDistanceDb,
            @JsonProperty("band_level_error_db") Map<String, Double> bandLevelErrorDb,
            @JsonProperty("worst_band_error_db") double worstBandErrorDb,
            @JsonProperty("bitrate_kbps") double bitrateKbps,
            @JsonProperty("codebook_perplexity") double[] codebookPerplexity,
            @JsonProperty("total_correlation") double totalCorrelation,
            @JsonProperty("total_correlation_delayed") double totalCorrelationDelayed,
            @JsonProperty("total_correlation_shuffled") double totalCorrelationShuffled,
            @JsonProperty("total_correlation_excess") double totalCorrelationExcess,
            @JsonProperty("total_correlation_delayed_excess") double totalCorrelationDelayedExcess,
            @JsonProperty("pairwise_mi_excess") double pairwiseMiExcess,
            @JsonProperty("pairwise_mi_delayed_excess") double pairwiseMiDelayedExcess,
            @JsonProperty("rtf") double realTimeFactor,
            @JsonProperty("anchors") Map<String, ReconstructionFigures> anchors) {

        public Report {
            if (bandLevelErrorDb == null || anchors == null) {
                throw new IllegalArgumentException("band level errors and anchors must not be null (anchors may be empty)");
            }
            // LinkedHashMap copies keep the order the table and the JSON show
            bandLevelErrorDb = Collections.unmodifiableMap(new LinkedHashMap<>(bandLevelErrorDb));
            anchors = Collections.unmodifiableMap(new LinkedHashMap<>(anchors));
        }

        /** Cantor's codec's reconstruction figures, in the shape the anchors have. */
        public ReconstructionFigures reconstruction() {
            return new ReconstructionFigures(siSnrDb, logMelDistanceDb, bandLevelErrorDb, worstBandErrorDb);
        }
    }

    private CodecEvaluator() {
    }

    /** Round-trips every clip through the codec and aggregates the figures. */
    public static Report evaluate(CodecModel model, List<float[]> clips, ProgressListener progress,
                                  CancellationToken cancel) {
        try {
            return evaluate(model, clips, List.of(), progress, cancel);
        } catch (IOException e) {
            throw new IllegalStateException("no anchor ran, so nothing could fail reading or writing", e);
        }
    }

    /**
     * Round-trips every clip through the codec and through each anchor, and aggregates the figures.
     *
     * @param anchors reference codecs measured on the same clips (may be empty); their time is
     *                not part of {@code rtf}
     * @throws AnchorException if an anchor fails on a clip
     * @throws IOException     if an anchor cannot write or read its temporary files
     */
    public static Report evaluate(CodecModel model, List<float[]> clips, List<? extends ReferenceCodec> anchors,
                                  ProgressListener progress, CancellationToken cancel) throws IOException {
        int sampleRate = model.config().sampleRate();
        SpectralLoss spectral = SpectralLoss.standard(sampleRate);
        CodeStatistics stats = new CodeStatistics(model.config().numCodebooks(), model.config().codebookSize());
        ReconstructionMeans codecMeans = new ReconstructionMeans(sampleRate);
        List<ReconstructionMeans> anchorMeans = new ArrayList<>();
        for (int a = 0; a < anchors.size(); a++) {
            anchorMeans.add(new ReconstructionMeans(sampleRate));
        }
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
            codecMeans.add(clip, recon);
            try (NDManager m = model.manager().newSubManager()) {
                NDArray a = m.create(clip, new Shape(1, 1, clip.length));
                NDArray b = m.create(recon, new Shape(1, 1, recon.length));
                melSum += spectral.logMelL1(b, a).getFloat();
                stftSum += spectral.logStftL1(b, a).getFloat();
            }
            for (int a = 0; a < anchors.size(); a++) {
                cancel.throwIfCancelled();
                anchorMeans.get(a).add(clip, anchors.get(a).roundTrip(clip, sampleRate));
            }
            seconds += clip.length / (double) sampleRate;
            progress.onProgress(i + 1, clips.size(), ProgressStage.EVALUATING);
        }
        int n = clips.size();
        ReconstructionFigures codec = codecMeans.figures();
        Map<String, ReconstructionFigures> anchorFigures = new LinkedHashMap<>();
        for (int a = 0; a < anchors.size(); a++) {
            anchorFigures.put(anchors.get(a).name(), anchorMeans.get(a).figures());
        }
        return new Report(n, seconds, codec.siSnrDb(), melSum / n, stftSum / n, codec.logMelDistanceDb(),
                codec.bandLevelErrorDb(), codec.worstBandErrorDb(),
                model.config().bitrateKbps(), stats.perplexities(), stats.totalCorrelationBits(),
                stats.delayedTotalCorrelationBits(), stats.shuffledTotalCorrelationBits(),
                stats.excessTotalCorrelationBits(), stats.excessDelayedTotalCorrelationBits(),
                stats.pairwiseMutualInformationExcessBits(), stats.delayedPairwiseMutualInformationExcessBits(),
                codecNanos / 1e9 / seconds, anchorFigures);
    }
}
