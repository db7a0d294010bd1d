package dev.cantor.engine.patterns;

/**
 * MusicGen's delay interleaving of K codebook streams: codebook k is shifted right by k steps,
 * so at step s the model emits codebook 0 of frame s, codebook 1 of frame s-1, and so on. The
 * finer codebooks of a frame are then predicted after the coarser ones of the same frame.
 *
 * <p>A delayed grid has {@code frames + K - 1} steps; cells with no frame are {@code fill}.
 * Plain int data so it can be tested by round trips and used on either side of the engine.
 */
public final class DelayPattern {

    private final int numCodebooks;

    public DelayPattern(int numCodebooks) {
        if (numCodebooks < 1) {
            throw new IllegalArgumentException("need at least one codebook");
        }
        this.numCodebooks = numCodebooks;
    }

    public int numCodebooks() {
        return numCodebooks;
    }

    /** Steps a sequence of {@code frames} frames takes once delayed. */
    public int steps(int frames) {
        return frames + numCodebooks - 1;
    }

    /** Frames fully known after {@code steps} delayed steps. */
    public int framesComplete(int steps) {
        return Math.max(0, steps - numCodebooks + 1);
    }

    /** The frame whose codebook {@code k} is emitted at {@code step} (may be outside 0..frames-1). */
    public static int frameAt(int k, int step) {
        return step - k;
    }

    /** True when codebook k at this step belongs to a real frame of a {@code frames}-long sequence. */
    public static boolean isValid(int k, int step, int frames) {
        int f = step - k;
        return f >= 0 && f < frames;
    }

    /** codes [K][T] → delayed [K][T + K - 1], empty cells set to {@code fill}. */
    public int[][] build(int[][] codes, int fill) {
        requireK(codes);
        int frames = codes[0].length;
        int[][] out = new int[numCodebooks][steps(frames)];
        for (int k = 0; k < numCodebooks; k++) {
            if (codes[k].length != frames) {
                throw new IllegalArgumentException("codebook " + k + " has " + codes[k].length
                        + " frames, codebook 0 has " + frames);
            }
            java.util.Arrays.fill(out[k], fill);
            System.arraycopy(codes[k], 0, out[k], k, frames);
        }
        return out;
    }

    /** delayed [K][S] → codes [K][frames] with frames = S - K + 1 (the inverse of build). */
    public int[][] revert(int[][] delayed) {
        requireK(delayed);
        int frames = framesComplete(delayed[0].length);
        int[][] out = new int[numCodebooks][frames];
        for (int k = 0; k < numCodebooks; k++) {
            System.arraycopy(delayed[k], k, out[k], 0, frames);
        }
        return out;
    }

    private void requireK(int[][] grid) {
        if (grid.length != numCodebooks) {
            throw new IllegalArgumentException("expected " + numCodebooks + " codebooks, got " + grid.length);
        }
    }
}
