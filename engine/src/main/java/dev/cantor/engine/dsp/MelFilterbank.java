package dev.cantor.engine.dsp;

/**
 * Triangular mel filters (HTK mel scale) mapping an FFT magnitude spectrum of
 * {@code nFft / 2 + 1} bins to {@code melBins} bands. Pure Java; the tensor code turns the
 * matrix into an NDArray.
 */
public final class MelFilterbank {

    private MelFilterbank() {
    }

    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /**
     * @return row-major matrix [melBins][nFft/2+1]; each filter is area-normalised (Slaney style)
     *         so bands of different widths carry comparable energy
     */
    public static float[][] create(int sampleRate, int nFft, int melBins, double fMin, double fMax) {
        return build(sampleRate, nFft, melBins, fMin, fMax, true);
    }

    /**
     * The same filters with a peak of 1 and no area normalisation (torchaudio's {@code norm=None}):
     * a band sums the power it covers as it is, so a level change reads the same in every band.
     *
     * @return row-major matrix [melBins][nFft/2+1]
     */
    public static float[][] triangles(int sampleRate, int nFft, int melBins, double fMin, double fMax) {
        return build(sampleRate, nFft, melBins, fMin, fMax, false);
    }

    private static float[][] build(int sampleRate, int nFft, int melBins, double fMin, double fMax,
                                   boolean areaNormalised) {
        if (melBins < 1 || nFft < 2 || fMax <= fMin || fMax > sampleRate / 2.0 + 1e-6) {
            throw new IllegalArgumentException("bad mel filterbank parameters");
        }
        int bins = nFft / 2 + 1;
        double melMin = hzToMel(fMin);
        double melMax = hzToMel(fMax);
        double[] edges = new double[melBins + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(melMin + (melMax - melMin) * i / (melBins + 1));
        }
        float[][] filters = new float[melBins][bins];
        for (int m = 0; m < melBins; m++) {
            double lo = edges[m];
            double mid = edges[m + 1];
            double hi = edges[m + 2];
            double norm = areaNormalised ? 2.0 / (hi - lo) : 1.0;
            for (int b = 0; b < bins; b++) {
                double f = b * (double) sampleRate / nFft;
                double w = 0;
                if (f > lo && f <= mid) {
                    w = (f - lo) / (mid - lo);
                } else if (f > mid && f < hi) {
                    w = (hi - f) / (hi - mid);
                }
                filters[m][b] = (float) (w * norm);
            }
        }
        return filters;
    }

    /** Periodic Hann window of the given length. */
    public static float[] hann(int length) {
        float[] w = new float[length];
        for (int i = 0; i < length; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / length));
        }
        return w;
    }
}
