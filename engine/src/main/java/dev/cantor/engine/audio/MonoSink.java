package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.AudioFileException.grouped;

import java.util.Arrays;
import java.util.Locale;

/**
 * Collects decoded audio as mono samples, up to an optional length limit. The decoders mix
 * each frame down themselves (mean of the channels, as {@link WavAudio#toMono()} does) and
 * hand over one value per frame, so memory holds one channel, not all of them.
 *
 * <p>The limit is what lets a caller ask for "the first 30 seconds" of a two-hour file without
 * decoding or storing the rest: decoders stop as soon as {@link #full()} says so. A start
 * offset drops the frames before it as they arrive, so "10 seconds from the middle" of that
 * file is decoded up to its middle but never stored beyond those 10 seconds. Without a
 * limit the buffer grows as needed, but never past half the heap; beyond that the file is
 * refused with a message rather than an out-of-memory error.
 */
final class MonoSink {

    /** Do not trust a header's length claim beyond this many samples (64 MB) for the first allocation. */
    private static final int MAX_INITIAL = 1 << 24;
    private static final int MIN_INITIAL = 1 << 14;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final String name;
    private final int sampleRate;
    private final long limit;
    /** Frames dropped before the first one kept. */
    private final long skip;
    private long skipped;
    private float[] samples;
    private int length;

    /**
     * @param name           the file name, for messages
     * @param sampleRate     the file's rate in Hz
     * @param startSeconds   drop the audio before this point; ≤ 0 (or NaN) keeps it from the start
     * @param maxSeconds     stop after this much audio from the start point; ≤ 0 (or NaN) means no limit
     * @param expectedFrames what the header says the length is, or ≤ 0 if unknown (only a size hint)
     */
    MonoSink(String name, int sampleRate, double startSeconds, double maxSeconds, long expectedFrames) {
        this.name = name;
        this.sampleRate = sampleRate;
        this.limit = frameLimit(maxSeconds, sampleRate);
        this.skip = startFrame(startSeconds, sampleRate);
        long initial = expectedFrames > skip ? expectedFrames - skip : MIN_INITIAL;
        this.samples = new float[(int) Math.max(1, Math.min(Math.min(initial, limit), MAX_INITIAL))];
    }

    /** The most frames {@code maxSeconds} allows at {@code rate}; {@link Long#MAX_VALUE} for no limit. */
    static long frameLimit(double maxSeconds, int rate) {
        if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.ceil(maxSeconds * rate));
    }

    /** The error for an excerpt asked to start past the end of the file. */
    static AudioFileException endsBefore(String name, double startSeconds) {
        return new AudioFileException(String.format(Locale.ROOT, "cannot read %s from %.1f s on: it ends before that",
                name, startSeconds));
    }

    /** The first frame kept when reading from {@code startSeconds} at {@code rate}; 0 for the start. */
    static long startFrame(double startSeconds, int rate) {
        return startSeconds > 0 ? (long) Math.floor(startSeconds * rate) : 0;
    }

    /** True once the limit is reached; decoders stop reading then. */
    boolean full() {
        return length >= limit;
    }

    /** True if a limit was set and reached, i.e. the audio was cut on purpose. */
    boolean limited() {
        return limit != Long.MAX_VALUE && full();
    }

    /** Frames collected so far. */
    int length() {
        return length;
    }

    /** Appends one mono sample; ignored before the start and once the limit is reached. */
    void put(float value) throws AudioFileException {
        if (skipped < skip) {
            skipped++;
            return;
        }
        if (length >= limit) {
            return;
        }
        if (length == samples.length) {
            grow();
        }
        samples[length++] = value;
    }

    /**
     * Drops frames from the end (codec padding) so the stream ends after {@code frames} frames,
     * counted from the start of the stream (frames dropped before the start offset included).
     */
    void truncate(long frames) {
        long keep = Math.max(0, frames - skip);
        if (frames >= 0 && keep < length) {
            length = (int) keep;
        }
    }

    /** The collected audio; a file that decoded to nothing is refused. */
    AudioClip toClip() throws AudioFileException {
        if (length == 0 && skip > 0) {
            throw endsBefore(name, skip / (double) sampleRate);
        }
        if (length == 0) {
            throw new AudioFileException("cannot read " + name + ": it holds no audio");
        }
        return new AudioClip(length == samples.length ? samples : Arrays.copyOf(samples, length), sampleRate);
    }

    private void grow() throws AudioFileException {
        long wanted = Math.min(Math.min((long) samples.length * 2, limit), MAX_ARRAY);
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (wanted <= samples.length || wanted * Float.BYTES > budget) {
            throw new AudioFileException("audio file too long to load: " + name + " runs past "
                    + grouped(length / sampleRate) + " seconds and would need more than "
                    + grouped(budget >> 20) + " MB of memory; load a shorter part of it");
        }
        samples = Arrays.copyOf(samples, (int) wanted);
    }
}
