package dev.cantor.engine.training;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A run's {@code log.jsonl} in its model folder: one compact JSON object a line (each step's
 * figures, each validation pass), appended as they come so a crash loses at most the last line
 * and a resumed run carries on the same file.
 */
final class TrainingLog {

    static final String FILE = "log.jsonl";
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
}
