package dev.cantor.ui.story;

import dev.cantor.engine.api.AudioAnalysis;
import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.MusicEngine;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.Waveform;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryService;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.TimeText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Rendering the story (the Story view's progress bar, waveform and Generate / Regenerate buttons):
 * the whole piece or one section again, with per-section progress and cancel, on the engine
 * thread. Each render is kept beside the project as a take (written on the engine thread too)
 * and handed to {@code onKept}; the last one is shown with its section markers.
 */
public final class RenderViewModel {

    private static final double DECODING_SHARE = 0.07;

    private final EngineWorker worker;
    private final EngineSession session;
    private final StoryService stories;
    private final AudioAnalysis analysis;
    private final TimelineViewModel timeline;
    private final Supplier<Path> file;
    private final StringProperty message;
    private final BiConsumer<Path, StoryProject.StoryTake> onKept;
    private final Random dice = new Random();

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty activeSection = new SimpleIntegerProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<StoryRender> render = new SimpleObjectProperty<>();
    private final BooleanProperty regenerateFollowing = new SimpleBooleanProperty(false);
    private CancellationToken cancel;

    /**
     * @param file    the open project file (takes are kept beside it)
     * @param onKept  told on the UI thread of a take written beside the project file it names
     */
    RenderViewModel(EngineWorker worker, EngineSession session, StoryService stories, AudioAnalysis analysis,
                    TimelineViewModel timeline, Supplier<Path> file, StringProperty message,
                    BiConsumer<Path, StoryProject.StoryTake> onKept) {
        this.worker = worker;
        this.session = session;
        this.stories = stories;
        this.analysis = analysis;
        this.timeline = timeline;
        this.file = file;
        this.message = message;
        this.onKept = onKept;
    }

    public ReadOnlyBooleanProperty running() {
        return running;
    }

    /** 0..1 while rendering; -1 while the model loads. */
    public ReadOnlyDoubleProperty progress() {
        return progress;
    }

    /** The section being rendered now, or -1. */
    public ReadOnlyIntegerProperty activeSection() {
        return activeSection;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    /** The last render (shown with section markers), or null. */
    public ReadOnlyObjectProperty<StoryRender> render() {
        return render;
    }

    /** "Regenerate this section" also makes the sections after it again (else they are kept). */
    public BooleanProperty regenerateFollowing() {
        return regenerateFollowing;
    }

    /** Shows {@code shown} as the last render (a take read back, or one renamed by Save as); null for none. */
    void show(StoryRender shown) {
        render.set(shown);
    }

    /** Forgets the render and the status (another project is open now). */
    void clear() {
        render.set(null);
        status.set("");
    }

    /** Renders the whole story (Generate story). */
    public void generate() {
        StoryProject snapshot = timeline.project().get();
        Path dir = projectDir();
        start("Generating the story", (engine, listener, token) -> {
            StoryRequest request = stories.request(snapshot, dir, engine.sampleRate());
            return engine.generateStory(request, listener, token);
        }, snapshot);
    }

    /**
     * Makes section {@code i} again with a new seed (recorded in the project, so the result can
     * be reproduced), keeping everything before it; the sections after it are kept or made
     * again as {@link #regenerateFollowing()} says.
     */
    public void regenerateSection(int i) {
        StoryRender previous = render.get();
        if (previous == null) {
            message.set("Generate the story first; then any section can be made again.");
            return;
        }
        if (!previous.fits(timeline.sections())) {
            message.set("The sections' lengths changed since the last render: generate the whole story again.");
            return;
        }
        if (running.get() || session.busy().get()) {
            message.set("Wait for the running generation to finish (or cancel it).");
            return;
        }
        timeline.setSectionSeed(i, 1L + dice.nextInt(99_999));
        StoryProject snapshot = timeline.project().get();
        boolean following = regenerateFollowing.get();
        Path dir = projectDir();
        start("Making section " + (i + 1) + " again", (engine, listener, token) -> {
            StoryRequest request = stories.request(snapshot, dir, engine.sampleRate());
            return engine.regenerateSection(request, previous.result(), i, following, listener, token);
        }, snapshot);
    }

    /** Stops the render within one sampling step; the project and the last render are kept. */
    public void cancel() {
        if (running.get() && cancel != null) {
            cancel.cancel();
            status.set("Cancelling…");
        }
    }

    @FunctionalInterface
    private interface Render {
        StoryResult run(MusicEngine engine, ProgressListener listener, CancellationToken token) throws Exception;
    }

    private record Rendered(StoryRender render, String keepProblem) {
    }

    private void start(String what, Render job, StoryProject snapshot) {
        if (running.get() || session.busy().get()) {
            message.set("Wait for the running generation to finish (or cancel it).");
            return;
        }
        ModelEntry chosen = session.model().get();
        if (chosen == null) {
            message.set("No model: add a model folder in the model selector.");
            return;
        }
        Path at = file.get();
        CancellationToken token = new CancellationToken();
        cancel = token;
        running.set(true);
        session.setBusy(true);
        progress.set(-1);
        activeSection.set(-1);
        message.set("");
        status.set(session.isLoaded(chosen) ? what + "…" : "Loading " + chosen.name() + "…");
        int n = snapshot.sections().size();
        worker.submit(() -> {
            MusicEngine engine = session.engineFor(chosen);
            token.throwIfCancelled();
            StoryResult result = job.run(engine, (done, total, stage) ->
                    worker.ui().execute(() -> onProgress(done, total, stage, n)), token);
            Waveform peaks = analysis.waveform(result.audio().samples());
            StoryProject.StoryTake take = null;
            String problem = null;
            try {
                take = stories.keepTake(at, result, snapshot.seed(), Instant.now());
            } catch (IOException e) {
                problem = e.getMessage();
            }
            return new Rendered(new StoryRender(result, peaks, snapshot.sections(), take), problem);
        }, done -> finished(done, at), this::failed);
    }

    private Path projectDir() {
        return file.get().toAbsolutePath().getParent();
    }

    private void onProgress(long done, long total, ProgressStage stage, int sections) {
        if (!running.get()) {
            return;
        }
        double fraction = total > 0 ? Math.min(1, done / (double) total) : 0;
        if (stage.kind() == ProgressStage.Kind.SECTION) {
            activeSection.set(stage.index());
            progress.set(Math.max(progress.get(), (1 - DECODING_SHARE) * fraction));
            if (!cancel.isCancelled()) {
                status.set(String.format(Locale.ROOT, "Section %d of %d · %.0f %%", activeSection.get() + 1, sections,
                        100 * progress.get()));
            }
        } else if (stage.kind() == ProgressStage.Kind.DECODING) {
            activeSection.set(-1);
            progress.set(Math.max(progress.get(), 1 - DECODING_SHARE + DECODING_SHARE * fraction));
            if (!cancel.isCancelled()) {
                status.set("Decoding the audio…");
            }
        }
    }

    private void finished(Rendered done, Path at) {
        StoryRender made = done.render();
        if (made.take() != null) {
            onKept.accept(at, made.take());
        } else if (done.keepProblem() != null) {
            message.set("The render could not be kept beside the project: " + done.keepProblem());
        }
        StoryResult r = made.result();
        status.set(String.format(Locale.ROOT, "%.1f s of music, %d sections, in %s", r.audio().seconds(),
                r.sections(), TimeText.duration(r.wallSeconds())));
        progress.set(1);
        activeSection.set(-1);
        render.set(made);
        session.setBusy(false);
        running.set(false);
    }

    private void failed(Throwable e) {
        running.set(false);
        session.setBusy(false);
        progress.set(0);
        activeSection.set(-1);
        if (e instanceof CancelledException) {
            status.set("Cancelled; the story and its last render are unchanged.");
            return;
        }
        status.set("");
        message.set("The story could not be generated: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage()));
    }
}
