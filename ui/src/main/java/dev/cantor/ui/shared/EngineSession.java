package dev.cantor.ui.shared;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.MusicEngine;
import java.io.IOException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The loaded engine, shared by everything in the studio that generates (single pieces and
 * stories): it is opened for the selected model on first use, replaced when the musician picks
 * another model or another device, and used by one job at a time ({@link #busy()}). {@link #engineFor} and
 * {@link #close} run on the {@link EngineWorker}'s thread; the busy flag lives on the UI thread.
 */
public final class EngineSession {

    private final EngineProvider engines;
    private final ObjectProperty<ModelEntry> model;
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private volatile MusicEngine engine;
    private volatile ModelEntry engineModel;
    private volatile DeviceChoice engineDevice;
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);
    /** The device choice as the engine thread reads it (the property is the UI thread's). */
    private volatile DeviceChoice wantedDevice = DeviceChoice.AUTO;

    public EngineSession(EngineProvider engines, ObjectProperty<ModelEntry> model) {
        this.engines = engines;
        this.model = model;
        device.addListener((obs, old, now) -> wantedDevice = now == null ? DeviceChoice.AUTO : now);
    }

    /** Where the models run; a change takes effect when the next job loads the engine again. */
    public ObjectProperty<DeviceChoice> device() {
        return device;
    }

    /** The model the musician picked. */
    public ObjectProperty<ModelEntry> model() {
        return model;
    }

    /** True while a generation of any kind runs. */
    public ReadOnlyBooleanProperty busy() {
        return busy;
    }

    public void setBusy(boolean now) {
        busy.set(now);
    }

    /** True when {@code chosen} is the model already loaded (no loading wait). */
    public boolean isLoaded(ModelEntry chosen) {
        return engine != null && engineModel == chosen && wantedDevice.equals(engineDevice);
    }

    /** The engine for {@code chosen}, loading it (and closing another) when needed. Engine thread only. */
    public MusicEngine engineFor(ModelEntry chosen) throws IOException {
        if (isLoaded(chosen)) {
            return engine;
        }
        close();
        DeviceChoice on = wantedDevice;
        engine = engines.open(chosen, on);
        engineModel = chosen;
        engineDevice = on;
        return engine;
    }

    /** Closes the loaded engine. Engine thread only. */
    public void close() {
        if (engine != null) {
            engine.close();
            engine = null;
            engineModel = null;
            engineDevice = null;
        }
    }
}
