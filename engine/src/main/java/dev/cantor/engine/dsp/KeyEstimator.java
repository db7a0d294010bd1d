package dev.cantor.engine.dsp;

import dev.cantor.engine.music.Mode;

/**
 * Key and mode of audio from its chroma, by the Krumhansl–Schmuckler method: the clip's
 * pitch-class profile is correlated (Pearson) with a key profile rotated to each of the 24
 * major and minor keys, and the best-correlated key wins. Pure Java.
 *
 * <p>The profiles are Temperley's (2007), from the Kostka–Payne harmony textbook corpus. On 144
 * rendered 8 s corpus pieces (seed 424242, not the evaluation set) they found the labelled key
 * in 64 % and the mode in 78 % of clips; the Krumhansl–Kessler probe-tone profiles found
 * 53 % and 74 %.
 *
 * <p>Relative keys (C major / A minor) share their notes and differ only in emphasis, so they
 * are the usual confusion; {@link #mirexScore} gives the partial credit MIREX uses for it.
 */
public final class KeyEstimator {

    /** A key: tonic pitch class (0 = C) and mode, with the winning correlation (−1..1). */
    public record KeyEstimate(int root, Mode mode, double correlation) {
    }

    /** Temperley's major and minor profiles (probability of each scale degree), tonic first. */
    private static final double[] MAJOR = {0.748, 0.060, 0.488, 0.082, 0.670, 0.460, 0.096, 0.715, 0.104, 0.366,
        0.057, 0.400};
    private static final double[] MINOR = {0.712, 0.084, 0.474, 0.618, 0.049, 0.460, 0.105, 0.747, 0.404, 0.067,
        0.133, 0.330};

    private KeyEstimator() {
    }

    /** The key of a mono clip. @throws IllegalArgumentException when it has no pitched content */
    public static KeyEstimate estimate(float[] mono, int sampleRate) {
        return estimate(Chromagram.clip(mono, sampleRate));
    }

    /**
     * The key whose profile best matches {@code chroma} (12 values, C first, any scale).
     *
     * @throws IllegalArgumentException when the chroma is flat (silence or pure noise): no key
     */
    public static KeyEstimate estimate(double[] chroma) {
        if (chroma.length != 12) {
            throw new IllegalArgumentException("a chroma has 12 bins, got " + chroma.length);
        }
        KeyEstimate best = null;
        for (int root = 0; root < 12; root++) {
            for (Mode mode : Mode.values()) {
                double r = correlation(chroma, mode == Mode.MAJOR ? MAJOR : MINOR, root);
                if (Double.isNaN(r)) {
                    throw new IllegalArgumentException("no pitched content to estimate a key from");
                }
                if (best == null || r > best.correlation()) {
                    best = new KeyEstimate(root, mode, r);
                }
            }
        }
        return best;
    }

    /**
     * MIREX key score of an estimate against the truth: 1 for the same key, 0.5 for a key a
     * fifth above or below in the same mode, 0.3 for the relative key, 0.2 for the parallel key,
     * else 0.
     */
    public static double mirexScore(int root, Mode mode, int trueRoot, Mode trueMode) {
        int up = Math.floorMod(root - trueRoot, 12);
        if (mode == trueMode) {
            return up == 0 ? 1.0 : up == 7 || up == 5 ? 0.5 : 0.0;
        }
        if (up == 0) {
            return 0.2;
        }
        // relative: the minor tonic lies 3 semitones below the major one
        boolean relative = trueMode == Mode.MAJOR ? up == 9 : up == 3;
        return relative ? 0.3 : 0.0;
    }

    /** Pearson correlation of the chroma with {@code profile} rotated so its tonic is {@code root}. */
    private static double correlation(double[] chroma, double[] profile, int root) {
        double meanC = 0;
        double meanP = 0;
        for (int i = 0; i < 12; i++) {
            meanC += chroma[i] / 12;
            meanP += profile[i] / 12;
        }
        double cov = 0;
        double varC = 0;
        double varP = 0;
        for (int pc = 0; pc < 12; pc++) {
            double c = chroma[pc] - meanC;
            double p = profile[Math.floorMod(pc - root, 12)] - meanP;
            cov += c * p;
            varC += c * c;
            varP += p * p;
        }
        return varC < 1e-18 ? Double.NaN : cov / Math.sqrt(varC * varP);
    }
}
