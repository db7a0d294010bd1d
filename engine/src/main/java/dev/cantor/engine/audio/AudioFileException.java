package dev.cantor.engine.audio;

import java.io.IOException;

/**
 * An audio file that Cantor cannot read: wrong format, damaged or cut short, or an encoding
 * we do not decode. The message names the file and says what is wrong in words a musician
 * understands, e.g. {@code "not a WAV file: take1.mp3 (looks like MP3; no RIFF header)"}, so
 * the UI and the CLI can show it as is.
 */
public class AudioFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file */
    public AudioFileException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause   the lower-level failure, kept for the log
     */
    public AudioFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Formats a count with spaces between thousands ({@code 1 000 000}), independent of the
     * user's locale so messages look the same in logs, tests and bug reports.
     */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            out.append(' ').append(digits, i, i + 3);
        }
        return n < 0 ? "-" + out : out.toString();
    }
}
