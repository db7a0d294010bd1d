package dev.cantor.ui.shared;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one background thread the studio runs engine work on (loading models, generating,
 * computing waveforms), so the window never waits for the engine and two jobs never fight over
 * the CPU. Results and errors come back on the UI executor ({@code Platform::runLater} in the
 * window, the calling thread in view-model tests).
 */
public final class EngineWorker implements AutoCloseable {

    /** Work that runs on the worker thread. */
    @FunctionalInterface
    public interface Job<T> {
        T run() throws Exception;
    }

    private final ExecutorService thread;
    private final Executor ui;
    /** Guards {@link #pending}: jobs submitted and not yet finished. */
    private final Object idle = new Object();
    private int pending;

    public EngineWorker(Executor ui) {
        this(ui, "cantor-engine", Thread.NORM_PRIORITY);
    }

    /** A worker on a thread of its own name and priority (fine-tunes run on a second one, story files a third). */
    public EngineWorker(Executor ui, String threadName, int priority) {
        this.ui = ui;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        });
    }

    /** The executor that reaches the UI thread. */
    public Executor ui() {
        return ui;
    }

    /** Runs {@code job} in the background; exactly one of the callbacks then runs on the UI thread. */
    public <T> void submit(Job<T> job, Consumer<T> onDone, Consumer<Throwable> onError) {
        synchronized (idle) {
            pending++;
        }
        try {
            thread.execute(() -> {
                try {
                    run(job, onDone, onError);
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException closed) {
            finished();
            throw closed;
        }
    }

    private <T> void run(Job<T> job, Consumer<T> onDone, Consumer<Throwable> onError) {
        T result;
        try {
            result = job.run();
        } catch (Throwable e) {
            ui.execute(() -> onError.accept(e));
            return;
        }
        ui.execute(() -> onDone.accept(result));
    }

    private void finished() {
        synchronized (idle) {
            pending--;
            idle.notifyAll();
        }
    }

    /**
     * Waits up to {@code seconds} until no job is queued or running, counting the jobs that
     * finishing ones submit (a save a finished import asks for); used by tests and on exit.
     */
    public boolean awaitIdle(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
