package dev.cantor.engine.audio;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A daemon thread whose loop watches a flag of its own. Each playback or recording gets a new
 * one, so a run that was asked to stop can never act on behalf of the run that replaced it.
 */
final class StoppableWorker {

    /** How long a stop waits for the loop to notice (one device buffer is far less). */
    private static final long JOIN_MILLIS = 2000;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private StoppableWorker(String name, Consumer<AtomicBoolean> body) {
        thread = new Thread(() -> body.accept(running), name);
        thread.setDaemon(true);
    }

    /** Starts {@code body}, which runs while the flag it is given stays true. */
    static StoppableWorker start(String name, Consumer<AtomicBoolean> body) {
        StoppableWorker w = new StoppableWorker(name, body);
        w.thread.start();
        return w;
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    /** Clears the flag; call it under the owner's lock when the loop checks the flag under that lock too. */
    void requestStop() {
        running.set(false);
    }

    /** Waits for the loop to end (call it outside the owner's lock: the loop may need that lock to finish). */
    void awaitEnd() {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
