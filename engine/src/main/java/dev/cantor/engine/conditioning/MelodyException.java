package dev.cantor.engine.conditioning;

/**
 * A recording cannot serve as a melody condition: it is empty, silent, or has no pitched
 * line to follow. The message says so in words a musician understands, e.g.
 * {@code "no melody found: only 3 of 200 frames (2%) have a clear pitch; hum or sing a single
 * line, closer to the microphone"}, so the UI and the CLI can show it as is.
 */
public class MelodyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the recording, in plain words */
    public MelodyException(String message) {
        super(message);
    }
}
