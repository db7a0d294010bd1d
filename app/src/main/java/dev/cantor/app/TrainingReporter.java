package dev.cantor.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the {@code train-*} commands print: a progress bar on stderr with a line every few steps
 * below it (and a running average of the figure that line is about), then the result on stdout
 * (one JSON object with {@code --json}, else one line) or, when the run is stopped, what is saved.
 */
final class TrainingReporter {

    private final ConsoleProgress progress = new ConsoleProgress();
    private final int everySteps;
    private final double newestWeight;
    private double average;

    /**
     * @param everySteps   steps between the lines {@link #step} prints
     * @param newestWeight weight of the newest value in the running average (0.05: about the last 20 steps)
     */
    TrainingReporter(int everySteps, double newestWeight) {
        this.everySteps = everySteps;
        this.newestWeight = newestWeight;
    }

    /** The progress bar the trainer reports to. */
    ConsoleProgress progress() {
        return progress;
    }

    /**
     * Folds {@code value} into the running average, which starts at the first value (and starts
     * again after a value that was not a number, such as the SI-SNR of a silent batch).
     */
    double average(double value) {
        average = average == 0 || Double.isNaN(average) ? value
                : (1 - newestWeight) * average + newestWeight * value;
        return average;
    }

    /** The running average so far (0 before the first step). */
    double average() {
        return average;
    }

    /** Prints {@code line} below the progress bar for every {@code everySteps}-th step. */
    void step(long step, Supplier<String> line) {
        if (step % everySteps == 0) {
            note(line.get());
        }
    }

    /** Prints {@code line} below the progress bar (a validation, a model's size). */
    void note(String line) {
        progress.finishLine();
        System.err.println(line);
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

    /** Prints a finished run's result: the whole object with {@code --json}, else {@code line}. */
    void finished(JsonOption json, Map<String, Object> result, String line) {
        if (json.requested()) {
            JsonOutput.print(System.out, result);
        } else {
            System.out.println(line);
        }
    }

    /** Tells the user who stopped a run at {@code step} what is saved ({@code saved}: "checkpoint saved in …"). */
    void stopped(long step, String saved) {
        System.err.printf("%nstopped at step %d; %s%n", step, saved);
    }
}
