package dev.cantor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.eval.CodecEvaluator;
import dev.cantor.engine.eval.HeldOutClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train-codec --heldout DIR}: the figures of {@code eval-codec} (SI-SNR, log-mel distance
 * and octave-band level errors in dB) on a few held-out clips at every checkpoint, printed and
 * appended to {@code MODELDIR/validation.jsonl}, so a run's curve against its training minutes
 * needs no second process.
 */
final class CodecValidation {

    static final String FILE = "validation.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<float[]> clips;
    private final Path out;
    private long lastStep = -1;

    private CodecValidation(List<float[]> clips, Path out) {
        this.clips = clips;
        this.out = out;
    }

    /**
     * Loads up to {@code maxClips} clips of {@code dir} (a corpus, or recordings: 10 s excerpts);
     * train-codec has checked that the folder exists before it loaded the training clips.
     */
    static CodecValidation load(Path dir, int sampleRate, int maxClips, Path out) throws IOException {
        HeldOutClips held = HeldOutClips.load(dir, sampleRate, maxClips, ProgressListener.NONE);
        held.skipped().forEach(reason -> System.err.println("held-out: skipped " + reason));
        return new CodecValidation(held.clips(), out);
    }

    /** Measures the model as it is at {@code step} (once per step) and records the figures. */
    void measure(CodecModel model, long step, double wallSeconds) throws IOException {
        if (step == lastStep) {
            return;
        }
        lastStep = step;
        CodecEvaluator.Report r = CodecEvaluator.evaluate(model, clips, ProgressListener.NONE, CancellationToken.NEVER);
        System.err.printf("validation at step %d: log-mel %.2f dB, worst band %.2f dB, SI-SNR %.2f dB (%d clips)%n",
                step, r.logMelDistanceDb(), r.worstBandErrorDb(), r.siSnrDb(), r.clips());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("wall_seconds", wallSeconds);
        line.put("si_snr_db", r.siSnrDb());
        line.put("log_mel_distance_db", r.logMelDistanceDb());
        line.put("worst_band_error_db", r.worstBandErrorDb());
        line.put("band_level_error_db", r.bandLevelErrorDb());
        Files.createDirectories(out);
        Files.writeString(out.resolve(FILE), JSON.writeValueAsString(line) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
