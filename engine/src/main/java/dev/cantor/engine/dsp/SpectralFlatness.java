package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * How noise-like a stretch of audio is: the spectral flatness (geometric over arithmetic mean of
 * the power, Wiener entropy) of its time-averaged spectrum, measured within narrow bands so the
 * colour of a noise does not matter. 1 is noise of any colour (white, pink, brown all have a
 * smooth spectrum within a third of an octave); music is far lower, because notes put sharp
 * partials with valleys between them into every band they sound in.
 *
 * <p>Method: power spectra of {@value #FFT_SIZE}-point Hann frames (hop half a frame; 7.8 Hz bins
 * at 32 kHz, under a semitone from 130 Hz up) are averaged over the whole stretch (Welch), which
 * leaves a noise's spectrum smooth and a held note's partials standing. Bins from
 * {@value #LOW_HZ} Hz to {@value #HIGH_HZ} Hz — where pitched instruments put most of their
 * energy, and below the codec's noisy top octaves — are split into third-octave bands; each
 * band's flatness is weighted by the band's power, so near-empty bands (a reverberant floor
 * between a flute's notes) count little.
 */
public final class SpectralFlatness {

    static final int FFT_SIZE = 4096;
    static final double LOW_HZ = 100;
    static final double HIGH_HZ = 4000;
    private static final double POWER_FLOOR = 1e-20;

    private SpectralFlatness() {
    }

    /**
     * The band-wise flatness of {@code mono}, 0..1; 0 for digital silence or a clip shorter than
     * one frame (nothing to call noise).
     */
    public static double of(float[] mono, int sampleRate) {
        int bins = FFT_SIZE / 2;
        double[] power = averagePower(mono, bins);
        if (power == null) {
            return 0;
        }
        double binHz = sampleRate / (double) FFT_SIZE;
        int lo = (int) Math.ceil(LOW_HZ / binHz);
        int hi = Math.min(bins, (int) Math.floor(Math.min(HIGH_HZ, sampleRate / 2.0) / binHz));
        double weighted = 0;
        double total = 0;
        int start = lo;
        while (start < hi) {
            // a third of an octave, and never fewer than 4 bins (a band of 1 bin is always "flat")
            int end = Math.min(hi, Math.max(start + 4, (int) Math.ceil(start * Math.pow(2, 1 / 3.0))));
            double sum = 0;
            double logSum = 0;
            for (int k = start; k < end; k++) {
                double p = power[k] + POWER_FLOOR;
                sum += p;
                logSum += Math.log(p);
            }
            int n = end - start;
            double flatness = Math.exp(logSum / n) / (sum / n);
            weighted += flatness * sum;
            total += sum;
            start = end;
        }
        return total <= 0 ? 0 : Math.min(1, weighted / total);
    }

    /** Mean power spectrum over half-overlapping frames, or null when there is no frame or no signal. */
    private static double[] averagePower(float[] mono, int bins) {
        if (mono.length < FFT_SIZE) {
            return null;
        }
        int hop = FFT_SIZE / 2;
        int frames = (mono.length - FFT_SIZE) / hop + 1;
        FFT fft = new FFT(FFT_SIZE, new HannWindow());
        float[] buffer = new float[FFT_SIZE];
        float[] magnitude = new float[bins];
        double[] power = new double[bins];
        double energy = 0;
        for (int f = 0; f < frames; f++) {
            System.arraycopy(mono, f * hop, buffer, 0, FFT_SIZE);
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            for (int k = 0; k < bins; k++) {
                double p = magnitude[k] * (double) magnitude[k];
                power[k] += p / frames;
                energy += p;
            }
        }
        return energy > 0 ? power : null;
    }
}
