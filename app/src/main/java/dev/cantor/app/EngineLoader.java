package dev.cantor.app;

import dev.cantor.engine.conditioning.TextEncoder;
import dev.cantor.engine.generation.LocalMusicEngine;
import dev.cantor.engine.generation.MusicModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a model folder as a {@link LocalMusicEngine}, with messages a user can act on. */
final class EngineLoader {

    private EngineLoader() {
    }

    static LocalMusicEngine open(Path dir) {
        MusicModel model = loadModel(dir);
        try {
            return new LocalMusicEngine(model, TextEncoder.open());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Loads a model folder (codec/ + lm/); what is missing or mismatched becomes a user error. */
    static MusicModel loadModel(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("model folder not found: " + dir);
        }
        try {
            return MusicModel.load(dir);
        } catch (NoSuchFileException e) {
            String reason = e.getReason() != null ? e.getReason() : "missing file " + e.getFile();
            throw new UserInputException(dir + ": " + reason);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException("cannot load the model in " + dir + ": " + e.getMessage());
        }
    }
}
