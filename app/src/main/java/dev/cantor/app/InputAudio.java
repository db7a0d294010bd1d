package dev.cantor.app;

import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.audio.AudioLoader;
import dev.cantor.engine.io.InputFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The audio files a command reads (a melody, audio to continue, a file to round-trip), read
 * with bounded memory however long they are: only what is used, or at most a stated length.
 * Every problem is a {@link UserInputException} with one line naming the file.
 */
final class InputAudio {

    /** Longest audio {@code generate --continue} takes: the output starts with all of it. */
    static final double MAX_CONTINUE_SECONDS = GenerationRequest.MAX_SECONDS;
    /** Longest file {@code codec} round-trips (30 minutes, the longest story). */
    static final double MAX_CODEC_SECONDS = 1800;

    private InputAudio() {
    }

    /**
     * Checks that {@code file} is a file: a missing one, a folder, a pipe or a device is named as such.
     *
     * @param what what it is for, e.g. "melody"
     */
    static void requireFile(Path file, String what) {
        String kind;
        try {
            kind = InputFiles.nonRegularKind(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(what + " file not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
        if (kind != null) {
            throw new UserInputException("the " + what + " file " + file + " is " + kind + ", not an audio file");
        }
    }

    /** The first {@code seconds} of a file (what a melody condition uses), mono at {@code rate}. */
    static AudioClip readStart(Path file, String what, int rate, double seconds) {
        requireFile(file, what);
        try {
            return AudioFiles.readMono(file, rate, seconds);
        } catch (IOException e) {
            throw new UserInputException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
    }

    /** A whole file of at most {@code maxSeconds}, mono at {@code rate}; a longer one is refused, stating the limit. */
    static AudioClip readAtMost(Path file, String what, int rate, double maxSeconds) {
        requireFile(file, what);
        try {
            return AudioLoader.loadAtMost(file, rate, maxSeconds, "the " + what);
        } catch (IOException e) {
            throw new UserInputException("cannot read the " + what + " file " + file + ": " + e.getMessage());
        }
    }
}
