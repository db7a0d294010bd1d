package dev.cantor.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TempoEstimatorTest {

    private static final int RATE = 32_000;

    /** Decaying 1 kHz clicks every beat (and optional softer clicks between beats). */
    private static float[] clicks(double bpm, double seconds, double offbeatLevel) {
        float[] x = new float[(int) (seconds * RATE)];
        double period = 60.0 / bpm * RATE;
        for (int k = 0; k * period / 2 < x.length; k++) {
            double level = k % 2 == 0 ? 0.8 : 0.8 * offbeatLevel;
            int start = (int) Math.round(k * period / 2);
            for (int i = 0; i < 300 && start + i < x.length; i++) {
                x[start + i] += (float) (level * Math.exp(-i / 40.0) * Math.sin(2 * Math.PI * 1000 * i / RATE));
            }
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {72, 96, 128, 150})
    void findsTheTempoOfAClickTrackWithinTwoPercent(int bpm) {
        double estimate = new TempoEstimator().estimateBpm(new AudioClip(clicks(bpm, 8, 0), RATE));
        assertEquals(bpm, estimate, bpm * 0.02, "click track at " + bpm + " BPM");
    }

    @ParameterizedTest
    @ValueSource(ints = {66, 84, 110, 174})
    void softerOffbeatsDoNotDoubleTheTempo(int bpm) {
        double estimate = new TempoEstimator().estimateBpm(new AudioClip(clicks(bpm, 8, 0.4), RATE));
        assertEquals(bpm, estimate, bpm * 0.02, "beats with eighth-note off-beats at " + bpm + " BPM");
    }

    @Test
    void worksAtOtherSampleRates() {
        int rate = 44_100;
        float[] x = new float[rate * 8];
        double period = 60.0 / 100 * rate;
        for (int k = 0; k * period < x.length; k++) {
            int start = (int) Math.round(k * period);
            for (int i = 0; i < 400 && start + i < x.length; i++) {
                x[start + i] += (float) (0.8 * Math.exp(-i / 60.0) * Math.sin(2 * Math.PI * 700 * i / rate));
            }
        }
        assertEquals(100, new TempoEstimator().estimate(x, rate).bpm(), 2);
    }

    @Test
    void reportsRunnersUpBestFirst() {
        TempoEstimator.Estimate e = new TempoEstimator().estimate(clicks(120, 8, 0.5), RATE);
        assertEquals(1.0, e.candidates().get(0).score());
        for (int i = 1; i < e.candidates().size(); i++) {
            assertTrue(e.candidates().get(i).score() <= e.candidates().get(i - 1).score());
        }
    }

    @Test
    void refusesSilenceAndTooShortAudio() {
        TempoEstimator estimator = new TempoEstimator();
        IllegalArgumentException silent = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(new float[RATE * 8], RATE));
        assertTrue(silent.getMessage().contains("no onsets") || silent.getMessage().contains("no steady pulse"),
                silent.getMessage());
        IllegalArgumentException shortClip = assertThrows(IllegalArgumentException.class,
                () -> estimator.estimate(clicks(120, 2, 0), RATE));
        assertTrue(shortClip.getMessage().contains("too short"), shortClip.getMessage());
    }
}
