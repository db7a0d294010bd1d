package dev.cantor.app;

import dev.cantor.engine.training.TrainingCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run a resumable trainer ({@code train-codec},
 * {@code train-lm}), with the checks that keep a new run from overwriting a trained model and
 * how such a run's end is reported.
 */
final class TrainingRunOptions {

    @Option(names = "--steps", required = true, description = "Total optimisation steps to reach.")
    long steps;

    @Mixin
    SeedOption seed = new SeedOption();

    @Option(names = "--resume", description = "Continue the run saved in --out exactly where it stopped.")
    boolean resume;

    @Mixin
    JsonOption json = new JsonOption();

    void checkSteps() {
        if (steps < 1) {
            throw new UserInputException("--steps must be at least 1");
        }
    }

    /**
     * Refuses {@code --resume} with no checkpoint to resume, and a new run where a model (or a
     * run's checkpoint) already is: the user chooses between continuing it and another folder.
     *
     * @param runDir      the folder the trainer writes: {@code out} or a part of it
     * @param weightsFile the trained model's weights in {@code runDir}
     * @param checkpoint  what the messages call the checkpoint, e.g. "LM training checkpoint"
     * @param model       what they call the model, e.g. "a language model"
     */
    void checkTarget(Path out, Path runDir, String weightsFile, String checkpoint, String model) {
        boolean hasCheckpoint = TrainingCheckpoint.latest(runDir) != null;
        if (resume && !hasCheckpoint) {
            throw new UserInputException("nothing to resume: " + out + " has no " + checkpoint);
        }
        if (!resume && (hasCheckpoint || Files.exists(runDir.resolve(weightsFile)))) {
            throw new UserInputException(out + " already holds " + model
                    + "; use --resume to continue it or choose another folder");
        }
        OutputFiles.checkFolderWritable(runDir);
    }

    /** Prints a finished run's result ({@link TrainingReporter#finished}): its whole object, or where and how far. */
    void print(TrainingReporter reporter, Map<String, Object> result, Path out, long step, double wallSeconds) {
        reporter.finished(json, result, String.format("trained %s to step %d (%.1f s of training in total)", out, step,
                wallSeconds));
    }

    /** Tells the user who stopped a run that it is saved and how to continue it. */
    static void reportStopped(TrainingReporter reporter, long step, Path out) {
        reporter.stopped(step, "checkpoint saved in " + out + " (continue with --resume)");
    }
}
