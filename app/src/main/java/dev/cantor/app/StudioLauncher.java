package dev.cantor.app;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.EngineServices;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.audio.SpeakerOutput;
import dev.cantor.engine.codec.CodecModel;
import dev.cantor.engine.dsp.LocalAudioAnalysis;
import dev.cantor.engine.finetune.LocalFineTuneService;
import dev.cantor.engine.generation.MusicModel;
import dev.cantor.engine.runtime.ModelDevice;
import dev.cantor.engine.story.LocalStoryService;
import dev.cantor.engine.transcription.HumTranscriber;
import dev.cantor.ui.StudioApplication;
import dev.cantor.ui.StudioViewModel;
import dev.cantor.ui.hum.HumDevices;
import dev.cantor.ui.shared.EngineProvider;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.SettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Wires the studio window to the real engine, the user's settings folder and the sound devices. */
public final class StudioLauncher {

    /** The sample rate of Cantor's models (used when no model is installed to ask). */
    private static final int DEFAULT_RATE = 32000;

    private StudioLauncher() {
    }

    static void open(String... args) {
        StudioApplication.launch(StudioLauncher::viewModel, args);
    }

    /** The studio's view-models over the real engine; {@code settings} picks the config folder. */
    static StudioViewModel viewModel(EngineWorker worker) {
        return viewModel(worker, new SettingsStore(SettingsStore.defaultDir()));
    }

    public static StudioViewModel viewModel(EngineWorker worker, SettingsStore settings) {
        return viewModel(worker, settings, ModelLocator.defaultModel());
    }

    /** The studio's view-models with {@code shipped} as the built-in model (tests pass a tiny one). */
    public static StudioViewModel viewModel(EngineWorker worker, SettingsStore settings, Path shipped) {
        ModelEntry builtIn = Files.isDirectory(shipped) ? new ModelEntry("Cantor default", shipped, true) : null;
        int rate = sampleRate(shipped);
        return new StudioViewModel(settings, worker, engines(), services(), builtIn, rate,
                () -> new SpeakerOutput(null), HumDevices.system(rate));
    }

    /** The engine's services on this machine: story files, fine-tuning, waveforms and pitch. */
    public static EngineServices services() {
        return new EngineServices(new LocalStoryService(), new LocalFineTuneService(), new LocalAudioAnalysis(),
                new HumTranscriber());
    }

    static EngineProvider engines() {
        return new EngineProvider() {
            @Override
            public MusicEngine open(ModelEntry model) throws IOException {
                return open(model, DeviceChoice.AUTO);
            }

            @Override
            public MusicEngine open(ModelEntry model, DeviceChoice device) throws IOException {
                try {
                    ModelDevice.use(device);
                    return EngineLoader.open(model.dir());
                } catch (UserInputException | RequestException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        };
    }

    private static int sampleRate(Path model) {
        try {
            return CodecModel.readConfig(model.resolve(MusicModel.CODEC_DIR)).sampleRate();
        } catch (IOException | RuntimeException e) {
            return DEFAULT_RATE;
        }
    }
}
