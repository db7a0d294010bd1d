package dev.cantor.engine.io;

import java.io.IOException;

/**
 * A file a person named that Cantor will not read: a folder, a pipe or a device where a file
 * belongs, a file over the stated size limit, or text that is not UTF-8. The message names the
 * file and says which.
 */
public class InputFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
