package dev.cantor.engine.data;

/** A soundfont that cannot be used: missing, unreadable, the wrong format, or incomplete. */
public final class SoundfontException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SoundfontException(String message) {
        super(message);
    }

    public SoundfontException(String message, Throwable cause) {
        super(message, cause);
    }
}
