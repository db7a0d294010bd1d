package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * Log-mel spectrogram in pure Java: a Hann-windowed power spectrum every {@code hop} samples,
 * windows centred on the frames of the codec's grid ({@link FrameGrid}), mapped through
 * {@link MelFilterbank} and compressed with {@code ln(power + 1e-8)}. Input for the audio
 * classifier that judges generated music.
 */
public final class LogMelSpectrogram {

    /** Added to the mel power before the logarithm: about −80 dB, the floor of silence. */
    public static final double POWER_FLOOR = 1e-8;

    private final int sampleRate;
    private final int nFft;
    private final int hop;
    private final float[][] filters;
    /** Per band, the FFT bins where its filter is non-zero: [first, end). */
    private final int[] first;
    private final int[] end;

    /**
     * @param nFft    FFT length (a power of two)
     * @param hop     samples between frames
     * @param melBins number of mel bands
     */
    public LogMelSpectrogram(int sampleRate, int nFft, int hop, int melBins, double fMin, double fMax) {
        if (Integer.bitCount(nFft) != 1 || hop < 1 || hop > nFft) {
            throw new IllegalArgumentException("need a power-of-two FFT length and 1 <= hop <= nFft");
        }
        this.sampleRate = sampleRate;
        this.nFft = nFft;
        this.hop = hop;
        this.filters = MelFilterbank.create(sampleRate, nFft, melBins, fMin, fMax);
        this.first = new int[melBins];
        this.end = new int[melBins];
        for (int m = 0; m < melBins; m++) {
            int lo = 0;
            while (lo < nFft / 2 && filters[m][lo] == 0) {
                lo++;
            }
            int hi = nFft / 2;
            while (hi > lo && filters[m][hi - 1] == 0) {
                hi--;
            }
            first[m] = lo;
            end[m] = hi;
        }
    }

    public int melBins() {
        return filters.length;
    }

    /** Frames a clip of {@code samples} samples gives: one per hop, the last one partial. */
    public int frames(int samples) {
        return new FrameGrid(samples, sampleRate, sampleRate / (double) hop).frames();
    }

    /**
     * @return log-mel values, mel-major: {@code out[m * frames + t]} for band m at frame t
     */
    public float[] compute(float[] mono) {
        FrameGrid grid = new FrameGrid(mono.length, sampleRate, sampleRate / (double) hop);
        int frames = grid.frames();
        int bins = filters.length;
        FFT fft = new FFT(nFft, new HannWindow());
        float[] buffer = new float[nFft];
        float[] magnitude = new float[nFft / 2];
        float[] out = new float[bins * frames];
        // normalise so a full-scale sine gives a power near 1 whatever the FFT length
        double norm = 4.0 / ((double) nFft * nFft);
        for (int t = 0; t < frames; t++) {
            grid.copyWindow(mono, t, buffer);
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            for (int m = 0; m < bins; m++) {
                float[] w = filters[m];
                double power = 0;
                for (int k = first[m]; k < end[m]; k++) {
                    power += w[k] * (double) magnitude[k] * magnitude[k];
                }
                out[m * frames + t] = (float) Math.log(power * norm + POWER_FLOOR);
            }
        }
        return out;
    }
}
