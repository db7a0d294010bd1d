package dev.cantor.ui.takes;

import dev.cantor.engine.audio.LoopPoints;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** This session's takes, newest first, and the one selected: shown, played and exported. UI thread only. */
public final class TakesViewModel {

    /**
     * Writes each take's drag copy as soon as the take is added, off the UI thread: a drag must
     * hand over a file the moment it starts, and writing a long take then would freeze the window.
     */
    private final Executor dragWriter;
    /** Each take's drag copy, by take number: written, being written, or failed. */
    private final Map<Integer, CompletableFuture<Path>> dragFiles = new HashMap<>();
    /** Where dragged takes are written, made by the first write; only the writer touches it. */
    private Path dragFolder;

    private final ObservableList<Take> takes = FXCollections.observableArrayList();
    private final ObjectProperty<Take> selectedTake = new SimpleObjectProperty<>();
    private int count;

    public TakesViewModel() {
        this(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cantor-drag-copies");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param dragWriter where the takes' drag copies are written (tests pass a synchronous one) */
    public TakesViewModel(Executor dragWriter) {
        this.dragWriter = dragWriter;
    }

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
        dragFiles.put(take.number(), CompletableFuture.supplyAsync(() -> writeDragFile(take), dragWriter));
        takes.add(0, take);
        selectedTake.set(take);
        return take;
    }

    /**
     * The take as a WAV file to drag out to a file manager or a DAW: a copy in a temporary folder
     * of this session (the take may be only in memory), with loop points when it is a loop,
     * written in the background when the take was added.
     *
     * @throws IllegalStateException while the copy is still being written (a drag then does not
     *                               start, and the message says to try again)
     * @throws UncheckedIOException  when the copy could not be written (a full disk)
     */
    public Path dragFile(Take take) {
        CompletableFuture<Path> file = dragFiles.get(take.number());
        if (file == null) {
            throw new IllegalArgumentException("take " + take.number() + " is not one of this session's takes");
        }
        if (!file.isDone()) {
            throw new IllegalStateException("the take's WAV is still being written; drag again in a moment");
        }
        try {
            return file.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io : e;
        }
    }

    private Path writeDragFile(Take take) {
        try {
            synchronized (this) {           // the default writer is one thread; a test's may be several
                if (dragFolder == null) {
                    dragFolder = Files.createTempDirectory("cantor-takes");
                    dragFolder.toFile().deleteOnExit();
                }
            }
            Path wav = dragFolder.resolve("take" + take.number() + "-" + take.suggestedName());
            if (take.isLoop()) {
                WavWriter.write(wav, take.audio(), SampleFormat.PCM_16, LoopPoints.whole(take.audio().length()));
            } else {
                WavWriter.write(wav, take.audio(), SampleFormat.PCM_16);
            }
            wav.toFile().deleteOnExit();
            return wav;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the take for dragging: " + e.getMessage(), e);
        }
    }
}
