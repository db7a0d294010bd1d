package dev.cantor.ui.story;

import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StorySection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The story's timeline as the musician edits it (TimelineView's and SectionEditor's state): every
 * edit replaces the project with a checked new version and is one undo step; a refused edit leaves
 * the project as it was and says why. Each change is handed to {@code onChanged}, which saves it.
 * UI thread only; no files are touched here.
 */
public final class TimelineViewModel {

    /** Length of a newly added section. */
    static final double NEW_SECTION_SECONDS = 10;
    /** Shortest section the timeline lets a drag make. */
    static final double MIN_SECTION_SECONDS = 1;

    private final StringProperty message;
    private final Consumer<StoryProject> onChanged;
    private final UndoHistory<StoryProject> history = new UndoHistory<>();

    private final ObjectProperty<StoryProject> project = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(0);
    private final BooleanProperty canUndo = new SimpleBooleanProperty(false);
    private final BooleanProperty canRedo = new SimpleBooleanProperty(false);
    private final StringProperty undoLabel = new SimpleStringProperty("");
    private final StringProperty redoLabel = new SimpleStringProperty("");

    /**
     * @param message   where a refused edit says why (and a good one clears it)
     * @param onChanged called with the project after every change (an edit, an undo, a new take)
     */
    TimelineViewModel(StringProperty message, Consumer<StoryProject> onChanged) {
        this.message = message;
        this.onChanged = onChanged;
    }

    public ReadOnlyObjectProperty<StoryProject> project() {
        return project;
    }

    /** The sections, in order. */
    public List<StorySection> sections() {
        return project.get().sections();
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

    /** Shows {@code loaded} with a fresh history (a project opened or started). */
    void load(StoryProject loaded) {
        history.clear();
        project.set(loaded);
        selected.set(0);
        updateHistory();
    }

    /** Adds a render's take to the project: not an edit (nothing to undo), but saved. */
    void addTake(StoryProject.StoryTake take) {
        project.set(project.get().withTake(take));
        onChanged.accept(project.get());
    }

    // ---- edits (each is one undo step) ----------------------------------------------------------

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

    /** The melody file section {@code i} follows, named relative to the project's folder; null for none. */
    void setMelody(int i, String melody) {
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
        changed();
        return true;
    }

    /** An undone or redone timeline, keeping the takes made meanwhile. */
    private void restore(StoryProject timeline) {
        project.set(timeline.withTakes(project.get().takes()));
        selected.set(Math.max(0, Math.min(selected.get(), sections().size() - 1)));
        message.set("");
        changed();
    }

    private void changed() {
        updateHistory();
        onChanged.accept(project.get());
    }

    private void updateHistory() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
        undoLabel.set(history.undoLabel());
        redoLabel.set(history.redoLabel());
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
