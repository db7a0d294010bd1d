package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * The pitch-class content of a whole clip: a 12-bin chroma vector (0 = C … 11 = B) summed over
 * the clip, for key and mode estimation. Pure Java.
 *
 * <p>Long windows (about 256 ms, 3.9 Hz bins at 32 kHz) resolve semitones down to the bass
 * register, where the harmony's roots are; time resolution does not matter for a clip-wide
 * profile. Each FFT bin from 65 Hz (C2) to 2.1 kHz adds its magnitude to the pitch class of
 * the nearest equal-tempered note (A4 = 440 Hz).
 */
public final class Chromagram {

    private static final double LOW_HZ = 65;
    private static final double HIGH_HZ = 2100;
    private static final double WINDOW_SECONDS = 0.256;

    private Chromagram() {
    }

    /**
     * Chroma of a mono clip, normalised to sum 1; all zeros for digital silence.
     *
     * @param sampleRate samples per second of {@code mono}
     */
    public static double[] clip(float[] mono, int sampleRate) {
        if (sampleRate < 2 * LOW_HZ * 4) {
            throw new IllegalArgumentException("sample rate too low for a chroma: " + sampleRate);
        }
        int size = Integer.highestOneBit((int) Math.round(WINDOW_SECONDS * sampleRate));
        int hop = size / 2;
        int[] binClass = new int[size / 2];
        for (int k = 0; k < binClass.length; k++) {
            double hz = k * (double) sampleRate / size;
            binClass[k] = hz >= LOW_HZ && hz <= HIGH_HZ ? MelodyChroma.pitchClassOfHz(hz) : -1;
        }
        FFT fft = new FFT(size, new HannWindow());
        float[] buffer = new float[size];
        float[] magnitude = new float[size / 2];
        double[] chroma = new double[12];
        // at least one window, zero-padded, so a clip shorter than the window still counts
        int frames = Math.max(1, (mono.length - size) / hop + 1);
        for (int f = 0; f < frames; f++) {
            java.util.Arrays.fill(buffer, 0f);
            int start = f * hop;
            System.arraycopy(mono, start, buffer, 0, Math.min(size, mono.length - start));
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            for (int k = 0; k < magnitude.length; k++) {
                if (binClass[k] >= 0) {
                    chroma[binClass[k]] += magnitude[k];
                }
            }
        }
        double sum = 0;
        for (double c : chroma) {
            sum += c;
        }
        if (sum > 0) {
            for (int i = 0; i < 12; i++) {
                chroma[i] /= sum;
            }
        }
        return chroma;
    }
}
