package dev.cantor.engine.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A run's {@code log.jsonl} in its model folder: one compact JSON object a line (each step's
 * figures, each validation pass), appended as they come so a crash loses at most the last line
 * and a resumed run carries on the same file — after {@link #rewind} has dropped the lines of the
 * steps the crash lost, so each step is logged once.
 */
public final class TrainingLog {

    public static final String FILE = "log.jsonl";
    private static final ObjectMapper READ = new ObjectMapper();
    private static final ObjectWriter LINE = TrainingCheckpoint.JSON.writer()
            .without(SerializationFeature.INDENT_OUTPUT);

    private TrainingLog() {
    }

    /** Appends {@code entry} (a record of figures) as one line, creating the folder if need be. */
    static void append(Path modelDir, Object entry) throws IOException {
        Files.createDirectories(modelDir);
        Files.writeString(modelDir.resolve(FILE), LINE.writeValueAsString(entry) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Rewinds a log of steps ({@code log.jsonl}, {@code validation.jsonl}) to a checkpoint: drops
     * every line whose {@code "step"} is past {@code step} (what the run did after its last
     * checkpoint is done again on resume) and every line a crash cut short; keeps lines without a
     * step. The file is replaced atomically, and left alone when nothing changes or it is absent.
     *
     * @return how many lines it dropped
     */
    public static int rewind(Path file, long step) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        int dropped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            if (keeps(line, step)) {
                kept.append(line).append('\n');
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            AtomicFiles.writeString(file, kept.toString());
        }
        return dropped;
    }

    private static boolean keeps(String line, long step) {
        JsonNode node;
        try {
            node = READ.readTree(line);
        } catch (JsonProcessingException e) {
            return false;                       // a line a crash cut short
        }
        if (node == null || !node.isObject()) {
            return false;
        }
        JsonNode at = node.get("step");
        return at == null || !at.isNumber() || at.asLong() <= step;
    }
}
