package dev.cantor.engine.api;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation: long loops call {@link #throwIfCancelled()} between units of work. */
public final class CancellationToken {

    /** A token that is never cancelled. */
    public static final CancellationToken NEVER = new CancellationToken();

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Asks the work holding this token to stop at its next check. */
    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("the NEVER token cannot be cancelled");
        }
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** @throws CancelledException when {@link #cancel()} has been called */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
