package dev.cantor.ui.shared;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.MusicEngine;
import java.io.IOException;

/** Opens the engine for a model folder (the app wires the real loader; tests pass a double). */
@FunctionalInterface
public interface EngineProvider {

    /**
     * Loads the model in {@code model.dir()}; called on the engine thread, may take seconds.
     *
     * @throws IOException with a message fit for the status bar when the folder is not a usable model
     */
    MusicEngine open(ModelEntry model) throws IOException;

    /**
     * Loads the model to run on {@code device}; a provider that has one device only (a test double)
     * ignores it.
     *
     * @throws IOException with a message fit for the status bar, also when the device cannot be had
     */
    default MusicEngine open(ModelEntry model, DeviceChoice device) throws IOException {
        return open(model);
    }
}
