package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import java.util.Arrays;

/**
 * How percussive a piece is: the share of its spectral energy that harmonic–percussive
 * separation (Fitzgerald's median filtering) assigns to the percussive part. A median along
 * time keeps what sustains (notes); a median along frequency keeps what is broadband and short
 * (hits). 0 is all sustained tones, 1 all hits; a piano piece scores low, a drum loop high.
 */
public final class Percussiveness {

    private static final int FFT_SIZE = 1024;
    private static final int HOP = 512;
    private static final int TIME_MEDIAN = 17;
    private static final int FREQ_MEDIAN = 17;
    /** Analyses at most this long a stretch (from the middle), which is plenty for one figure. */
    private static final double MAX_SECONDS = 30;

    private Percussiveness() {
    }

    /** The percussive share of {@code mono}'s energy, 0..1 (0 for silence). */
    public static double of(float[] mono, int sampleRate) {
        int take = (int) Math.min(mono.length, MAX_SECONDS * sampleRate);
        int from = (mono.length - take) / 2;
        float[][] mag = magnitudes(Arrays.copyOfRange(mono, from, from + take));
        int frames = mag.length;
        if (frames == 0) {
            return 0;
        }
        int bins = mag[0].length;
        double percussive = 0;
        double total = 0;
        float[] window = new float[Math.max(TIME_MEDIAN, FREQ_MEDIAN)];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < bins; k++) {
                double h = median(mag, t, k, true, window);
                double p = median(mag, t, k, false, window);
                double e = mag[t][k] * (double) mag[t][k];
                // soft (Wiener) masks, as in the usual HPSS
                double hp = h * h + p * p;
                if (hp > 0) {
                    percussive += e * (p * p) / hp;
                    total += e;
                }
            }
        }
        return total <= 1e-12 ? 0 : percussive / total;
    }

    private static float[][] magnitudes(float[] x) {
        int frames = x.length < FFT_SIZE ? 0 : (x.length - FFT_SIZE) / HOP + 1;
        float[][] out = new float[frames][FFT_SIZE / 2];
        FFT fft = new FFT(FFT_SIZE, new HannWindow());
        float[] buffer = new float[FFT_SIZE];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(x, f * HOP, buffer, 0, FFT_SIZE);
            fft.forwardTransform(buffer);
            fft.modulus(buffer, out[f]);
        }
        return out;
    }

    /** Median of the neighbourhood of (t, k) along time ({@code alongTime}) or frequency. */
    private static double median(float[][] mag, int t, int k, boolean alongTime, float[] window) {
        int size = alongTime ? TIME_MEDIAN : FREQ_MEDIAN;
        int half = size / 2;
        int n = 0;
        for (int d = -half; d <= half; d++) {
            if (alongTime) {
                int u = t + d;
                if (u >= 0 && u < mag.length) {
                    window[n++] = mag[u][k];
                }
            } else {
                int j = k + d;
                if (j >= 0 && j < mag[t].length) {
                    window[n++] = mag[t][j];
                }
            }
        }
        Arrays.sort(window, 0, n);
        return n % 2 == 1 ? window[n / 2] : 0.5 * (window[n / 2 - 1] + window[n / 2]);
    }
}
