package dev.cantor.engine.api;

/**
 * Receives progress of long engine work: {@code done} of {@code total} units in a named stage.
 * Called from the worker thread; implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (done, total, stage) -> { };

    /**
     * @param done  units finished so far (0..total)
     * @param total units in this stage, or -1 when unknown
     * @param stage what is running; its {@link ProgressStage#toString()} is the word to show
     */
    void onProgress(long done, long total, ProgressStage stage);
}
