package dev.cantor.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cantor.engine.music.Mode;
import org.junit.jupiter.api.Test;

class KeyEstimatorTest {

    private static final int RATE = 32_000;

    /** Each chord (MIDI pitches) held for {@code seconds}, as sines with two soft harmonics. */
    static float[] chords(int[][] chords, double seconds) {
        int n = (int) (seconds * RATE);
        float[] out = new float[chords.length * n];
        for (int c = 0; c < chords.length; c++) {
            for (int pitch : chords[c]) {
                double hz = 440 * Math.pow(2, (pitch - 69) / 12.0);
                for (int i = 0; i < n; i++) {
                    double env = Math.min(1, Math.min(i, n - i) / 320.0);
                    double t = i / (double) RATE;
                    double x = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t)
                            + 0.1 * Math.sin(6 * Math.PI * hz * t);
                    out[c * n + i] += (float) (0.1 * env * x);
                }
            }
        }
        return out;
    }

    private static int[][] transpose(int[][] chords, int semitones) {
        int[][] out = new int[chords.length][];
        for (int i = 0; i < chords.length; i++) {
            out[i] = chords[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += semitones;
            }
        }
        return out;
    }

    // C major: scale run, then I IV V I with the bass an octave down
    private static final int[][] C_MAJOR = {{60}, {62}, {64}, {65}, {67}, {69}, {71}, {72},
        {48, 60, 64, 67}, {53, 60, 65, 69}, {55, 59, 62, 67}, {48, 60, 64, 67}};
    // A minor: natural-minor run, then i iv V i (V with the raised G#)
    private static final int[][] A_MINOR = {{57}, {59}, {60}, {62}, {64}, {65}, {67}, {69},
        {45, 57, 60, 64}, {50, 57, 62, 65}, {52, 56, 59, 64}, {45, 57, 60, 64}};

    @Test
    void cMajorScaleAndCadenceIsCMajor() {
        KeyEstimator.KeyEstimate k = KeyEstimator.estimate(chords(C_MAJOR, 0.4), RATE);
        assertEquals(0, k.root());
        assertEquals(Mode.MAJOR, k.mode());
    }

    @Test
    void aMinorScaleAndCadenceIsAMinorNotItsRelativeMajor() {
        KeyEstimator.KeyEstimate k = KeyEstimator.estimate(chords(A_MINOR, 0.4), RATE);
        assertEquals(9, k.root());
        assertEquals(Mode.MINOR, k.mode());
    }

    @Test
    void followsTranspositionToEveryKey() {
        for (int shift = 1; shift < 12; shift += 2) {
            KeyEstimator.KeyEstimate major = KeyEstimator.estimate(chords(transpose(C_MAJOR, shift), 0.3), RATE);
            assertEquals(shift, major.root(), "major up " + shift);
            assertEquals(Mode.MAJOR, major.mode());
            KeyEstimator.KeyEstimate minor = KeyEstimator.estimate(chords(transpose(A_MINOR, shift), 0.3), RATE);
            assertEquals((9 + shift) % 12, minor.root(), "minor up " + shift);
            assertEquals(Mode.MINOR, minor.mode());
        }
    }

    @Test
    void chromaOfASineIsItsPitchClass() {
        double[] chroma = Chromagram.clip(chords(new int[][] {{69}}, 1.0), RATE);
        double sum = 0;
        int best = 0;
        for (int i = 0; i < 12; i++) {
            sum += chroma[i];
            best = chroma[i] > chroma[best] ? i : best;
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(9, best);
    }

    @Test
    void silenceHasNoKey() {
        assertThrows(IllegalArgumentException.class, () -> KeyEstimator.estimate(new float[RATE], RATE));
    }

    @Test
    void mirexScoreGivesPartialCreditForCloseKeys() {
        assertEquals(1.0, KeyEstimator.mirexScore(0, Mode.MAJOR, 0, Mode.MAJOR));
        assertEquals(0.5, KeyEstimator.mirexScore(7, Mode.MAJOR, 0, Mode.MAJOR));   // G for C: a fifth up
        assertEquals(0.5, KeyEstimator.mirexScore(5, Mode.MAJOR, 0, Mode.MAJOR));   // F for C: a fifth down
        assertEquals(0.3, KeyEstimator.mirexScore(9, Mode.MINOR, 0, Mode.MAJOR));   // A minor for C major
        assertEquals(0.3, KeyEstimator.mirexScore(0, Mode.MAJOR, 9, Mode.MINOR));   // C major for A minor
        assertEquals(0.2, KeyEstimator.mirexScore(0, Mode.MINOR, 0, Mode.MAJOR));   // parallel
        assertEquals(0.0, KeyEstimator.mirexScore(2, Mode.MAJOR, 0, Mode.MAJOR));
    }
}
