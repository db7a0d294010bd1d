package dev.cantor.engine.lm;

/**
 * Where a token frame falls in the beat and the bar, at a given tempo: sin and cos of the phase
 * at five rates (the four-beat bar, half bar, beat, eighth and sixteenth note). A transformer
 * that only knows the tempo as a number must count frames to place its onsets; with the clock
 * added to each frame it only has to learn what happens at each phase. Cantor's corpus starts
 * every piece on a downbeat at frame 0 in 4/4, so the clock is exact in training; generation
 * starts its clock at the first generated frame.
 */
public final class BeatClock {

    /** Beats per cycle of each pair of features: bar, half bar, beat, eighth, sixteenth. */
    private static final double[] CYCLES_IN_BEATS = {4, 2, 1, 0.5, 0.25};
    public static final int FEATURES = 2 * CYCLES_IN_BEATS.length;

    private BeatClock() {
    }

    /**
     * Writes the clock of {@code frames} frames starting at frame {@code firstFrame} (frame 0 is a
     * downbeat; negative frames lie before it) into {@code out} from {@code offset}, FEATURES per
     * frame. Without a tempo the features are all zero, which no tempo produces (every sin/cos
     * pair has unit length).
     */
    public static void write(Double tempoBpm, double frameRate, int firstFrame, int frames, float[] out, int offset) {
        write(tempoBpm, 0, frameRate, firstFrame, frames, out, offset);
    }

    /** As {@link #write(Double, double, int, int, float[], int)}, with the clock at {@code phase} beats at frame 0. */
    public static void write(Double tempoBpm, double phase, double frameRate, int firstFrame, int frames, float[] out,
                             int offset) {
        if (tempoBpm == null) {
            java.util.Arrays.fill(out, offset, offset + frames * FEATURES, 0f);
            return;
        }
        double beatsPerFrame = tempoBpm / 60.0 / frameRate;
        for (int f = 0; f < frames; f++) {
            double beats = phase + (firstFrame + f) * beatsPerFrame;
            int base = offset + f * FEATURES;
            for (int j = 0; j < CYCLES_IN_BEATS.length; j++) {
                double angle = 2 * Math.PI * beats / CYCLES_IN_BEATS[j];
                out[base + 2 * j] = (float) Math.sin(angle);
                out[base + 2 * j + 1] = (float) Math.cos(angle);
            }
        }
    }
}
