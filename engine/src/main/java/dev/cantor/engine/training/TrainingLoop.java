package dev.cantor.engine.training;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import java.io.IOException;

/**
 * The loop every trainer runs: step until the target, report progress, checkpoint every
 * {@code checkpointEvery} steps and at the end, and save what there is when cancelled. What a
 * step, a checkpoint and a save are is up to the trainer (the LM validates before it saves).
 */
public final class TrainingLoop {

    /** Runs one optimisation step and reports it. */
    @FunctionalInterface
    public interface Step {
        /** @return the number of steps done, counting this one */
        long run() throws IOException;
    }

    /** Writes what a trainer keeps: a checkpoint, or the model. */
    @FunctionalInterface
    public interface Save {
        void run() throws IOException;
    }

    private final long targetSteps;
    private final int checkpointEvery;
    private final ProgressListener progress;
    private final CancellationToken cancel;

    /**
     * @param targetSteps     total steps to reach (a resumed run counts those done before)
     * @param checkpointEvery steps between checkpoints; 0 or less: only at the end
     */
    public TrainingLoop(long targetSteps, int checkpointEvery, ProgressListener progress, CancellationToken cancel) {
        this.targetSteps = targetSteps;
        this.checkpointEvery = checkpointEvery;
        this.progress = progress;
        this.cancel = cancel;
    }

    /**
     * Steps from {@code done} to the target, calling {@code checkpoint} every
     * {@code checkpointEvery} steps and once at the target (never twice for the last step).
     *
     * @throws CancelledException when cancelled; {@code onCancel} has saved the run first
     */
    public void run(long done, Step step, Save checkpoint, Save onCancel) throws IOException {
        try {
            while (done < targetSteps) {
                cancel.throwIfCancelled();
                done = step.run();
                progress.onProgress(done, targetSteps, ProgressStage.TRAINING);
                if (checkpointEvery > 0 && done % checkpointEvery == 0 && done < targetSteps) {
                    checkpoint.run();
                }
            }
        } catch (CancelledException e) {
            onCancel.run();
            throw e;
        }
        checkpoint.run();
    }
}
