package dev.cantor.engine.audio;

/**
 * Where a sampler should loop a clip, in sample frames: from {@code start} to {@code end}, both
 * included, as the RIFF {@code smpl} chunk counts them (a loop over a whole clip of n frames ends
 * at n − 1). {@link WavWriter} writes them into the file.
 *
 * @param start first frame of the loop
 * @param end   last frame of the loop (inclusive)
 */
public record LoopPoints(long start, long end) {

    /** The {@code smpl} chunk stores each point in 32 unsigned bits. */
    private static final long MAX_FRAME = 0xFFFF_FFFFL;

    public LoopPoints {
        if (start < 0 || end < start || end > MAX_FRAME) {
            throw new IllegalArgumentException("loop points must satisfy 0 ≤ start ≤ end < 2^32, got " + start
                    + " and " + end);
        }
    }

    /** The loop over a whole clip of {@code frames} frames (at least one). */
    public static LoopPoints whole(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("a loop needs at least one frame");
        }
        return new LoopPoints(0, frames - 1L);
    }

    /** Frames in the loop. */
    public long frames() {
        return end - start + 1;
    }
}
