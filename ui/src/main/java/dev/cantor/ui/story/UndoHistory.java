package dev.cantor.ui.story;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo and redo over immutable states: each edit records the state it replaced and what it was
 * called ("Delete section 2"), so Undo can say what it will undo. A new edit clears the redo
 * list; the oldest steps are dropped past {@link #LIMIT}.
 *
 * @param <T> the state (an immutable value)
 */
final class UndoHistory<T> {

    static final int LIMIT = 200;

    private record Step<T>(T state, String label) {
    }

    private final Deque<Step<T>> undo = new ArrayDeque<>();
    private final Deque<Step<T>> redo = new ArrayDeque<>();

    /** Records that {@code before} was replaced by an edit called {@code label}. */
    void record(T before, String label) {
        undo.push(new Step<>(before, label));
        while (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What Undo would undo, or "". */
    String undoLabel() {
        return undo.isEmpty() ? "" : undo.peek().label();
    }

    /** What Redo would redo, or "". */
    String redoLabel() {
        return redo.isEmpty() ? "" : redo.peek().label();
    }

    /** The state before the last edit; {@code current} becomes redoable. */
    T undo(T current) {
        Step<T> step = undo.pop();
        redo.push(new Step<>(current, step.label()));
        return step.state();
    }

    /** The state the last undo left; {@code current} becomes undoable again. */
    T redo(T current) {
        Step<T> step = redo.pop();
        undo.push(new Step<>(current, step.label()));
        return step.state();
    }

    void clear() {
        undo.clear();
        redo.clear();
    }
}
