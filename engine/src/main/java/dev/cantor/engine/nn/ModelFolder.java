package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folder a model is saved in: its config record as JSON beside its parameters and buffers
 * in one {@link TensorFile}. The codec, the LM and the judge all keep this layout; only the
 * config tells them apart.
 */
public final class ModelFolder {

    /** The model's config record, as JSON. */
    public static final String CONFIG_FILE = "config.json";
    /** The model's parameters and buffers. */
    public static final String WEIGHTS_FILE = "weights.cntr";
    /** Largest config.json read (the real ones are under a kilobyte). */
    public static final long MAX_CONFIG_BYTES = 1_000_000;

    private static final ObjectMapper CONFIG_JSON = JsonProblems.strictMapper();

    private ModelFolder() {
    }

    /**
     * @param what the kind of folder expected, for the message, e.g. "a codec model"
     * @throws NoSuchFileException unless {@code dir} holds both files
     */
    public static void requireFiles(Path dir, String what) throws NoSuchFileException {
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE)) || !Files.isRegularFile(dir.resolve(WEIGHTS_FILE))) {
            throw new NoSuchFileException(dir.toString(), null,
                    "not " + what + " folder (needs " + CONFIG_FILE + " and " + WEIGHTS_FILE + ")");
        }
    }

    /**
     * Reads a model folder's config.json as {@code type}, the record whose constructor checks
     * every field. A pipe, a device or a file over {@link #MAX_CONFIG_BYTES} is refused before
     * reading; any other problem becomes one line naming the file and the field.
     *
     * @param what the kind of model, for messages, e.g. "codec"
     * @throws java.nio.file.NoSuchFileException when there is no config.json
     * @throws IOException                       when it cannot be used (the message says why)
     */
    public static <T> T readConfig(Path dir, Class<T> type, String what) throws IOException {
        Path file = dir.resolve(CONFIG_FILE);
        byte[] bytes = InputFiles.readBounded(file, "the " + what + " config", MAX_CONFIG_BYTES);
        try {
            return CONFIG_JSON.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new IOException("damaged " + what + " config " + file + ": " + JsonProblems.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("damaged " + what + " config " + file + ": " + JsonProblems.oneLine(e.getMessage()), e);
        }
    }

    /**
     * Checks, before a model is built, that its weights file can hold the model its config
     * describes: a model of at least {@code minimumValues} parameters and buffers needs at least
     * that many values in weights.cntr (every one is loaded from there). A config edited to ask
     * for a bigger model than its weights is refused here, before gigabytes are allocated.
     *
     * @param minimumValues a lower bound of the model's parameter and buffer values, from its config
     * @throws IOException when the weights file is damaged or holds fewer values (the message names both files)
     */
    public static void requireWeightsFor(Path dir, long minimumValues, String what) throws IOException {
        Path weights = dir.resolve(WEIGHTS_FILE);
        long held = TensorFile.valueCount(weights);
        if (held < minimumValues) {
            throw new IOException(dir.resolve(CONFIG_FILE) + " describes a " + what + " of at least "
                    + minimumValues + " values, but " + weights + " holds " + held
                    + ": the config does not belong to these weights");
        }
    }

    /**
     * Loads the saved tensors into a freshly built model's store. When that fails the model is
     * closed first, so its native memory is not left behind by a half-loaded model.
     *
     * @param closeModel closes the model that owns {@code store}
     */
    public static void loadWeights(Path dir, ParameterStore store, Runnable closeModel) throws IOException {
        try {
            TensorFile.load(dir.resolve(WEIGHTS_FILE), store);
        } catch (IOException | RuntimeException e) {
            closeModel.run();
            throw e;
        }
    }

    /** Copies the model in {@code from} (config and weights) into {@code to}, each file atomically. */
    public static void copy(Path from, Path to) throws IOException {
        requireFiles(from, "a model");
        Files.createDirectories(to);
        for (String file : new String[] {CONFIG_FILE, WEIGHTS_FILE}) {
            AtomicFiles.write(to.resolve(file), Files.readAllBytes(from.resolve(file)));
        }
    }

    /** Writes the config and the store's parameters and buffers, each file atomically. */
    public static void save(Path dir, String configJson, ParameterStore store, TensorFile.Storage storage)
            throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve(CONFIG_FILE), configJson);
        Map<String, NDArray> all = new LinkedHashMap<>(store.parameters());
        all.putAll(store.buffers());
        TensorFile.write(dir.resolve(WEIGHTS_FILE), all, storage);
    }
}
