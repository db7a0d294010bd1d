package dev.cantor.engine.dsp;

import static dev.cantor.engine.dsp.SineMelody.FRAME_RATE;
import static dev.cantor.engine.dsp.SineMelody.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PitchTrackerTest {

    /** Half the 64 ms window plus a frame: frames this far inside a note see only that note. */
    private static final double MARGIN = 0.06;

    @Test
    void tracksEachNoteOfASineMelodyWithinOnePointFivePercent() {
        float[] f0 = new PitchTracker().track(SineMelody.render(SineMelody.TUNE, RATE), RATE, FRAME_RATE);
        double[] truth = SineMelody.interiorTruth(SineMelody.TUNE, MARGIN);
        assertEquals(90, f0.length, "1.8 s at 50 frames per second");
        int notes = 0;
        int rests = 0;
        for (int t = 0; t < f0.length; t++) {
            if (truth[t] > 0) {
                notes++;
                assertEquals(truth[t], f0[t], truth[t] * 0.015, "frame " + t);
            } else if (truth[t] == 0) {
                rests++;
                assertEquals(0, f0[t], "frame " + t + " lies in the silence");
            }
        }
        assertTrue(notes > 50 && rests > 5, notes + " note frames, " + rests + " rest frames judged");
    }

    @Test
    void tracksALowHumAtAnotherSampleRate() {
        int rate = 16_000;
        List<SineMelody.Segment> hum = SineMelody.of(110.0, 1.0);
        float[] f0 = new PitchTracker().track(SineMelody.render(hum, rate, 0, new double[] {1, 0.6, 0.4, 0.2}),
                rate, FRAME_RATE);
        assertEquals(50, f0.length);
        for (int t = 5; t < 45; t++) {
            assertEquals(110, f0[t], 110 * 0.015, "frame " + t);
        }
    }

    @Test
    void silenceAndNoiseAreUnvoiced() {
        PitchTracker tracker = new PitchTracker();
        float[] silent = tracker.track(new float[RATE], RATE, FRAME_RATE);
        assertEquals(50, silent.length);
        for (float hz : silent) {
            assertEquals(0, hz);
        }
        float[] noisy = tracker.track(SineMelody.whiteNoise(2, RATE, 0.2, 7), RATE, FRAME_RATE);
        int voiced = 0;
        for (float hz : noisy) {
            voiced += hz > 0 ? 1 : 0;
        }
        assertTrue(voiced <= noisy.length / 20, voiced + " of " + noisy.length + " noise frames voiced");
    }

    @Test
    void framesFollowTheCodecGrid() {
        // 1000 samples at 32 kHz is 1.5625 frames of 640: padded up to 2, as the codec does
        assertEquals(2, new PitchTracker().track(new float[1000], RATE, FRAME_RATE).length);
        assertEquals(0, new PitchTracker().track(new float[0], RATE, FRAME_RATE).length);
    }

    @Test
    void rejectsNonsenseRanges() {
        assertThrows(IllegalArgumentException.class, () -> new PitchTracker(300, 200));
        assertThrows(IllegalArgumentException.class, () -> new PitchTracker().track(new float[10], RATE, 0));
    }
}
