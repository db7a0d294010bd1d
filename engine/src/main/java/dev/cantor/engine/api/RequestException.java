package dev.cantor.engine.api;

/** A request the engine cannot carry out as asked; the message tells the musician why. */
public class RequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RequestException(String message) {
        super(message);
    }

    public RequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
