package dev.cantor.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.JsonProblems;
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
    private static final String OPTIMIZER_FILE = "optimizer.cntr";
    private static final String TRAINING_CONFIG_FILE = "training_config.json";
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

    /**
     * The latest checkpoint of a run, read back for resuming: its folder (which also holds the
     * model's files), its state and its training config.
     */
    record Resumed<C>(Path dir, State state, C config) {

        /** Puts the optimizer's moments and step count back. */
        void restore(AdamOptimizer optimizer) throws IOException {
            optimizer.load(dir.resolve(OPTIMIZER_FILE));
        }
    }

    private TrainingCheckpoint() {
    }

    /**
     * Checkpoints a trainer of this package: the model's files, the optimizer and the training
     * config, beside the state.
     */
    static void saveRun(Path modelDir, State state, Contents model, AdamOptimizer optimizer, Object config)
            throws IOException {
        save(modelDir, state, dir -> {
            model.writeTo(dir);
            optimizer.save(dir.resolve(OPTIMIZER_FILE));
            AtomicFiles.writeString(dir.resolve(TRAINING_CONFIG_FILE), JSON.writeValueAsString(config));
        });
    }

    /** Reads back what {@link #saveRun} wrote last; the caller loads the model from its folder. */
    static <C> Resumed<C> resume(Path modelDir, Class<C> configType) throws IOException {
        Path dir = latest(modelDir);
        if (dir == null) {
            throw new IOException("nothing to resume in " + modelDir + " (no training checkpoint)");
        }
        State state = readState(dir);
        C config;
        try {
            config = JSON.readValue(dir.resolve(TRAINING_CONFIG_FILE).toFile(), configType);
        } catch (JsonProcessingException e) {
            throw new IOException("damaged checkpoint " + dir + ": " + JsonProblems.describe(e), e);
        }
        return new Resumed<>(dir, state, config);
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
        } catch (JsonProcessingException e) {
            throw new IOException("damaged checkpoint " + checkpointDir + ": " + JsonProblems.describe(e), e);
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
