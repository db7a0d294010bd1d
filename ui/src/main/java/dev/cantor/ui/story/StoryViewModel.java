package dev.cantor.ui.story;

import dev.cantor.engine.api.AudioAnalysis;
import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.story.StoryFile;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.api.story.StoryService;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Story view's state: a project file, the timeline edited in it ({@link TimelineViewModel})
 * and its renders ({@link RenderViewModel}). A project always has a file: a new story lives in
 * Cantor's stories folder until the musician saves it elsewhere, and every edit is saved to it at
 * once, so nothing is lost. The files — the project, its melodies and takes — are read and written
 * through the engine's {@link StoryService} on a thread of their own, in the order asked, never
 * on the UI thread; results come back as the returned futures and this view-model's properties.
 */
public final class StoryViewModel implements AutoCloseable {

    private static final String UNTITLED = "Untitled story";

    private final StoryService stories;
    private final AudioAnalysis analysis;
    private final Path storiesDir;
    private final Consumer<Path> onFileChanged;
    /** Reads and writes the story's files one at a time, so saves land in the order they were made. */
    private final EngineWorker files;
    private final Random dice = new Random();

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private StoryFile store;             // the open file, and what this window last read or wrote there
    private final StringProperty message = new SimpleStringProperty("");
    private final TimelineViewModel timeline;
    private final RenderViewModel renders;

    /**
     * Opens {@code lastProject}, else the untitled story, else starts one. That first read happens
     * on the calling thread: it comes before the window is shown, which opens with the story.
     *
     * @param storiesDir    where new stories are kept until saved elsewhere
     * @param lastProject   the project open last time, or null
     * @param onFileChanged told (on the UI thread) which project file is open now, to remember it
     */
    public StoryViewModel(EngineWorker worker, EngineSession session, StoryService stories, AudioAnalysis analysis,
                          Path storiesDir, String lastProject, Consumer<Path> onFileChanged) {
        this.stories = stories;
        this.analysis = analysis;
        this.storiesDir = storiesDir;
        this.onFileChanged = onFileChanged;
        this.files = new EngineWorker(worker.ui(), "cantor-story-files", Thread.NORM_PRIORITY);
        this.timeline = new TimelineViewModel(message, this::save);
        this.renders = new RenderViewModel(worker, session, stories, analysis, timeline, file::get, message,
                this::keep);
        if (lastProject == null || !openAtStart(Path.of(lastProject))) {
            Path untitled = storiesDir.resolve(UNTITLED + ".json");
            if (!Files.exists(untitled) || !openAtStart(untitled)) {
                String note = message.get();
                Started started = startNew();
                switchTo(started.file(), started.project());
                message.set(note);
            }
        }
    }

    /** The timeline: its sections, their edits and undo. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** Rendering the story and its last render. */
    public RenderViewModel renders() {
        return renders;
    }

    /** The project file every edit is saved to. */
    public ReadOnlyObjectProperty<Path> file() {
        return file;
    }

    /** The last problem for the musician (a refused edit, a file that would not open), or "". */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /** The project as it is now. */
    public StoryProject project() {
        return timeline.project().get();
    }

    /** The sections, in order. */
    public List<StorySection> sections() {
        return timeline.sections();
    }

    // ---- files: each runs on the files thread, its outcome comes back on the UI thread -----------

    /**
     * A WAV whose melody section {@code i} follows, or null for none. A project names only files
     * in its own folder, so a file from elsewhere is copied into {@code NAME.melodies/} beside
     * the project (and moves and is shared with it); the name is kept relative to the project.
     *
     * @return completes with true once the section names the melody (false: the message says why)
     */
    public CompletableFuture<Boolean> setMelody(int i, Path wav) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (wav == null) {
            timeline.setMelody(i, null);
            done.complete(true);
            return done;
        }
        Path projectFile = file.get();
        files.submit(() -> stories.importMelody(projectFile, wav), stored -> {
            timeline.setMelody(i, stored);
            done.complete(true);
        }, e -> {
            message.set("Cannot use " + wav.getFileName() + " as the melody: " + e.getMessage());
            done.complete(false);
        });
        return done;
    }

    /**
     * Opens a project; a file that cannot be used is left untouched and the message says why.
     *
     * @return completes with true when it opened
     */
    public CompletableFuture<Boolean> open(Path target) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        files.submit(() -> read(target), opened -> {
            show(opened);
            done.complete(true);
        }, e -> {
            message.set("Cannot open the story: " + e.getMessage());
            done.complete(false);
        });
        return done;
    }

    /** Starts a new story in the stories folder (the current one stays saved where it is). */
    public CompletableFuture<Boolean> newStory() {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        files.submit(this::startNew, started -> {
            switchTo(started.file(), started.project());
            if (started.problem() != null) {
                message.set(started.problem());
            }
            done.complete(true);
        }, e -> {
            message.set("Cannot start a new story in " + storiesDir + ": " + e.getMessage());
            done.complete(false);
        });
        return done;
    }

    /**
     * Whether saving as {@code target} would replace something: another file, or — for the open
     * file itself — what another window or program saved there since this one did.
     */
    public CompletableFuture<Boolean> wouldReplace(Path target) {
        Path to = target.toAbsolutePath();
        boolean itself = to.equals(file.get().toAbsolutePath());
        StoryFile current = store;
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        files.submit(() -> itself ? current.changedElsewhere() : Files.exists(to), answer::complete,
                answer::completeExceptionally);
        return answer;
    }

    /** True when the open file was changed by another window or program since this one saved it. */
    public CompletableFuture<Boolean> fileChangedElsewhere() {
        return wouldReplace(file.get());
    }

    /**
     * Saves the project (and its takes and melodies) as {@code target} and continues there.
     *
     * @param replaceConfirmed the musician agreed to replace an existing file (for the open file
     *                         itself: to replace what another window or program saved there)
     * @return completes with false when it did not save (the message says why)
     */
    public CompletableFuture<Boolean> saveAs(Path target, boolean replaceConfirmed) {
        Path to = target.toAbsolutePath();
        Path from = file.get();
        StoryFile current = store;
        StoryProject project = project();
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (to.equals(from.toAbsolutePath())) {
            files.submit(() -> {
                if (replaceConfirmed) {
                    current.replace(project);
                } else {
                    current.save(project);
                }
                return true;
            }, saved -> {
                if (replaceConfirmed) {
                    message.set("Saved " + to.getFileName());
                }
                done.complete(true);
            }, e -> {
                message.set(problem(e, to));
                done.complete(false);
            });
            return done;
        }
        files.submit(() -> {
            if (Files.exists(to) && !replaceConfirmed) {
                return null;
            }
            StoryProject copied = stories.copyFiles(from, to, project);
            StoryFile saved = stories.create(to);
            saved.replace(copied);
            return new Started(saved, copied, null);
        }, saved -> {
            if (saved == null) {
                message.set(to.getFileName() + " already exists; confirm to replace it.");
                done.complete(false);
                return;
            }
            StoryRender shown = renders.render().get();
            switchTo(saved.file(), saved.project());
            renders.show(carriedOver(shown, saved.project()));
            message.set("Saved as " + to.getFileName());
            done.complete(true);
        }, e -> {
            message.set("Cannot save the story as " + to + ": " + e.getMessage());
            done.complete(false);
        });
        return done;
    }

    /**
     * The render shown before a Save as, now pointing at its take's copy in the new project (the
     * copy keeps the take's seed and time, under a new name), so the music stays on screen; null
     * when its take was not copied (deleted by hand).
     */
    private static StoryRender carriedOver(StoryRender shown, StoryProject copied) {
        if (shown == null || shown.take() == null) {
            return shown;               // nothing shown, or a render that could not be kept as a take
        }
        for (StoryProject.StoryTake t : copied.takes()) {
            if (t.seed() == shown.take().seed() && Objects.equals(t.created(), shown.take().created())) {
                return new StoryRender(shown.result(), shown.peaks(), shown.timeline(), t);
            }
        }
        return null;
    }

    /** Where "Save as" would look first: beside the current project. */
    public Path suggestedSaveAs() {
        return file.get().toAbsolutePath();
    }

    /**
     * Waits until the files thread has done what was asked of it (every save written); for tests
     * and for closing.
     */
    public boolean awaitFiles(double seconds) throws InterruptedException {
        return files.awaitIdle(seconds);
    }

    /** Stops a render and lets the last saves finish before the files thread goes. */
    @Override
    public void close() {
        renders.cancel();
        try {
            files.awaitIdle(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        files.close();
    }

    /**
     * Autosave: the project file always holds what the musician sees — unless another window or
     * program changed the file since; then it is left alone and the message says so.
     */
    private void save(StoryProject project) {
        StoryFile target = store;
        files.submit(() -> {
            target.save(project);
            return target;
        }, saved -> { }, e -> message.set(problem(e, target.path())));
    }

    /** A render's take, kept beside {@code at}: recorded in the project if it is still the one open. */
    private void keep(Path at, StoryProject.StoryTake take) {
        if (at.equals(file.get())) {
            timeline.addTake(take);
        }
    }

    /**
     * A story and its file (on the files thread, or at start-up).
     *
     * @param problem why a new story could not be saved yet, or null
     */
    private record Started(StoryFile file, StoryProject project, String problem) {
    }

    /** A starter story in the stories folder, saved at once (it is still opened when that fails). */
    private Started startNew() {
        Path target = freeName(storiesDir, UNTITLED);
        StoryProject starter = StoryProject.of(1 + dice.nextInt(99_999), List.of(
                StorySection.of("calm piano intro, 70 bpm", 10),
                StorySection.of("driving drums and bass, 140 bpm", 10)));
        StoryFile created = stories.create(target);
        String problem = null;
        try {
            created.save(starter);
        } catch (IOException | IllegalArgumentException e) {
            problem = problem(e, target);
        }
        return new Started(created, starter, problem);
    }

    private StoryService.Opened read(Path target) throws StoryProjectException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // reading a FIFO blocks until something writes to it: the studio would never start
            throw new StoryProjectException(target + " is not a regular file");
        }
        return stories.open(target);
    }

    private boolean openAtStart(Path target) {
        try {
            show(read(target));
            return true;
        } catch (StoryProjectException e) {
            message.set("Cannot open the story: " + e.getMessage());
            return false;
        }
    }

    private void show(StoryService.Opened opened) {
        switchTo(opened.file(), opened.project());
        loadLatestTake();
    }

    private void switchTo(StoryFile target, StoryProject loaded) {
        store = target;
        file.set(target.path());
        renders.clear();
        timeline.load(loaded);
        message.set("");
        onFileChanged.accept(target.path());
    }

    /** Shows the project's newest take again (read on the files thread). */
    private void loadLatestTake() {
        StoryProject.StoryTake take = project().latestTake();
        if (take == null || take.codes() == null) {
            return;
        }
        Path at = file.get();
        List<StorySection> made = sections();          // the take belongs to the project as it was saved
        files.submit(() -> {
            StoryResult result = stories.loadTake(at, take);
            return new StoryRender(result, analysis.waveform(result.audio().samples()), made, take);
        }, loaded -> {
            if (at.equals(file.get()) && renders.render().get() == null) {
                renders.show(loaded);
            }
        }, e -> message.set("The story's last take could not be shown: " + e.getMessage()));
    }

    /** The message for a failed save to {@code where}: another window's change is said as it is. */
    private static String problem(Throwable e, Path where) {
        return e instanceof StoryFile.ChangedElsewhereException ? e.getMessage()
                : "Cannot save the story to " + where + ": " + e.getMessage();
    }

    static Path freeName(Path dir, String stem) {
        Path p = dir.resolve(stem + ".json");
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(stem + " " + n + ".json");
        }
        return p;
    }
}
