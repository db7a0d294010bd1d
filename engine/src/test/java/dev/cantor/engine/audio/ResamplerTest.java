package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static float[] sine(double hz, int rate, int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Amplitude of the {@code hz} component over y[from, from + n), by a single DFT bin. */
    private static double amplitudeAt(float[] y, int rate, double hz, int from, int n) {
        double re = 0;
        double im = 0;
        for (int i = from; i < from + n; i++) {
            double phase = 2 * Math.PI * hz * i / rate;
            re += y[i] * Math.cos(phase);
            im += y[i] * Math.sin(phase);
        }
        return 2 * Math.hypot(re, im) / n;
    }

    private static double rms(float[] y, int from, int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += y[i] * (double) y[i];
        }
        return Math.sqrt(sum / n);
    }

    private static int zeroCrossings(float[] y, int from, int n) {
        int count = 0;
        for (int i = from + 1; i < from + n; i++) {
            if ((y[i - 1] < 0) != (y[i] < 0)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void oneKilohertzSurvives44100To32000() {
        float[] y = Resampler.resample(sine(1000, 44100, 88200, 0.5), 44100, 32000);
        assertEquals(64000, y.length);
        // 24 000 samples at 32 kHz = 750 whole cycles, away from the edges.
        assertEquals(1500, zeroCrossings(y, 20000, 24000), 2);
        assertEquals(0.5, amplitudeAt(y, 32000, 1000, 20000, 24000), 0.005);
        assertEquals(0.5 / Math.sqrt(2), rms(y, 20000, 24000), 0.005 * 0.5);
    }

    @Test
    void twentyKilohertzIsRejectedWhenDownsamplingTo32000() {
        float[] x = sine(20000, 48000, 48000, 1.0);
        float[] y = Resampler.resample(x, 48000, 32000);
        double attenuationDb = 20 * Math.log10(rms(y, 4000, 24000) / rms(x, 4000, 24000));
        assertTrue(attenuationDb < -40, "20 kHz leaked through at " + attenuationDb + " dB");
    }

    @Test
    void passbandToneNearTheEdgeKeepsItsLevel() {
        // 12 kHz is 75 % of the new Nyquist frequency: inside the pass band.
        float[] y = Resampler.resample(sine(12000, 48000, 48000, 0.8), 48000, 32000);
        assertEquals(0.8, amplitudeAt(y, 32000, 12000, 4000, 24000), 0.008);
    }

    @Test
    void upsamplingKeepsToneAndAddsNoImages() {
        float[] y = Resampler.resample(sine(3000, 16000, 16000, 0.5), 16000, 44100);
        assertEquals(44100, y.length);
        assertEquals(0.5, amplitudeAt(y, 44100, 3000, 4410, 35280), 0.005);
        // The image of 3 kHz around 16 kHz (13 kHz) must not appear.
        assertTrue(amplitudeAt(y, 44100, 13000, 4410, 35280) < 0.5e-3);
    }

    @Test
    void ratioWithTooManyPhasesForATableStillWorks() {
        // gcd(96001, 44100) = 1: 44 100 phases, read from the interpolated kernel instead.
        float[] y = Resampler.resample(sine(1000, 96001, 96001, 0.5), 96001, 44100);
        assertEquals(44100, y.length);
        assertEquals(0.5, amplitudeAt(y, 44100, 1000, 4410, 35280), 0.005);
        float[] alias = Resampler.resample(sine(30000, 96001, 96001, 1.0), 96001, 44100);
        assertTrue(rms(alias, 4410, 35280) < 0.01 / Math.sqrt(2), "alias rms " + rms(alias, 4410, 35280));
        float[] dc = new float[20000];
        java.util.Arrays.fill(dc, 0.25f);
        float[] dcOut = Resampler.resample(dc, 96001, 44100);
        for (int i = 200; i < dcOut.length - 200; i++) {
            assertEquals(0.25f, dcOut[i], 1e-4f);
        }
    }

    @Test
    void constantSignalStaysConstantAwayFromTheEdges() {
        float[] x = new float[10000];
        java.util.Arrays.fill(x, -0.3f);
        float[] y = Resampler.resample(x, 44100, 32000);
        for (int i = 100; i < y.length - 100; i++) {
            assertEquals(-0.3f, y[i], 1e-5f);
        }
    }

    @Test
    void outputLengthIsTheRoundedRatio() {
        int[][] pairs = {{44100, 32000}, {48000, 32000}, {32000, 48000}, {8000, 44100}, {44100, 48001},
            {96001, 44100}, {3, 2}, {768000, 1}};
        int[] lengths = {0, 1, 2, 7, 441, 1001, 12345};
        for (int[] pair : pairs) {
            for (int n : lengths) {
                long expected = Math.round(n * (double) pair[1] / pair[0]);
                assertEquals(expected, Resampler.resample(new float[n], pair[0], pair[1]).length,
                        n + " samples " + pair[0] + " -> " + pair[1]);
            }
        }
    }

    @Test
    void equalRatesReturnACopy() {
        float[] x = sine(440, 32000, 1000, 0.9);
        float[] y = Resampler.resample(x, 32000, 32000);
        assertNotSame(x, y);
        assertArrayEquals(x, y);
    }

    @Test
    void badRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 0, 32000));
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(new float[4], 44100, -1));
    }

    @Test
    void aLongTrackKeepsItsLengthAndFrequency() {
        // Speed is measured by benchmarks, not asserted here.
        float[] x = sine(440, 44100, 4 * 60 * 44100, 0.5);
        float[] y = Resampler.resample(x, 44100, 32000);
        assertEquals(4 * 60 * 32000, y.length);
        assertEquals(2 * 440, zeroCrossings(y, 32000 * 100, 32000), 2);
    }
}
