package dev.cantor.engine.audio;

import java.util.Arrays;

/**
 * Closes a loop cut from longer music, so that played end to end it runs from its end into its
 * start. Two timelines run through the join, each continuous: the music that ends the loop and
 * goes on past its end ({@code music[end + τ]}), and the music that leads into the loop's start
 * and goes on from it ({@code music[start + τ]}, with what was made before the start). Over a span
 * around the join the first hands over to the second, so at the join both are where the music
 * itself put them.
 *
 * <p>Cantor blends over the loop's last beat, before the join ({@link #close(float[], int, int, int)}):
 * the loop's own ending hands over to the music that led into its start, and the loop's first
 * beat stays as it was made, its downbeat exact for a sampler's grid. Blending after the join
 * (the music past the end into the loop's first beat) or centred on it was measured beside it on
 * the shipped model (README, "Measured"): all join smoothly, and before the join put the join's
 * spectral change lowest and kept the blended beat's level closest to the same beat in other bars.
 */
public final class LoopCrossfade {

    /** How one timeline hands over to the other along the blend. */
    public enum Shape {
        /** Gains 1 − t and t: constant level only for identical material. */
        LINEAR,
        /** Gains cos and sin of πt/2: constant power for uncorrelated material (two different bars of music). */
        EQUAL_POWER,
        /**
         * Equal power along a smoothstep (3t² − 2t³) instead of t: the gains start and end with zero
         * slope, so neither timeline enters or leaves with a corner.
         */
        SMOOTH_EQUAL_POWER
    }

    private LoopCrossfade() {
    }

    /**
     * The loop {@code music[start, start + loopLength)}, its last {@code fadeLength} samples blended
     * ({@link Shape#SMOOTH_EQUAL_POWER}) into the {@code fadeLength} samples of music just before
     * {@code start}.
     *
     * @throws IllegalArgumentException unless 1 ≤ fadeLength ≤ min(start, loopLength) and the music
     *                                  holds start + loopLength samples
     */
    public static float[] close(float[] music, int start, int loopLength, int fadeLength) {
        return close(music, start, loopLength, fadeLength, 0, Shape.SMOOTH_EQUAL_POWER);
    }

    /**
     * The general blend, over {@code before} samples before the join (the loop's last ones, blended
     * with the music before {@code start}) and {@code after} samples after it (the loop's first ones,
     * blended with the music past its end), of the given {@code shape}.
     *
     * @throws IllegalArgumentException unless the music holds {@code before} samples before the start
     *                                  and {@code after} past the end, and the blend fits in the loop
     */
    public static float[] close(float[] music, int start, int loopLength, int before, int after, Shape shape) {
        int fade = before + after;
        if (before < 0 || after < 0 || fade < 1 || fade > loopLength || start < before
                || (long) start + loopLength + after > music.length) {
            throw new IllegalArgumentException("a loop of " + loopLength + " samples from sample " + start
                    + " blended over " + before + " samples before its end and " + after + " after needs that"
                    + " much music around it, got " + music.length);
        }
        float[] loop = Arrays.copyOfRange(music, start, start + loopLength);
        int end = start + loopLength;
        for (int tau = -before; tau < after; tau++) {
            double t = (tau + before + 0.5) / fade;                 // centred: neither end is exactly 0 or 1
            double in;
            double out;
            switch (shape) {
                case LINEAR -> {
                    in = t;
                    out = 1 - t;
                }
                case EQUAL_POWER -> {
                    in = Math.sin(Math.PI / 2 * t);
                    out = Math.cos(Math.PI / 2 * t);
                }
                default -> {
                    double s = t * t * (3 - 2 * t);
                    in = Math.sin(Math.PI / 2 * s);
                    out = Math.cos(Math.PI / 2 * s);
                }
            }
            int at = tau < 0 ? loopLength + tau : tau;
            loop[at] = (float) (in * music[start + tau] + out * music[end + tau]);
        }
        return loop;
    }
}
