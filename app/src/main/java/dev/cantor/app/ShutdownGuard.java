package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;

/**
 * Turns Ctrl-C (or a kill) during long work into a cooperative cancel: the hook cancels the
 * token, then waits for the working thread to save its checkpoint and finish.
 */
final class ShutdownGuard implements AutoCloseable {

    private static volatile boolean shuttingDown;
    private static final long SAVE_GRACE_MILLIS = 120_000;

    private final Thread hook;

    ShutdownGuard(CancellationToken token) {
        Thread worker = Thread.currentThread();
        this.hook = new Thread(() -> {
            shuttingDown = true;
            token.cancel();
            try {
                worker.join(SAVE_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cantor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once the JVM has begun shutting down (System.exit must then not be called). */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running: it is waiting for us to return.
        }
    }
}
