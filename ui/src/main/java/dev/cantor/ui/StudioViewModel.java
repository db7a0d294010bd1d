package dev.cantor.ui;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.EngineServices;
import dev.cantor.engine.audio.AudioPlayer;
import dev.cantor.engine.audio.PcmOutput;
import dev.cantor.ui.export.ExportViewModel;
import dev.cantor.ui.hum.HumDevices;
import dev.cantor.ui.hum.HumViewModel;
import dev.cantor.ui.prompt.LiveTake;
import dev.cantor.ui.prompt.PromptViewModel;
import dev.cantor.ui.shared.EngineProvider;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.ModelsViewModel;
import dev.cantor.ui.shared.PlaybackViewModel;
import dev.cantor.ui.shared.SettingsStore;
import dev.cantor.ui.shared.StudioSettings;
import dev.cantor.ui.story.StoryViewModel;
import dev.cantor.ui.takes.TakesViewModel;
import dev.cantor.ui.training.TrainingViewModel;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;

/**
 * Everything the studio window shows, wired together: models, generation and takes, playback of
 * the selected take, the hum recorder, export, and the settings that persist between sessions.
 * The views only bind to these view-models; none of them touches the engine's tensors.
 */
public final class StudioViewModel implements AutoCloseable {

    private final SettingsStore store;
    private StudioSettings settings;
    private final EngineWorker worker;
    private final ModelsViewModel models;
    private final TakesViewModel takes = new TakesViewModel();
    private final PromptViewModel prompt;
    private final PlaybackViewModel playback;
    private final PlaybackViewModel humPlayback;
    private final HumViewModel hum;
    private final ExportViewModel export;
    private final EngineSession session;
    private final StoryViewModel story;
    private final PlaybackViewModel storyPlayback;
    private final TrainingViewModel training;

    /**
     * @param builtIn    the shipped model, or null
     * @param sampleRate the models' audio rate (for the hum recorder)
     * @param speakers   makes an audio output for each playback
     */
    public StudioViewModel(SettingsStore store, EngineWorker worker, EngineProvider engines, EngineServices services,
                           ModelEntry builtIn, int sampleRate, Supplier<PcmOutput> speakers, HumDevices microphones) {
        this.store = store;
        this.settings = store.load();
        this.worker = worker;
        this.models = new ModelsViewModel(builtIn, settings.modelFolders(), settings.selectedModel());
        this.session = new EngineSession(engines, models.selected());
        session.device().set(settings.deviceChoice());
        this.prompt = new PromptViewModel(worker, session, settings, this::saveSettings, services.analysis(), takes,
                new LiveTake(speakers, worker.ui(), services.analysis()));
        this.playback = new PlaybackViewModel(new AudioPlayer(speakers), worker.ui());
        // one voice at a time: playing the take (or the hum) silences the take still streaming
        playback.playing().addListener((obs, was, now) -> {
            if (now) {
                prompt.live().stop();
            }
        });
        this.humPlayback = new PlaybackViewModel(new AudioPlayer(speakers), worker.ui());
        this.hum = new HumViewModel(microphones, worker, sampleRate, settings.inputDevice(), services.analysis(),
                services.melodies());
        this.export = new ExportViewModel(worker, settings);
        this.storyPlayback = new PlaybackViewModel(new AudioPlayer(speakers), worker.ui());
        this.story = new StoryViewModel(worker, session, services.stories(), services.analysis(),
                store.dir().resolve("stories"), settings.storyProject(), file -> {
                    settings = settings.withStoryProject(file.toAbsolutePath().toString());
                    write();
                });
        this.training = new TrainingViewModel(worker.ui(), services.fineTunes(), models,
                store.dir().resolve("models"), store.dir().resolve("training"));
        story.renders().render().addListener((obs, old, r) -> storyPlayback.clip().set(r == null ? null : r.result().audio()));
        if (story.renders().render().get() != null) {
            storyPlayback.clip().set(story.renders().render().get().result().audio());
        }
        takes.selectedTake().addListener((obs, old, take) -> {
            playback.clip().set(take == null ? null : take.audio());
            if (take != null && take.isLoop()) {          // a loop plays looped, end into start
                playback.select(0, take.audio().length());
                playback.loop().set(true);
            }
        });
        hum.hum().addListener((obs, old, clip) -> humPlayback.clip().set(clip));
        models.selected().addListener((obs, old, now) -> saveSettings());
        hum.device().addListener((obs, old, now) -> saveSettings());
        session.device().addListener((obs, old, now) -> saveSettings());
        if (store.warning() != null) {
            prompt.statusNote(store.warning());
        }
    }

    public ModelsViewModel models() {
        return models;
    }

    /** The prompt, its settings and the Generate button. */
    public PromptViewModel prompt() {
        return prompt;
    }

    /** This session's takes and the one selected. */
    public TakesViewModel takes() {
        return takes;
    }

    /** Playback of the selected take. */
    public PlaybackViewModel playback() {
        return playback;
    }

    /** Playback of the hum. */
    public PlaybackViewModel humPlayback() {
        return humPlayback;
    }

    /** The Story view: the timeline, its renders and their playback. */
    public StoryViewModel story() {
        return story;
    }

    public PlaybackViewModel storyPlayback() {
        return storyPlayback;
    }

    /** The Training tab: library import and fine-tuning. */
    public TrainingViewModel training() {
        return training;
    }

    /** True while any generation (a piece or a story) runs. */
    public javafx.beans.property.ReadOnlyBooleanProperty busy() {
        return session.busy();
    }

    /** Where the models run (auto, cpu, gpu); the next generation loads the model there. */
    public ObjectProperty<DeviceChoice> device() {
        return session.device();
    }

    /** The choices the device selector offers. */
    public static List<DeviceChoice> deviceChoices() {
        return List.of(DeviceChoice.AUTO, DeviceChoice.CPU, DeviceChoice.GPU);
    }

    public HumViewModel hum() {
        return hum;
    }

    public ExportViewModel export() {
        return export;
    }

    public EngineWorker worker() {
        return worker;
    }

    public StudioSettings settings() {
        return settings;
    }

    /** Remembers the export choices (format, rate, folder). */
    public void rememberExport(String folder) {
        settings = settings.withExport(export.format().get().name(), export.sampleRate().get(), folder);
        write();
    }

    /** Saves what the musician would expect to find next time (called on the UI thread). */
    public void saveSettings() {
        settings = settings.withParameters(prompt.seconds().get(), prompt.temperature().get(),
                prompt.topK().get(), prompt.topP().get(), prompt.guidance().get(), prompt.keyGuidance().get())
                .withModelFolders(models.addedFolders())
                .withSelectedModel(models.selected().get() == null ? null : models.selected().get().dir().toString())
                .withInputDevice(hum.device().get())
                .withDevice(session.device().get() == null ? DeviceChoice.AUTO : session.device().get())
                .withRecentPrompts(prompt.history());
        write();
    }

    private void write() {
        try {
            store.save(settings);
        } catch (IOException e) {
            prompt.statusNote("Cannot save settings: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        saveSettings();
        playback.shutdown();
        humPlayback.shutdown();
        storyPlayback.shutdown();
        story.close();
        training.close();
        hum.shutdown();
        prompt.shutdown();
        try {
            worker.awaitIdle(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.close();
    }
}
