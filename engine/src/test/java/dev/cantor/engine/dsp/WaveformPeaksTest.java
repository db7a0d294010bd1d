package dev.cantor.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaveformPeaksTest {

    @Test
    void everyZoomShowsTheSineAmplitudeAndASilentHalfStaysFlat() {
        int rate = 32000;
        float[] x = new float[10 * rate];                      // 5 s of a 0.8 sine at 1 kHz (a peak in every 32 samples), then silence
        for (int i = 0; i < 5 * rate; i++) {
            x[i] = (float) (0.8 * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        WaveformPeaks peaks = WaveformPeaks.of(x);
        for (int columns : new int[] {10, 800, 5000}) {
            float[] c = peaks.columns(0, x.length, columns);
            for (int i = 0; i < columns / 2; i++) {
                assertEquals(0.8, c[2 * i + 1], 0.01, columns + " columns, column " + i + " max");
                assertEquals(-0.8, c[2 * i], 0.01, columns + " columns, column " + i + " min");
            }
            for (int i = columns / 2 + 1; i < columns; i++) {
                assertEquals(0, c[2 * i], 1e-6);
                assertEquals(0, c[2 * i + 1], 1e-6);
            }
        }
    }

    @Test
    void aZoomedRangeMatchesABruteForceEnvelope() {
        float[] x = new float[100_003];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian() * (i % 7000 < 300 ? 1f : 0.1f);   // short loud bursts
        }
        WaveformPeaks peaks = WaveformPeaks.of(x);
        long from = 12_345;
        long to = 77_777;
        int columns = 300;
        float[] c = peaks.columns(from, to, columns);
        double per = (double) (to - from) / columns;
        for (int col = 0; col < columns; col++) {
            int a = (int) (from + Math.floor(col * per));
            int b = (int) (from + Math.floor((col + 1) * per));
            float max = Float.NEGATIVE_INFINITY;
            for (int i = a; i < b; i++) {
                max = Math.max(max, x[i]);
            }
            // buckets may reach a little past the column, never miss what is inside it
            assertTrue(c[2 * col + 1] >= max, "column " + col);
            assertTrue(c[2 * col + 1] - max < 3f, "column " + col + " far above its content");
        }
        float[] past = peaks.columns(x.length, x.length + 1000, 4);
        assertEquals(0, past[1], 0f, "past the end is empty");
    }
}
