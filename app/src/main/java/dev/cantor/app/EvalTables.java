package dev.cantor.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.eval.ConditionReport;
import dev.cantor.engine.eval.GenerationEvaluator;
import dev.cantor.engine.eval.LongFormReport;
import dev.cantor.engine.api.SamplingParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The human-readable tables of {@code cantor eval} (its {@code --json} output carries the same figures). */
final class EvalTables {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] METRICS = {"tempo_hit_rate", "tempo_hit_rate_octave", "mode_accuracy",
        "key_accuracy", "key_mirex_score", "style_accuracy", "instrument_f1", "melody_chroma_cosine",
        "melody_chroma_cosine_no_melody", "fd_embed", "memorization_exact_rate", "rtf"};

    private EvalTables() {
    }

    /** One set: the model beside the real pieces, the floor and the real pieces through the codec. */
    static void print(GenerationEvaluator.Report r, SamplingParams params) {
        System.out.printf("%-32s %10s %10s %14s %16s%n", "", "model", "reference", "unconditional",
                "ref_through_codec");
        for (String name : METRICS) {
            System.out.printf("%-32s %10s %10s %14s %16s%n", name, cell(r.model(), name), cell(r.reference(), name),
                    cell(r.unconditional(), name), cell(r.referenceThroughCodec(), name));
        }
        printFooter(r, params);
    }

    /** Several sets: the model, the real pieces and the floor of each set in neighbouring columns. */
    static void printSideBySide(List<GenerationEvaluator.Report> reports, List<Path> files, SamplingParams params) {
        StringBuilder header = new StringBuilder(String.format("%-32s", ""));
        for (int i = 1; i <= reports.size(); i++) {
            header.append(String.format(" %12s %12s %12s", "model[" + i + "]", "reference[" + i + "]",
                    "uncond[" + i + "]"));
        }
        System.out.println(header);
        for (String name : METRICS) {
            StringBuilder row = new StringBuilder(String.format("%-32s", name));
            for (GenerationEvaluator.Report r : reports) {
                row.append(String.format(" %12s %12s %12s", cell(r.model(), name), cell(r.reference(), name),
                        cell(r.unconditional(), name)));
            }
            System.out.println(row);
        }
        for (int i = 0; i < reports.size(); i++) {
            System.out.printf("[%d] %s: ", i + 1, files.get(i));
            printFooter(reports.get(i), params);
        }
    }

    /**
     * The long-form figures and each piece's share of agreeing and collapsed windows, the model's
     * beside the real pieces' ({@code reference}: the ceiling); nothing when skipped.
     */
    static void printLongForm(LongFormReport r, LongFormReport reference) {
        if (r == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nlong form: %d pieces x %.0f s in %.0f s windows (%d windows)%n", r.pieces(),
                r.pieceSeconds(), r.windowSeconds(), r.windows());
        System.out.printf("%-32s %10s %10s%n", "", "model", "real");
        System.out.printf("%-32s %10s %10s%n", "long_key_agreement", number(r.longKeyAgreement()),
                number(reference.longKeyAgreement()));
        System.out.printf("%-32s %10s %10s%n", "long_tempo_agreement", number(r.longTempoAgreement()),
                number(reference.longTempoAgreement()));
        System.out.printf(Locale.ROOT, "%-32s %10s %10s   silence %s (RMS below %.0f dBFS), noise %s (flatness >= %.2f)%n",
                "long_collapse_rate", number(r.longCollapseRate()), number(reference.longCollapseRate()),
                number(r.silenceRate()), r.silenceDbfs(), number(r.noiseRate()), r.noiseFlatness());
        System.out.printf("%-32s %10s%n", "rtf", number(r.rtf()));
        System.out.printf("%-10s %-10s %5s %8s %8s %9s %10s %10s%n", "piece", "key", "bpm", "key", "tempo", "collapse",
                "real key", "real tempo");
        for (int i = 0; i < r.perPiece().size(); i++) {
            LongFormReport.Piece p = r.perPiece().get(i);
            LongFormReport.Piece real = reference.perPiece().get(i);
            System.out.printf("%-10s %-10s %5d %8s %8s %9s %10s %10s%n", p.id(), p.key(), p.tempoBpm(),
                    number(p.keyAgreement()), number(p.tempoAgreement()), number(p.collapseRate()),
                    number(real.keyAgreement()), number(real.tempoAgreement()));
        }
    }

    private static void printFooter(GenerationEvaluator.Report r, SamplingParams params) {
        System.out.printf(Locale.ROOT, "%d prompts (%d with a melody) x %d seeds in %.0f s (cfg %s, key guidance %s,"
                + " temperature %s, top-k %d, top-p %s)%n", r.prompts(), r.melodyPrompts(), r.seeds(), r.wallSeconds(),
                params.guidance(), params.keyGuidance(), params.temperature(), params.topK(), params.topP());
    }

    private static String cell(ConditionReport c, String name) {
        if (c == null) {
            return "-";
        }
        JsonNode v = MAPPER.valueToTree(c).get(name);
        return v == null || v.isNull() ? "-" : number(v.asDouble());
    }

    private static String number(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
