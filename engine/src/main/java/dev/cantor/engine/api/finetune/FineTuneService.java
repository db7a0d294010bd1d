package dev.cantor.engine.api.finetune;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Fine-tuning a model on a musician's own library: import the folder (files read, analysed and
 * captioned; unreadable ones listed with the reason), keep the captions the musician edits, and
 * train a new model folder that can be paused and resumed. Library files are only read. Every
 * method may take long or touch the disk: call them off the UI thread.
 */
public interface FineTuneService {

    /**
     * Reads every file of {@code folder} (and below).
     *
     * @param earlier an earlier import of the folder, or null: captions the musician edited and the
     *                split are kept for the files still there
     * @throws CancelledException when cancelled
     */
    TrainingLibrary scan(Path folder, TrainingLibrary earlier, ProgressListener progress, CancellationToken cancel)
            throws IOException;

    /** @throws IOException naming the file when it is missing, damaged, newer or not a library */
    TrainingLibrary readLibrary(Path file) throws IOException;

    /** Writes a library (with its captions and split) atomically. */
    void writeLibrary(Path file, TrainingLibrary library) throws IOException;

    /** What this machine lacks (disk, memory) to fine-tune {@code baseModel} into {@code out}; null when it has room. */
    String resourceProblem(Path out, Path baseModel, boolean tuneCodec) throws IOException;

    /**
     * Sets up a new fine-tune in {@code request.out()} (nothing is trained yet).
     *
     * @throws IllegalArgumentException when the library is too small, the budget is not one of
     *                                  steps or minutes, or the folder is not free
     */
    void create(FineTuneRequest request) throws IOException;

    /**
     * Runs the fine-tune in {@code out} to its end, or continues one that was paused or stopped.
     *
     * @throws CancelledException when cancelled (after saving a checkpoint: run again to resume)
     */
    FineTuneResult run(Path out, ProgressListener progress, CancellationToken cancel, FineTuneListener listener)
            throws IOException;
}
