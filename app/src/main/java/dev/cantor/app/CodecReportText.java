package dev.cantor.app;

import dev.cantor.engine.eval.CodecEvaluator;
import dev.cantor.engine.eval.ReconstructionFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code cantor eval-codec} without {@code --json}: the figures one per line, then a table of
 * the reconstruction figures in dB with a row for the codec and one per anchor, so they read
 * side by side. A figure that could not be measured shows as a dash.
 */
final class CodecReportText {

    /** Row label of the codec being measured. */
    static final String CODEC_ROW = "cantor";

    private CodecReportText() {
    }

    static String format(CodecEvaluator.Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "clips %d (%.1f s)%n", r.clips(), r.seconds()));
        out.append(String.format(Locale.ROOT, "si_snr_db %.2f%nmel_distance %.4f%nstft_distance %.4f%n",
                r.siSnrDb(), r.melDistance(), r.stftDistance()));
        out.append(String.format(Locale.ROOT, "log_mel_distance_db %s%nworst_band_error_db %s%n",
                decibels(r.logMelDistanceDb()), decibels(r.worstBandErrorDb())));
        out.append(String.format(Locale.ROOT, "bitrate_kbps %.2f%ncodebook_perplexity %s%n", r.bitrateKbps(),
                Arrays.toString(Arrays.stream(r.codebookPerplexity()).map(v -> Math.round(v * 10) / 10.0).toArray())));
        out.append(String.format(Locale.ROOT, "total_correlation %.3f bits (delayed %.3f; shuffled floor %.3f;"
                        + " excess %.3f, delayed excess %.3f)%npairwise_mi_excess %.4f bits (delayed %.4f)%nrtf %.3f%n",
                r.totalCorrelation(), r.totalCorrelationDelayed(), r.totalCorrelationShuffled(),
                r.totalCorrelationExcess(), r.totalCorrelationDelayedExcess(), r.pairwiseMiExcess(),
                r.pairwiseMiDelayedExcess(), r.realTimeFactor()));
        Map<String, ReconstructionFigures> rows = new LinkedHashMap<>();
        rows.put(CODEC_ROW, r.reconstruction());
        rows.putAll(r.anchors());
        out.append(System.lineSeparator()).append(table(rows));
        return out.toString();
    }

    /** Columns: SI-SNR, log-mel distance, worst band, then each octave band's level error, all in dB. */
    private static String table(Map<String, ReconstructionFigures> rows) {
        List<String> columns = new ArrayList<>(List.of("si_snr", "log_mel", "worst_band"));
        columns.addAll(rows.values().iterator().next().bandLevelErrorDb().keySet());
        int labelWidth = Math.max(3, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder(pad("dB", labelWidth));
        for (String column : columns) {
            out.append(cell(column, column));
        }
        out.append(System.lineSeparator());
        for (Map.Entry<String, ReconstructionFigures> row : rows.entrySet()) {
            ReconstructionFigures f = row.getValue();
            List<Double> values = new ArrayList<>(List.of(f.siSnrDb(), f.logMelDistanceDb(), f.worstBandErrorDb()));
            values.addAll(f.bandLevelErrorDb().values());
            out.append(pad(row.getKey(), labelWidth));
            for (int c = 0; c < columns.size(); c++) {
                out.append(cell(decibels(values.get(c)), columns.get(c)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** {@code text} right-aligned under {@code column}'s heading, two spaces apart, at least 7 wide. */
    private static String cell(String text, String column) {
        int width = Math.max(7, column.length());
        return "  " + " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String decibels(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "-";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
