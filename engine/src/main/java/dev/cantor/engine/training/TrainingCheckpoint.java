package dev.cantor.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The resumable state of a training run, kept in {@code MODELDIR/training/}. A new checkpoint
 * is written to a fresh folder and swapped in by renames, so a crash at any moment leaves one
 * complete checkpoint behind.
 */
public final class TrainingCheckpoint {

    public static final String DIR = "training";
    private static final String NEW_DIR = ".training-new";
    private static final String OLD_DIR = ".training-old";
    private static final String STATE_FILE = "state.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What state.json records besides the tensors. */
    public record State(@JsonProperty("step") long step,
                        @JsonProperty("wall_seconds") double wallSeconds,
                        @JsonProperty("kind") String kind) {
    }

    /** Writes the files of a checkpoint into a folder it is given. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(Path folder) throws IOException;
    }

    private TrainingCheckpoint() {
    }

    /** Writes a complete checkpoint and makes it the current one. */
    public static void save(Path modelDir, State state, Contents contents) throws IOException {
        Path fresh = modelDir.resolve(NEW_DIR);
        deleteTree(fresh);
        Files.createDirectories(fresh);
        contents.writeTo(fresh);
        AtomicFiles.writeString(fresh.resolve(STATE_FILE), JSON.writeValueAsString(state));
        Path current = modelDir.resolve(DIR);
        Path old = modelDir.resolve(OLD_DIR);
        deleteTree(old);
        if (Files.exists(current)) {
            Files.move(current, old);
        }
        Files.move(fresh, current);
        deleteTree(old);
    }

    /** The folder of the latest complete checkpoint, or null when there is none. */
    public static Path latest(Path modelDir) {
        for (String name : new String[] {DIR, OLD_DIR}) {
            Path dir = modelDir.resolve(name);
            if (Files.isRegularFile(dir.resolve(STATE_FILE))) {
                return dir;
            }
        }
        return null;
    }

    /** Reads state.json of a checkpoint folder. */
    public static State readState(Path checkpointDir) throws IOException {
        try {
            return JSON.readValue(checkpointDir.resolve(STATE_FILE).toFile(), State.class);
        } catch (IOException e) {
            throw new IOException("damaged checkpoint " + checkpointDir + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
