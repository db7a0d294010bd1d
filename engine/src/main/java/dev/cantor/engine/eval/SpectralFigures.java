package dev.cantor.engine.eval;

import be.tarsos.dsp.util.fft.FFT;
import dev.cantor.engine.dsp.MelFilterbank;
import java.util.Arrays;
import java.util.List;

/**
 * How far a decoded clip sounds from its original, in decibels a listener can read: the mean
 * log-mel distance, and the level error of each octave band from 62.5 Hz to 8 kHz. Pure Java
 * (no tensors), so training logs and {@code cantor eval-codec} report the same numbers.
 *
 * <p>Both figures come from one power spectrogram: a periodic Hann window of {@value #FFT_SIZE}
 * samples every {@value #HOP} samples, unscaled power {@code |X|²} per bin (a full-scale sine's
 * peak bin is about {@code (N/4)² ≈ 2.6e5}). Frames are centred, the first on sample 0, and the
 * clip is mirrored (reflect padding, as {@code torch.stft(center=True)} does) where a window
 * reaches past either end, so a Python check of these figures frames a clip the same way and the
 * edge frames hold real sound rather than a half-empty window.
 *
 * <p>Every logarithm adds {@value #ENERGY_FLOOR} to the energy first. On this power scale that
 * floor lies about 154 dB under a full-scale sine's peak bin and 28 dB under 16-bit quantisation
 * noise (about 6e-8 per bin), so it only matters where the audio is digitally silent: a band silent
 * in both clips gives 0 dB, and a band silent in the original but not in the decode gives the
 * decode's level above the floor, {@code 10·log10(1 + E/1e-10)}, a large error on purpose,
 * because that is sound the original never had.
 */
public final class SpectralFigures {

    public static final int FFT_SIZE = 2048;
    public static final int HOP = 512;
    public static final int MEL_BANDS = 64;
    public static final double MEL_LOW_HZ = 40;
    public static final double MEL_HIGH_HZ = 15_000;
    /** Added to every energy before its logarithm. */
    public static final double ENERGY_FLOOR = 1e-10;
    /** Lower edge of the first octave band; band k covers [62.5·2^k, 125·2^k) Hz. */
    public static final double LOWEST_OCTAVE_HZ = 62.5;
    public static final int OCTAVE_BANDS = 7;

    private static final List<String> BAND_NAMES = List.of(
            "62.5-125", "125-250", "250-500", "500-1000", "1000-2000", "2000-4000", "4000-8000");

    private final float[] window;
    private final float[][] mel;
    /** Per mel band, the FFT bins where its triangle is non-zero: [melFirst, melEnd). */
    private final int[] melFirst;
    private final int[] melEnd;
    /** Per octave band, the FFT bins whose centre frequency lies in it: [octaveFirst, octaveEnd). */
    private final int[] octaveFirst;
    private final int[] octaveEnd;

    /**
     * @param sampleRate of the clips compared; at least 30 kHz, since the mel bands reach 15 kHz
     * @throws IllegalArgumentException for a lower rate
     */
    public SpectralFigures(int sampleRate) {
        if (!supports(sampleRate)) {
            throw new IllegalArgumentException("spectral figures need a sample rate of at least 30000 Hz"
                    + " (the mel bands reach 15 kHz), got " + sampleRate);
        }
        window = MelFilterbank.hann(FFT_SIZE);
        mel = MelFilterbank.triangles(sampleRate, FFT_SIZE, MEL_BANDS, MEL_LOW_HZ, MEL_HIGH_HZ);
        melFirst = new int[MEL_BANDS];
        melEnd = new int[MEL_BANDS];
        for (int m = 0; m < MEL_BANDS; m++) {
            int lo = 0;
            while (lo < mel[m].length && mel[m][lo] == 0) {
                lo++;
            }
            int hi = mel[m].length;
            while (hi > lo && mel[m][hi - 1] == 0) {
                hi--;
            }
            melFirst[m] = lo;
            melEnd[m] = hi;
        }
        octaveFirst = new int[OCTAVE_BANDS];
        octaveEnd = new int[OCTAVE_BANDS];
        double binHz = sampleRate / (double) FFT_SIZE;
        for (int k = 0; k < OCTAVE_BANDS; k++) {
            double lo = LOWEST_OCTAVE_HZ * (1 << k);
            // bin b is in the band when lo <= b·binHz < 2·lo
            octaveFirst[k] = (int) Math.ceil(lo / binHz - 1e-9);
            octaveEnd[k] = (int) Math.ceil(2 * lo / binHz - 1e-9);
        }
    }

    /** Whether the figures exist at this rate: its Nyquist frequency must reach the mel bands' 15 kHz top. */
    public static boolean supports(int sampleRate) {
        return sampleRate >= 2 * MEL_HIGH_HZ;
    }

    /** The octave bands' names in Hz, lowest first ("62.5-125" … "4000-8000"), as reports key them. */
    public static List<String> bandNames() {
        return BAND_NAMES;
    }

    /**
     * The figures of one clip.
     *
     * @param logMelDistanceDb mean over frames and mel bands of |original − decoded| in dB
     * @param bandLevelErrorDb per octave band, lowest first, |10·log10(decoded / original energy)|
     *                         over the whole clip
     */
    public record Comparison(double logMelDistanceDb, double[] bandLevelErrorDb) {

        public Comparison {
            if (!(logMelDistanceDb >= 0) || Double.isInfinite(logMelDistanceDb)) {
                throw new IllegalArgumentException("log-mel distance must be finite and >= 0, got " + logMelDistanceDb);
            }
            if (bandLevelErrorDb == null || bandLevelErrorDb.length != OCTAVE_BANDS) {
                throw new IllegalArgumentException("need one level error per octave band (" + OCTAVE_BANDS + ")");
            }
            bandLevelErrorDb = bandLevelErrorDb.clone();
            for (double e : bandLevelErrorDb) {
                if (!(e >= 0) || Double.isInfinite(e)) {
                    throw new IllegalArgumentException("band level errors must be finite and >= 0, got " + e);
                }
            }
        }

        @Override
        public double[] bandLevelErrorDb() {
            return bandLevelErrorDb.clone();
        }

        /** The largest of the band errors: the octave the codec gets most wrong in this clip. */
        public double worstBandErrorDb() {
            return Arrays.stream(bandLevelErrorDb).max().orElseThrow();
        }
    }

    /**
     * Compares a decoded clip with its original.
     *
     * @throws IllegalArgumentException if the clips are empty or differ in length
     */
    public Comparison compare(float[] original, float[] decoded) {
        if (original.length == 0 || original.length != decoded.length) {
            throw new IllegalArgumentException("need two clips of the same non-zero length, got "
                    + original.length + " and " + decoded.length + " samples");
        }
        int frames = 1 + original.length / HOP;
        FFT fft = new FFT(FFT_SIZE);
        float[] a = new float[FFT_SIZE];
        float[] b = new float[FFT_SIZE];
        double[] powerA = new double[FFT_SIZE / 2 + 1];
        double[] powerB = new double[FFT_SIZE / 2 + 1];
        double[] energyA = new double[OCTAVE_BANDS];
        double[] energyB = new double[OCTAVE_BANDS];
        double melSum = 0;
        for (int t = 0; t < frames; t++) {
            power(fft, original, t, a, powerA);
            power(fft, decoded, t, b, powerB);
            for (int m = 0; m < MEL_BANDS; m++) {
                melSum += Math.abs(decibels(melEnergy(m, powerA)) - decibels(melEnergy(m, powerB)));
            }
            for (int k = 0; k < OCTAVE_BANDS; k++) {
                for (int bin = octaveFirst[k]; bin < octaveEnd[k]; bin++) {
                    energyA[k] += powerA[bin];
                    energyB[k] += powerB[bin];
                }
            }
        }
        double[] bandErrors = new double[OCTAVE_BANDS];
        for (int k = 0; k < OCTAVE_BANDS; k++) {
            bandErrors[k] = Math.abs(decibels(energyB[k]) - decibels(energyA[k]));
        }
        return new Comparison(melSum / ((double) frames * MEL_BANDS), bandErrors);
    }

    private static double decibels(double energy) {
        return 10 * Math.log10(energy + ENERGY_FLOOR);
    }

    private double melEnergy(int band, double[] power) {
        float[] w = mel[band];
        double sum = 0;
        for (int bin = melFirst[band]; bin < melEnd[band]; bin++) {
            sum += w[bin] * power[bin];
        }
        return sum;
    }

    /** Power per bin, [FFT_SIZE/2 + 1], of the windowed frame centred on sample t·HOP. */
    private void power(FFT fft, float[] x, int t, float[] buffer, double[] power) {
        int start = t * HOP - FFT_SIZE / 2;
        for (int i = 0; i < FFT_SIZE; i++) {
            buffer[i] = x[reflect(start + i, x.length)] * window[i];
        }
        fft.forwardTransform(buffer);
        // real-FFT packing: [Re0, Re(N/2), Re1, Im1, Re2, Im2, ...]
        power[0] = (double) buffer[0] * buffer[0];
        power[FFT_SIZE / 2] = (double) buffer[1] * buffer[1];
        for (int k = 1; k < FFT_SIZE / 2; k++) {
            double re = buffer[2 * k];
            double im = buffer[2 * k + 1];
            power[k] = re * re + im * im;
        }
    }

    /** Index i mirrored into [0, length) without repeating the edge sample (numpy's "reflect"). */
    static int reflect(int i, int length) {
        if (length == 1) {
            return 0;
        }
        int period = 2 * (length - 1);
        int j = Math.floorMod(i, period);
        return j < length ? j : period - j;
    }
}
