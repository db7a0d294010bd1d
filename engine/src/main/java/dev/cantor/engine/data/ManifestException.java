package dev.cantor.engine.data;

import java.io.IOException;

/** A corpus manifest that is missing or cannot be parsed; the message says which and where. */
public final class ManifestException extends IOException {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }

    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
