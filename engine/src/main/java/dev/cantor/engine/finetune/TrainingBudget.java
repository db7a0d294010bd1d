package dev.cantor.engine.finetune;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import java.util.function.DoubleSupplier;

/**
 * A step or time budget and the user's cancel, as the one stop signal a trainer's loop knows.
 * Under a time budget the loop is given an open-ended step target and is stopped when the
 * trainer's clock reaches the budget; progress then counts seconds, not steps.
 */
final class TrainingBudget {

    /** A step target that never ends on its own (a time budget stops the run). */
    private static final long OPEN_ENDED = 1_000_000_000L;

    private final long steps;
    private final double seconds;
    private final DoubleSupplier trainedSeconds;
    private final ProgressListener progress;
    private final CancellationToken user;
    private final CancellationToken stop = new CancellationToken();

    /**
     * @param steps          steps to reach, or 0 under a time budget
     * @param seconds        seconds of training to reach, used when {@code steps} is 0
     * @param trainedSeconds the trainer's clock (counting earlier sessions of a resumed run)
     */
    TrainingBudget(long steps, double seconds, DoubleSupplier trainedSeconds, ProgressListener progress,
                   CancellationToken user) {
        this.steps = steps;
        this.seconds = seconds;
        this.trainedSeconds = trainedSeconds;
        this.progress = progress;
        this.user = user;
    }

    static long openEnded() {
        return OPEN_ENDED;
    }

    private boolean byTime() {
        return steps <= 0;
    }

    /** The step target to give the trainer. */
    long targetSteps() {
        return byTime() ? OPEN_ENDED : steps;
    }

    /** The progress listener to give the trainer (none under a time budget: {@link #afterStep} reports). */
    ProgressListener stepProgress() {
        return byTime() ? ProgressListener.NONE : progress;
    }

    /** The token to give the trainer. */
    CancellationToken stop() {
        return stop;
    }

    /** True when a time budget is already spent (a resumed run that has nothing left to do). */
    boolean spent() {
        return byTime() && trainedSeconds.getAsDouble() >= seconds;
    }

    /** Call after every step: reports time progress and stops the loop when the budget or the user says so. */
    void afterStep() {
        if (byTime()) {
            double t = trainedSeconds.getAsDouble();
            progress.onProgress(Math.round(Math.min(t, seconds)), Math.round(seconds), ProgressStage.TRAINING);
        }
        if (user.isCancelled() || spent()) {
            stop.cancel();
        }
    }

    /** True when the user (not the budget) stopped the loop. */
    boolean cancelledByUser() {
        return user.isCancelled();
    }
}
