package dev.cantor.ui.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
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

    public EngineWorker(Executor ui) {
        this(ui, "cantor-engine", Thread.NORM_PRIORITY);
    }

    /** A worker on a thread of its own name and priority (the studio's fine-tunes run on a second one). */
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
        thread.execute(() -> {
            T result;
            try {
                result = job.run();
            } catch (Throwable e) {
                ui.execute(() -> onError.accept(e));
                return;
            }
            ui.execute(() -> onDone.accept(result));
        });
    }

    /** Waits up to {@code seconds} for the queued jobs (used by tests and on exit). */
    public boolean awaitIdle(double seconds) throws InterruptedException {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
        thread.execute(latch::countDown);
        return latch.await((long) (seconds * 1000), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
