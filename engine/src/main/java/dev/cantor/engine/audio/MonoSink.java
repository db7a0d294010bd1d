package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.AudioFileException.grouped;

import java.util.Arrays;

/**
 * Collects decoded audio as mono samples, up to an optional length limit. The decoders mix
 * each frame down themselves (mean of the channels, as {@link WavAudio#toMono()} does) and
 * hand over one value per frame, so memory holds one channel, not all of them.
 *
 * <p>The limit is what lets a caller ask for "the first 30 seconds" of a two-hour file without
 * decoding or storing the rest: decoders stop as soon as {@link #full()} says so. Without a
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
    private float[] samples;
    private int length;

    /**
     * @param name           the file name, for messages
     * @param sampleRate     the file's rate in Hz
     * @param maxSeconds     stop after this much audio; ≤ 0 (or NaN) means no limit
     * @param expectedFrames what the header says the length is, or ≤ 0 if unknown (only a size hint)
     */
    MonoSink(String name, int sampleRate, double maxSeconds, long expectedFrames) {
        this.name = name;
        this.sampleRate = sampleRate;
        this.limit = frameLimit(maxSeconds, sampleRate);
        long initial = expectedFrames > 0 ? expectedFrames : MIN_INITIAL;
        this.samples = new float[(int) Math.max(1, Math.min(Math.min(initial, limit), MAX_INITIAL))];
    }

    /** The most frames {@code maxSeconds} allows at {@code rate}; {@link Long#MAX_VALUE} for no limit. */
    static long frameLimit(double maxSeconds, int rate) {
        if (!(maxSeconds > 0) || Double.isInfinite(maxSeconds)) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.ceil(maxSeconds * rate));
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

    /** Appends one mono sample; ignored once the limit is reached. */
    void put(float value) throws AudioFileException {
        if (length >= limit) {
            return;
        }
        if (length == samples.length) {
            grow();
        }
        samples[length++] = value;
    }

    /** Drops frames from the end (codec padding) so at most {@code frames} remain. */
    void truncate(long frames) {
        if (frames >= 0 && frames < length) {
            length = (int) frames;
        }
    }

    /** The collected audio; a file that decoded to nothing is refused. */
    AudioClip toClip() throws AudioFileException {
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
