package dev.cantor.ui.takes;

import dev.cantor.engine.audio.LoopPoints;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** This session's takes, newest first, and the one selected: shown, played and exported. UI thread only. */
public final class TakesViewModel {

    /** Where dragged takes are written, made at the first drag. */
    private java.nio.file.Path dragFolder;

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

    /**
     * The take as a WAV file to drag out to a file manager or a DAW: a copy in a temporary folder
     * of this session (the take may be only in memory), with loop points when it is a loop;
     * written once per take and reused for later drags.
     *
     * @throws java.io.UncheckedIOException when the copy cannot be written (a full disk)
     */
    public java.nio.file.Path dragFile(Take take) {
        try {
            if (dragFolder == null) {
                dragFolder = java.nio.file.Files.createTempDirectory("cantor-takes");
                dragFolder.toFile().deleteOnExit();
            }
            java.nio.file.Path wav = dragFolder.resolve("take" + take.number() + "-" + take.suggestedName());
            if (!java.nio.file.Files.exists(wav)) {
                if (take.isLoop()) {
                    WavWriter.write(wav, take.audio(), SampleFormat.PCM_16, LoopPoints.whole(take.audio().length()));
                } else {
                    WavWriter.write(wav, take.audio(), SampleFormat.PCM_16);
                }
                wav.toFile().deleteOnExit();
            }
            return wav;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the take for dragging: " + e.getMessage(), e);
        }
    }
}
