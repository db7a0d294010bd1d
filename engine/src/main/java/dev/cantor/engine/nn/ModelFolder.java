package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import dev.cantor.engine.io.AtomicFiles;
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
