package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.audio.AudioClip;
import org.junit.jupiter.api.Test;

class StoryCheckTest {

    /** Clicks at 120 bpm for 6 s, then at 90 bpm for 6 s, at 16 kHz; optionally a click or a gap at the seam. */
    static StoryResult story(boolean clickAtSeam, boolean gapAtSeam) {
        int rate = 16000;
        float[] x = new float[12 * rate];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.05 * r.nextGaussian());
        }
        for (double t = 0; t < 12; ) {
            int at = (int) (t * rate);
            for (int k = 0; k < 400 && at + k < x.length; k++) {
                x[at + k] += (float) (0.6 * Math.exp(-k / 60.0) * Math.sin(k * 0.7));
            }
            t += t < 6 ? 0.5 : 60.0 / 90;
        }
        int seam = 6 * rate;
        if (gapAtSeam) {
            java.util.Arrays.fill(x, seam - 1600, seam + 1600, 0f);
        }
        if (clickAtSeam) {
            x[seam] = 0.99f;
            x[seam + 1] = -0.99f;
        }
        return new StoryResult(new AudioClip(x, rate), new int[1][600], new int[] {0, 300, 600}, 50, 1);
    }

    @Test
    void tempoPerSectionAndCleanSeamsAreMeasuredAndFaultsShow() {
        StoryCheck.Report clean = StoryCheck.of(story(false, false), 1.0);
        assertEquals(120, clean.sections().get(0).estimatedBpm(), 2.5);
        assertEquals(90, clean.sections().get(1).estimatedBpm(), 2.5);
        assertEquals(7.0, clean.sections().get(1).from(), 1e-9, "the transition is left out");
        StoryCheck.Seam seam = clean.seams().get(0);
        assertEquals(6.0, seam.at(), 1e-9);
        assertTrue(seam.rms() > 0.5 * seam.pieceRms(), "no gap");
        assertTrue(seam.rms() > seam.rmsP10Elsewhere(), "no quieter than the quiet parts: " + seam);
        assertTrue(seam.rmsP10Elsewhere() > 0.03 && seam.rmsP10Elsewhere() < 0.06,
                "the quiet parts are the noise floor (0.05): " + seam);

        StoryCheck.Seam click = StoryCheck.of(story(true, false), 1.0).seams().get(0);
        assertTrue(click.maxJump() > 3 * click.jumpP999Elsewhere(), "a click stands out: " + click);
        StoryCheck.Seam gap = StoryCheck.of(story(false, true), 1.0).seams().get(0);
        assertTrue(gap.rms() < 0.1 * gap.pieceRms(), "a gap is silent: " + gap);
        assertTrue(gap.rms() < 0.1 * gap.rmsP10Elsewhere(), "and quieter than the quiet parts: " + gap);
    }
}
