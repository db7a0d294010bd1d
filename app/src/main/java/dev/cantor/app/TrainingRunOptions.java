package dev.cantor.app;

import dev.cantor.engine.training.TrainingCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run a resumable trainer ({@code train-codec},
 * {@code train-lm}), with the checks that keep a new run from overwriting a trained model and
 * what such a run reports when it ends.
 */
final class TrainingRunOptions {

    @Option(names = "--steps", required = true, description = "Total optimisation steps to reach.")
    long steps;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resume", description = "Continue the run saved in --out exactly where it stopped.")
    boolean resume;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

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

    /** The figures every finished run reports first: where, how far (in all and in this run), how long. */
    static Map<String, Object> result(Path out, long startStep, long step, double wallSeconds) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", out.toString());
        result.put("steps", step);
        result.put("steps_this_run", step - startStep);
        result.put("wall_seconds", Math.round(wallSeconds * 10) / 10.0);
        return result;
    }

    /** Prints a finished run's result: the whole object with {@code --json}, else one line. */
    void print(Map<String, Object> result, Path out, long step, double wallSeconds) {
        if (json) {
            JsonOutput.print(System.out, result);
        } else {
            System.out.printf("trained %s to step %d (%.1f s of training in total)%n", out, step, wallSeconds);
        }
    }

    /** Tells the user who stopped a run that it is saved and how to continue it. */
    static void reportStopped(long step, Path out) {
        System.err.printf("%nstopped at step %d; checkpoint saved in %s (continue with --resume)%n", step, out);
    }
}
