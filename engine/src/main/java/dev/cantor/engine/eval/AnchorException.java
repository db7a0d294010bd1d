package dev.cantor.engine.eval;

import java.io.IOException;

/**
 * A reference codec failed on a clip: its program was missing, stopped with an error or ran
 * too long. The message is one line naming the program and what it said, e.g.
 * {@code "opusenc failed (exit status 1): Error: unsupported input format"}.
 */
public class AnchorException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, in one line */
    public AnchorException(String message) {
        super(message);
    }

    /**
     * @param message what failed, in one line
     * @param cause   the lower-level failure, kept for the log
     */
    public AnchorException(String message, Throwable cause) {
        super(message, cause);
    }
}
