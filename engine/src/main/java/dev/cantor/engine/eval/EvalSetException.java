package dev.cantor.engine.eval;

/** An evaluation set that cannot be used: missing, malformed, or made by another composer version. */
public final class EvalSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvalSetException(String message) {
        super(message);
    }

    public EvalSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
