package dev.cantor.app;

import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import java.io.PrintStream;

/**
 * Prints a progress bar with percentage and ETA to stderr, redrawn in place at most ~5 times a
 * second (or one line per 10% when stderr is not a terminal, so CI logs stay short).
 */
final class ConsoleProgress implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintStream err;
    private final boolean interactive;
    /** When the current stage began: its ETA counts from there, not from the first stage. */
    private long stageStartNanos = System.nanoTime();
    private long lastDrawNanos;
    private long lastDecile = -1;
    private ProgressStage lastStage;
    private boolean open;

    ConsoleProgress() {
        this(System.err, System.console() != null);
    }

    ConsoleProgress(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void onProgress(long done, long total, ProgressStage stage) {
        if (!stage.equals(lastStage)) {
            finishLine();
            lastStage = stage;
            lastDecile = -1;
            stageStartNanos = System.nanoTime();
        }
        long now = System.nanoTime();
        boolean complete = total > 0 && done >= total;
        if (interactive) {
            if (!complete && now - lastDrawNanos < 200_000_000L) {
                return;
            }
            lastDrawNanos = now;
            err.print("\r" + line(done, total, stage, now));
            open = true;
            if (complete) {
                finishLine();
            }
        } else {
            long decile = total > 0 ? done * 10 / total : -1;
            if (decile != lastDecile || complete) {
                lastDecile = decile;
                err.println(line(done, total, stage, now));
            }
        }
        err.flush();
    }

    /** Ends the current bar line, if one is open. */
    synchronized void finishLine() {
        if (open) {
            err.println();
            open = false;
        }
    }

    private String line(long done, long total, ProgressStage stage, long now) {
        double elapsed = (now - stageStartNanos) / 1e9;
        if (total <= 0) {
            return String.format("%s: %d (%.0fs)", stage, done, elapsed);
        }
        double frac = Math.min(1.0, done / (double) total);
        int filled = (int) Math.round(frac * WIDTH);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String eta = done > 0 && frac < 1 ? String.format(" ETA %s", duration(elapsed / frac - elapsed)) : "";
        return String.format("%-12s [%s] %3.0f%% %d/%d%s", stage, bar, frac * 100, done, total, eta);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
