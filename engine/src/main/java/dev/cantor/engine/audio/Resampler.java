package dev.cantor.engine.audio;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Band-limited sample-rate conversion between any two integer rates with a Kaiser-windowed
 * sinc kernel (J. O. Smith, "Digital Audio Resampling", ccrma.stanford.edu/~jos/resample).
 *
 * <p>Output sample {@code n} sits at input time {@code t = n·from/to} and is
 * {@code Σ_k x[k]·h(k − t)}, where {@code h} is a low-pass at {@value #ROLLOFF} of the lower
 * Nyquist frequency (the margin leaves room for the filter's transition band so nothing
 * above the new Nyquist folds back). The kernel spans {@value #HALF_WIDTH} samples either
 * side at the lower rate, giving about {@value #STOPBAND_DB} dB of stop-band rejection.
 *
 * <p>With {@code g = gcd(from, to)}, only {@code to/g} distinct fractional positions occur.
 * When that table fits in memory and is worth building, the kernel is precomputed for each
 * of them (each phase normalized to unity DC gain); otherwise it is read per output sample
 * by linear interpolation from a finely oversampled copy of the kernel (error ≈ −100 dB). Samples before the start and after the end count as silence.
 */
public final class Resampler {

    /** Cutoff as a fraction of the lower Nyquist frequency. */
    static final double ROLLOFF = 0.90;
    /** Kernel half-length in samples of the lower rate (zero crossings of the sinc each side ≈ ROLLOFF × this). */
    static final int HALF_WIDTH = 32;
    /** Design stop-band attenuation; sets the Kaiser β. */
    static final double STOPBAND_DB = 80;
    /** Largest phase table, in floats (16 MB). */
    private static final long MAX_TABLE_FLOATS = 4L << 20;
    /** Up to this size the table is filled from the exact kernel; beyond, Bessel evaluations would dominate. */
    private static final long EXACT_TABLE_FLOATS = 1L << 16;
    /** Interpolated-kernel resolution: table points per sinc zero crossing; error ≈ −100 dB. */
    private static final int POINTS_PER_CROSSING = 512;

    private Resampler() {
    }

    /**
     * Resamples {@code x} from {@code fromRate} to {@code toRate} Hz. The output has
     * {@code round(x.length × toRate / fromRate)} samples; equal rates give a copy.
     *
     * @throws IllegalArgumentException for non-positive rates or an output too long for an array
     */
    public static float[] resample(float[] x, int fromRate, int toRate) {
        Objects.requireNonNull(x, "x");
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return x.clone();
        }
        long outLength = ((long) x.length * toRate + fromRate / 2) / fromRate; // round half up, exact
        if (outLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("resampled audio would be too long: " + outLength + " samples");
        }
        int g = gcd(fromRate, toRate);
        int phases = toRate / g;  // distinct fractional positions (L)
        int step = fromRate / g;  // input advance per output in 1/L units (M)

        double cutoff = ROLLOFF * 0.5 * Math.min(fromRate, toRate) / fromRate; // cycles per input sample
        double halfSpan = HALF_WIDTH * (double) fromRate / Math.min(fromRate, toRate); // in input samples
        int taps = 2 * (int) Math.ceil(halfSpan);
        Kernel kernel = new Kernel(cutoff, halfSpan);

        float[] y = new float[(int) outLength];
        long tableFloats = (long) phases * taps;
        // A table only pays off if its phases are reused, i.e. there are more outputs than phases.
        if (tableFloats <= MAX_TABLE_FLOATS && phases <= y.length) {
            DoubleUnaryOperator h = tableFloats <= EXACT_TABLE_FLOATS ? kernel::at : new FineKernel(kernel)::at;
            resampleWithTable(x, y, phaseTable(h, phases, taps), phases, step, taps);
        } else {
            resampleInterpolated(x, y, kernel, phases, step, taps);
        }
        return y;
    }

    /**
     * Row {@code p} holds the weights for an output at fractional position {@code p/L}:
     * entry {@code j} multiplies {@code x[base − taps/2 + 1 + j]}.
     */
    private static float[][] phaseTable(DoubleUnaryOperator kernel, int phases, int taps) {
        float[][] table = new float[phases][taps];
        int first = -taps / 2 + 1;
        for (int p = 0; p < phases; p++) {
            double frac = p / (double) phases;
            double sum = 0;
            double[] row = new double[taps];
            for (int j = 0; j < taps; j++) {
                row[j] = kernel.applyAsDouble(first + j - frac);
                sum += row[j];
            }
            // Unity DC gain per phase: otherwise tiny per-phase gain differences add a faint
            // tone at the phase-cycle rate to constant signals.
            for (int j = 0; j < taps; j++) {
                table[p][j] = (float) (row[j] / sum);
            }
        }
        return table;
    }

    private static void resampleWithTable(float[] x, float[] y, float[][] table, int phases, int step, int taps) {
        int first = -taps / 2 + 1;
        long position = 0; // n·M, so base = position / L and phase = position % L stay exact
        for (int n = 0; n < y.length; n++, position += step) {
            int base = (int) (position / phases);
            float[] h = table[(int) (position % phases)];
            int k0 = base + first;
            int jStart = Math.max(0, -k0);
            int jEnd = Math.min(taps, x.length - k0);
            y[n] = dot(x, k0, h, jStart, jEnd);
        }
    }

    /** Σ x[k0 + j]·h[j] for j in [jStart, jEnd), with four partial sums so the adds can overlap. */
    private static float dot(float[] x, int k0, float[] h, int jStart, int jEnd) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = jStart;
        for (; j + 3 < jEnd; j += 4) {
            s0 += x[k0 + j] * h[j];
            s1 += x[k0 + j + 1] * h[j + 1];
            s2 += x[k0 + j + 2] * h[j + 2];
            s3 += x[k0 + j + 3] * h[j + 3];
        }
        for (; j < jEnd; j++) {
            s0 += x[k0 + j] * h[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** For ratios with too many phases to tabulate (e.g. 44 100 → 48 001 Hz). */
    private static void resampleInterpolated(float[] x, float[] y, Kernel kernel, int phases, int step, int taps) {
        FineKernel fine = new FineKernel(kernel);
        int first = -taps / 2 + 1;
        long position = 0;
        for (int n = 0; n < y.length; n++, position += step) {
            int base = (int) (position / phases);
            double frac = (position % phases) / (double) phases;
            int k0 = base + first;
            int jStart = Math.max(0, -k0);
            int jEnd = Math.min(taps, x.length - k0);
            double acc = 0;
            double gain = 0;
            for (int j = jStart; j < jEnd; j++) {
                double w = fine.at(first + j - frac);
                acc += x[k0 + j] * w;
                gain += w;
            }
            // Normalize by the full kernel's sum, not the clipped one, so edges fade like silence.
            y[n] = (float) (acc / (jStart == 0 && jEnd == taps ? gain : fine.sumAt(first, taps, frac)));
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The continuous windowed-sinc h(τ), τ in input samples. */
    private static final class Kernel {
        private final double cutoff;
        private final double halfSpan;
        private final double beta;
        private final double i0Beta;

        Kernel(double cutoff, double halfSpan) {
            this.cutoff = cutoff;
            this.halfSpan = halfSpan;
            this.beta = 0.1102 * (STOPBAND_DB - 8.7); // Kaiser's formula for A > 50 dB
            this.i0Beta = besselI0(beta);
        }

        double at(double tau) {
            double u = tau / halfSpan;
            if (u <= -1 || u >= 1) {
                return 0;
            }
            double window = besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
            double arg = 2 * cutoff * tau;
            double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            return 2 * cutoff * sinc * window;
        }

        /** Modified Bessel function of the first kind, order 0, by its power series. */
        private static double besselI0(double x) {
            double sum = 1;
            double term = 1;
            double q = x * x / 4;
            for (int k = 1; k < 64 && term > 1e-12 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return sum;
        }
    }

    /** h sampled densely over [0, halfSpan] (it is even) and read with linear interpolation. */
    private static final class FineKernel {
        private final float[] values;
        private final double pointsPerSample;

        FineKernel(Kernel kernel) {
            // Resolution relative to the sinc's zero crossings, which are 1/(2·cutoff) input samples apart.
            pointsPerSample = POINTS_PER_CROSSING * 2 * kernel.cutoff;
            int n = (int) Math.ceil(kernel.halfSpan * pointsPerSample) + 2;
            values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) kernel.at(i / pointsPerSample);
            }
        }

        double at(double tau) {
            double pos = Math.abs(tau) * pointsPerSample;
            int i = (int) pos;
            if (i + 1 >= values.length) {
                return 0;
            }
            double f = pos - i;
            return values[i] + f * (values[i + 1] - values[i]);
        }

        double sumAt(int first, int taps, double frac) {
            double sum = 0;
            for (int j = 0; j < taps; j++) {
                sum += at(first + j - frac);
            }
            return sum;
        }
    }
}
