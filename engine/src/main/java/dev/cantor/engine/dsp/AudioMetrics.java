package dev.cantor.engine.dsp;


/** Waveform-domain quality figures in plain Java. */
public final class AudioMetrics {

    private AudioMetrics() {
    }

    /**
     * Scale-invariant signal-to-noise ratio in dB (Le Roux et al. 2019), both signals made
     * zero-mean first. Silent references give NaN (the figure is undefined for them).
     */
    public static double siSnrDb(float[] reference, float[] estimate, int offset, int length) {
        double meanRef = 0;
        double meanEst = 0;
        for (int i = 0; i < length; i++) {
            meanRef += reference[offset + i];
            meanEst += estimate[offset + i];
        }
        meanRef /= length;
        meanEst /= length;
        double dot = 0;
        double refEnergy = 0;
        for (int i = 0; i < length; i++) {
            double r = reference[offset + i] - meanRef;
            double e = estimate[offset + i] - meanEst;
            dot += r * e;
            refEnergy += r * r;
        }
        if (refEnergy < 1e-12) {
            return Double.NaN;
        }
        double scale = dot / refEnergy;
        double target = 0;
        double noise = 0;
        for (int i = 0; i < length; i++) {
            double r = (reference[offset + i] - meanRef) * scale;
            double e = estimate[offset + i] - meanEst;
            target += r * r;
            noise += (e - r) * (e - r);
        }
        return 10 * Math.log10(Math.max(target, 1e-20) / Math.max(noise, 1e-20));
    }

    public static double siSnrDb(float[] reference, float[] estimate) {
        if (reference.length != estimate.length) {
            throw new IllegalArgumentException("signals differ in length");
        }
        return siSnrDb(reference, estimate, 0, reference.length);
    }

    /** Mean SI-SNR over the non-silent items of a batch stored back to back. */
    public static double meanSiSnrDb(float[] reference, float[] estimate, int items) {
        int length = reference.length / items;
        double sum = 0;
        int counted = 0;
        for (int b = 0; b < items; b++) {
            double v = siSnrDb(reference, estimate, b * length, length);
            if (!Double.isNaN(v)) {
                sum += v;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** RMS level of {@code x} in dB below full scale (-180 for digital silence). */
    public static double rmsDbfs(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v * (double) v;
        }
        double rms = x.length == 0 ? 0 : Math.sqrt(sum / x.length);
        return rms <= 1e-9 ? -180 : 20 * Math.log10(rms);
    }
}
