package dev.cantor.engine.api.story;

import java.io.IOException;

/**
 * A project file Cantor cannot use: not a project, written by a newer Cantor, damaged, or with
 * a value out of range. The message names the file and the problem in a musician's words; the
 * file on disk is never changed by the failed read.
 */
public class StoryProjectException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoryProjectException(String message) {
        super(message);
    }

    public StoryProjectException(String message, Throwable cause) {
        super(message, cause);
    }
}
