package dev.cantor.ui.takes;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** This session's takes, newest first, and the one selected: shown, played and exported. UI thread only. */
public final class TakesViewModel {

    private final ObservableList<Take> takes = FXCollections.observableArrayList();
    private final ObjectProperty<Take> selectedTake = new SimpleObjectProperty<>();
    private int count;

    /** This session's takes, newest first. */
    public ObservableList<Take> takes() {
        return takes;
    }

    public ObjectProperty<Take> selectedTake() {
        return selectedTake;
    }

    /**
     * Numbers a new take (1, 2, 3… in the order they were made this session), puts it at the top
     * of the list and selects it.
     *
     * @return the numbered take
     */
    public Take add(Take made) {
        count++;
        Take take = new Take(count, made.request(), made.model(), made.audio(), made.peaks(), made.wallSeconds(),
                made.created(), made.loop());
        takes.add(0, take);
        selectedTake.set(take);
        return take;
    }
}
