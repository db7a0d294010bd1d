package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one entry point for turning a user's audio file into what the engine consumes: mono
 * float samples at the model's rate. It reads every format {@link AudioFiles} reads (WAV,
 * FLAC, MP3, Ogg Vorbis, Opus, M4A), so callers never pick a reader themselves.
 */
public final class AudioLoader {

    private AudioLoader() {
    }

    /**
     * Loads a whole file, mixes it down to mono (channel average) and resamples it to {@code targetRate}.
     *
     * @param targetRate the rate the caller needs, e.g. 32 000 for the codec
     * @throws AudioFileException       if the file is not audio Cantor can read (the message says why,
     *                                  e.g. "not an audio file Cantor reads: notes.mp3 (it looks like text; ...)")
     * @throws IOException              if the file system fails (missing file, no permission)
     * @throws IllegalArgumentException if {@code targetRate} is not a sensible sample rate
     */
    public static AudioClip loadMono(Path path, int targetRate) throws IOException {
        return AudioFiles.readMono(path, targetRate, 0);
    }

    /**
     * Loads a whole file that may last at most {@code maxSeconds}, mono at {@code targetRate}.
     * At most {@code maxSeconds} (and a little more, to tell) is decoded, so a file of ten hours
     * is refused after reading a few minutes of it, not after filling the memory with it.
     *
     * @param what what the file is read as, for the refusal, e.g. "the audio to continue"
     * @throws AudioFileException       if the file is longer (the message states the limit), or
     *                                  is not audio Cantor can read
     * @throws IOException              if the file system fails (missing file, no permission)
     * @throws IllegalArgumentException if {@code targetRate} or {@code maxSeconds} is not sensible
     */
    public static AudioClip loadAtMost(Path path, int targetRate, double maxSeconds, String what) throws IOException {
        if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
            throw new IllegalArgumentException("length limit must be positive, got " + maxSeconds);
        }
        AudioClip clip = AudioFiles.readMono(path, targetRate, maxSeconds + OVER_LIMIT_SECONDS);
        if (clip.seconds() > maxSeconds) {
            throw new AudioFileException(String.format(Locale.ROOT,
                    "%s is longer than %.0f s (%s), the most Cantor reads as %s; trim it and try again",
                    AudioFiles.displayName(path), maxSeconds, minutes(maxSeconds), what));
        }
        return clip;
    }

    /** How much past a limit is decoded to tell that a file is longer (a few frames at any rate). */
    private static final double OVER_LIMIT_SECONDS = 0.05;

    private static String minutes(double seconds) {
        return seconds % 60 == 0 ? String.format(Locale.ROOT, "%.0f minutes", seconds / 60)
                : String.format(Locale.ROOT, "%.1f minutes", seconds / 60);
    }

    /**
     * Loads {@code seconds} from the middle of a file (the whole file when it is shorter), mono at
     * {@code targetRate}. The middle is where a song is most itself: no count-in, no fade-out.
     * Only the excerpt is kept in memory, whatever the file's length.
     *
     * @param seconds the excerpt's length; must be positive
     * @throws AudioFileException       if the file is not audio Cantor can read (the message says why)
     * @throws IOException              if the file system fails (missing file, no permission)
     * @throws IllegalArgumentException if {@code targetRate} or {@code seconds} is not sensible
     */
    public static AudioClip loadMiddle(Path path, int targetRate, double seconds) throws IOException {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("excerpt length must be positive, got " + seconds);
        }
        double duration = AudioFiles.probeSeconds(path);
        double start = Math.max(0, (duration - seconds) / 2);
        return AudioFiles.readExcerpt(path, targetRate, start, seconds);
    }
}
