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
import dev.cantor.engine.api.story.StoryFile;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import dev.cantor.engine.api.story.StoryService;
import dev.cantor.ui.shared.EngineSession;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.ModelEntry;
import dev.cantor.ui.shared.TimeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
 * The Story view's state: a project (sections on a timeline) that every edit replaces with a
 * checked new version, recorded for undo and saved at once to the project's file (so nothing is
 * lost); rendering the story with per-section progress and cancel; the render kept beside the
 * project as a take; and "regenerate this section". A project always has a file: a new story
 * lives in Cantor's stories folder until the musician saves it elsewhere.
 */
public final class StoryViewModel {

    /** Length of a newly added section. */
    static final double NEW_SECTION_SECONDS = 10;
    /** Shortest section the timeline lets a drag make. */
    static final double MIN_SECTION_SECONDS = 1;
    private static final double DECODING_SHARE = 0.07;
    private static final String UNTITLED = "Untitled story";

    private final EngineWorker worker;
    private final EngineSession session;
    private final StoryService stories;
    private final AudioAnalysis analysis;
    private final Path storiesDir;
    private final Consumer<Path> onFileChanged;
    private final UndoHistory<StoryProject> history = new UndoHistory<>();
    private final Random dice = new Random();

    private final ObjectProperty<StoryProject> project = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private StoryFile store;              // the open file, and what this window last read or wrote there
    private final IntegerProperty selected = new SimpleIntegerProperty(0);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    private final StringProperty undoLabel = new SimpleStringProperty("");
    private final StringProperty redoLabel = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final IntegerProperty activeSection = new SimpleIntegerProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<StoryRender> render = new SimpleObjectProperty<>();
    private final BooleanProperty regenerateFollowing = new SimpleBooleanProperty(false);
    private CancellationToken cancel;

    /**
     * @param storiesDir    where new stories are kept until saved elsewhere
     * @param lastProject   the project open last time, or null
     * @param onFileChanged told (on the UI thread) which project file is open now, to remember it
     */
    public StoryViewModel(EngineWorker worker, EngineSession session, StoryService stories, AudioAnalysis analysis,
                   Path storiesDir, String lastProject, Consumer<Path> onFileChanged) {
        this.worker = worker;
        this.stories = stories;
        this.analysis = analysis;
        this.session = session;
        this.storiesDir = storiesDir;
        this.onFileChanged = onFileChanged;
        if (lastProject == null || !open(Path.of(lastProject))) {
            Path untitled = storiesDir.resolve(UNTITLED + ".json");
            if (!Files.exists(untitled) || !open(untitled)) {
                String note = message.get();
                newStory();
                message.set(note);
            }
        }
    }

    public ReadOnlyObjectProperty<StoryProject> project() {
        return project;
    }

    /** The project file every edit is saved to. */
    public ReadOnlyObjectProperty<Path> file() {
        return file;
    }

    /** Index of the section being edited. */
    public IntegerProperty selected() {
        return selected;
    }

    public ReadOnlyBooleanProperty canUndo() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedo() {
        return canRedo;
    }

    /** What Undo would undo ("Delete section 2"), or "". */
    public ReadOnlyStringProperty undoLabel() {
        return undoLabel;
    }

    public ReadOnlyStringProperty redoLabel() {
        return redoLabel;
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

    /** The last problem for the musician (a refused edit, a file that would not open), or "". */
    public ReadOnlyStringProperty message() {
        return message;
    }

    /** The last render (shown with section markers), or null. */
    public ReadOnlyObjectProperty<StoryRender> render() {
        return render;
    }

    /** "Regenerate this section" also makes the sections after it again (else they are kept). */
    public BooleanProperty regenerateFollowing() {
        return regenerateFollowing;
    }

    /** The sections, in order. */
    public List<StorySection> sections() {
        return project.get().sections();
    }

    // ---- timeline edits (each is one undo step) -------------------------------------------------

    /** Adds a section after the selected one, with its prompt to start from. */
    public void addSection() {
        int at = Math.min(selected.get() + 1, sections().size());
        StorySection like = sections().get(Math.max(0, at - 1));
        if (edit("Add section", p -> p.withSections(inserted(p.sections(), at,
                new StorySection(like.prompt(), NEW_SECTION_SECONDS, null, null, null, null, null))))) {
            selected.set(at);
        }
    }

    /** Adds a copy of section {@code i} after it (with no seed of its own, so it sounds different). */
    public void duplicateSection(int i) {
        if (edit("Duplicate section " + (i + 1), p -> p.withSections(inserted(p.sections(), i + 1,
                p.sections().get(i).withSeed(null))))) {
            selected.set(i + 1);
        }
    }

    public void deleteSection(int i) {
        if (sections().size() == 1) {
            message.set("A story needs at least one section.");
            return;
        }
        if (edit("Delete section " + (i + 1), p -> {
            List<StorySection> s = new ArrayList<>(p.sections());
            s.remove(i);
            return p.withSections(s);
        })) {
            selected.set(Math.min(i, sections().size() - 1));
        }
    }

    /** Moves section {@code from} to position {@code to} (the timeline's drag). */
    public void moveSection(int from, int to) {
        int target = Math.max(0, Math.min(to, sections().size() - 1));
        if (target == from) {
            return;
        }
        if (edit("Move section " + (from + 1), p -> {
            List<StorySection> s = new ArrayList<>(p.sections());
            s.add(target, s.remove(from));
            return p.withSections(s);
        })) {
            selected.set(target);
        }
    }

    /** Sets section {@code i}'s length (rounded to 0.1 s; the timeline's edge drag). */
    public void resizeSection(int i, double seconds) {
        double s = Math.round(Math.max(MIN_SECTION_SECONDS, Math.min(StoryProject.MAX_SECTION_SECONDS, seconds)) * 10)
                / 10.0;
        updateSection(i, "Change the length of section " + (i + 1), x -> x.withSeconds(s));
    }

    public void setPrompt(int i, String prompt) {
        updateSection(i, "Edit the prompt of section " + (i + 1), s -> s.withPrompt(prompt == null ? "" : prompt.strip()));
    }

    /** Tempo overriding the prompt's, or null to take it from the prompt. */
    public void setTempo(int i, Double bpm) {
        updateSection(i, "Set the tempo of section " + (i + 1), s -> s.withTempoBpm(bpm));
    }

    /** Key (tonic) overriding the prompt's, or null. */
    public void setKey(int i, String key) {
        updateSection(i, "Set the key of section " + (i + 1), s -> s.withKey(blankToNull(key)));
    }

    /** "major" / "minor" overriding the prompt's, or null. */
    public void setMode(int i, String mode) {
        updateSection(i, "Set the mode of section " + (i + 1), s -> s.withMode(blankToNull(mode)));
    }

    /**
     * A WAV whose melody section {@code i} follows, or null for none. A project names only files
     * in its own folder, so a file from elsewhere is copied into {@code NAME.melodies/} beside
     * the project (and moves and is shared with it); the name is kept relative to the project.
     */
    public void setMelody(int i, Path wav) {
        String stored = null;
        if (wav != null) {
            try {
                stored = stories.importMelody(file.get(), wav);
            } catch (IOException e) {
                message.set("Cannot use " + wav.getFileName() + " as the melody: " + e.getMessage());
                return;
            }
        }
        String melody = stored;
        updateSection(i, melody == null ? "Remove the melody of section " + (i + 1)
                : "Set the melody of section " + (i + 1), s -> s.withMelody(melody));
    }

    /** The section's own seed, or null to derive it from the story's. */
    public void setSectionSeed(int i, Long seed) {
        updateSection(i, "Set the seed of section " + (i + 1), s -> s.withSeed(seed));
    }

    public void setTransitionSeconds(double seconds) {
        edit("Change the transition", p -> p.withTransitionSeconds(Math.round(seconds * 10) / 10.0));
    }

    public void setStorySeed(long seed) {
        edit("Change the story seed", p -> p.withSeed(seed));
    }

    /** Shows why a typed value was not applied. */
    void refuse(String reason) {
        message.set("Not changed: " + reason);
    }

    public void undo() {
        if (history.canUndo()) {
            restore(history.undo(project.get()));
        }
    }

    public void redo() {
        if (history.canRedo()) {
            restore(history.redo(project.get()));
        }
    }

    private void updateSection(int i, String label, UnaryOperator<StorySection> change) {
        edit(label, p -> {
            List<StorySection> s = new ArrayList<>(p.sections());
            s.set(i, change.apply(s.get(i)));
            return p.withSections(s);
        });
    }

    /** Applies a checked edit; a refused one leaves the project as it was and says why. */
    private boolean edit(String label, UnaryOperator<StoryProject> change) {
        StoryProject before = project.get();
        StoryProject after;
        try {
            after = change.apply(before).normalized().checked();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            message.set("Not changed: " + e.getMessage());
            return false;
        }
        if (after.equals(before)) {
            return false;
        }
        history.record(before, label);
        project.set(after);
        message.set("");
        afterChange();
        return true;
    }

    /** An undone or redone timeline, keeping the takes made meanwhile. */
    private void restore(StoryProject timeline) {
        project.set(timeline.withTakes(project.get().takes()));
        selected.set(Math.max(0, Math.min(selected.get(), sections().size() - 1)));
        message.set("");
        afterChange();
    }

    private void afterChange() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoLabel.set(history.undoLabel());
        redoLabel.set(history.redoLabel());
        save();
    }

    /**
     * Autosave: the project file always holds what the musician sees — unless another window or
     * program changed the file since; then it is left alone and the message says so.
     */
    private boolean save() {
        try {
            store.save(project.get());
            return true;
        } catch (StoryFile.ChangedElsewhereException e) {
            message.set(e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            message.set("Cannot save the story to " + file.get() + ": " + e.getMessage());
        }
        return false;
    }

    /** True when the open file was changed by another window or program since this one saved it. */
    public boolean fileChangedElsewhere() {
        return store.changedElsewhere();
    }

    // ---- files ----------------------------------------------------------------------------------

    /** Starts a new story in the stories folder (the current one stays saved where it is). */
    public void newStory() {
        Path target = freeName(storiesDir, UNTITLED);
        StoryProject starter = StoryProject.of(1 + dice.nextInt(99_999), List.of(
                StorySection.of("calm piano intro, 70 bpm", 10),
                StorySection.of("driving drums and bass, 140 bpm", 10)));
        switchTo(stories.create(target), starter);
        save();
    }

    /**
     * Opens a project; a file that cannot be used is left untouched and the message says why.
     *
     * @return true when it opened
     */
    public boolean open(Path target) {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            // reading a FIFO blocks until something writes to it: the studio would never start
            message.set("Cannot open the story: " + target + " is not a regular file");
            return false;
        }
        StoryService.Opened opened;
        try {
            opened = stories.open(target);
        } catch (StoryProjectException e) {
            message.set("Cannot open the story: " + e.getMessage());
            return false;
        }
        switchTo(opened.file(), opened.project());
        loadLatestTake();
        return true;
    }

    /**
     * Saves the project (and its takes) as {@code target} and continues there.
     *
     * @param replaceConfirmed the musician agreed to replace an existing file (for the open file
     *                         itself: to replace what another window or program saved there)
     * @return false when it did not save (the message says why)
     */
    public boolean saveAs(Path target, boolean replaceConfirmed) {
        Path to = target.toAbsolutePath();
        if (to.equals(file.get().toAbsolutePath())) {
            if (!replaceConfirmed) {
                return save();
            }
            try {
                store.replace(project.get());
                message.set("Saved " + to.getFileName());
                return true;
            } catch (IOException e) {
                message.set("Cannot save the story to " + to + ": " + e.getMessage());
                return false;
            }
        }
        if (Files.exists(to) && !replaceConfirmed) {
            message.set(to.getFileName() + " already exists; confirm to replace it.");
            return false;
        }
        try {
            StoryProject copied = stories.copyFiles(file.get(), to, project.get());
            StoryFile saved = stories.create(to);
            saved.replace(copied);
            switchTo(saved, copied);
            StoryRender shown = render.get();
            if (shown != null && shown.take() != null) {
                render.set(new StoryRender(shown.result(), shown.peaks(), shown.timeline(), copied.latestTake()));
            }
            message.set("Saved as " + to.getFileName());
            return true;
        } catch (IOException e) {
            message.set("Cannot save the story as " + to + ": " + e.getMessage());
            return false;
        }
    }

    /** Where "Save as" would look first: beside the current project. */
    public Path suggestedSaveAs() {
        return file.get().toAbsolutePath();
    }

    private void switchTo(StoryFile target, StoryProject loaded) {
        store = target;
        file.set(target.path());
        history.clear();
        render.set(null);
        project.set(loaded);
        selected.set(0);
        canUndo.set(false);
        canRedo.set(false);
        undoLabel.set("");
        redoLabel.set("");
        message.set("");
        status.set("");
        onFileChanged.accept(target.path());
    }

    /** Shows the project's newest take again (read in the background). */
    private void loadLatestTake() {
        StoryProject.StoryTake take = project.get().latestTake();
        if (take == null || take.codes() == null) {
            return;
        }
        Path at = file.get();
        List<StorySection> timeline = sections();          // the take belongs to the project as it was saved
        worker.submit(() -> {
            StoryResult result = stories.loadTake(at, take);
            return new StoryRender(result, analysis.waveform(result.audio().samples()), timeline, take);
        }, loaded -> {
            if (at.equals(file.get()) && render.get() == null) {
                render.set(loaded);
            }
        }, e -> message.set("The story's last take could not be shown: " + e.getMessage()));
    }

    static Path freeName(Path dir, String stem) {
        Path p = dir.resolve(stem + ".json");
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(stem + " " + n + ".json");
        }
        return p;
    }

    // ---- rendering ------------------------------------------------------------------------------

    /** Renders the whole story (Generate story). */
    public void generate() {
        StoryProject snapshot = project.get();
        start("Generating the story", (engine, listener, token) -> {
            StoryRequest request = stories.request(snapshot, projectDir(), engine.sampleRate());
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
        if (!previous.fits(sections())) {
            message.set("The sections' lengths changed since the last render: generate the whole story again.");
            return;
        }
        if (running.get() || session.busy().get()) {
            message.set("Wait for the running generation to finish (or cancel it).");
            return;
        }
        setSectionSeed(i, 1L + dice.nextInt(99_999));
        StoryProject snapshot = project.get();
        boolean following = regenerateFollowing.get();
        start("Making section " + (i + 1) + " again", (engine, listener, token) -> {
            StoryRequest request = stories.request(snapshot, projectDir(), engine.sampleRate());
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
        if (made.take() != null && at.equals(file.get())) {
            project.set(project.get().withTake(made.take()));
            save();
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

    private static <T> List<T> inserted(List<T> list, int at, T item) {
        List<T> out = new ArrayList<>(list);
        out.add(Math.max(0, Math.min(at, out.size())), item);
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
