package dev.cantor.engine.conditioning;

/**
 * The text encoder could not be loaded or could not encode a prompt. Unchecked: it means a
 * broken installation (model files missing from the jar, native library refused), not bad
 * user input, which is reported as {@link IllegalArgumentException}.
 */
public class TextEncoderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, in plain words
     * @param cause   the ONNX Runtime or I/O failure, kept for the log
     */
    public TextEncoderException(String message, Throwable cause) {
        super(message, cause);
    }
}
