package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;

/**
 * How audible the join of a loop is, against the rest of the piece: the clip is read as a circle
 * (played end to end, the sample after the last is the first), and the join is scored exactly as
 * every other boundary on a grid of hops through the piece. "No jump at the join larger than the
 * piece has elsewhere" is then {@link Measure#seamless()}: the join scores at most the largest
 * score elsewhere, on both measures.
 *
 * <p>Two measures, because a cut can fail in two ways:
 * <ul>
 *   <li><b>spectral flux</b>: the distance between the log-compressed magnitude spectra of
 *   successive half-overlapping Hann frames (about 32 ms), the largest of the two steps into and
 *   out of the frame centred on the boundary. A frame must straddle the boundary: the two frames
 *   that merely meet there cannot see a click at their shared edge (a tone cut out of phase has
 *   the same magnitude spectrum on both sides). Catches a change of sound: a chord or a drum
 *   pattern that stops mid-bar, a level that drops.
 *   <li><b>sample step</b>: |x[0] − x[n−1]|, the first difference across the join, against the
 *   first difference of every other pair of neighbouring samples. Catches a waveform
 *   discontinuity, which sounds as a click even when the spectrum hardly changes. Taken at the one
 *   pair rather than as the largest step within a window around the join, since a window would
 *   let a drum hit beside the join excuse a click.
 * </ul>
 * The percentile says where the join falls among the boundaries (or sample pairs) elsewhere: the
 * share of them that score less, so a join that passes can still be seen to sit high.
 */
public final class LoopJoin {

    /** Frame length, about 32 ms: long enough to resolve a bass note, short enough to place a click. */
    private static final double FRAME_SECONDS = 0.032;
    /** Magnitudes (in amplitude units) are compressed as log(1 + C·m): −60 dBFS weighs as much as a full-scale step does in linear terms. */
    private static final double COMPRESSION = 1000;
    /** Short loops get shorter frames, so there are always this many boundaries to compare. */
    private static final int MIN_BOUNDARIES = 16;
    private static final int MIN_FRAME = 32;

    private LoopJoin() {
    }

    /**
     * The join's scores and those of the piece elsewhere.
     *
     * @param joinFlux          spectral flux at the join
     * @param fluxMaxElsewhere  the largest spectral flux at any other boundary
     * @param fluxPercentile    share of the other boundaries with a smaller flux, in percent
     * @param joinStep          the sample step across the join
     * @param stepMaxElsewhere  the largest step between any other two neighbouring samples
     * @param stepPercentile    share of the other sample pairs with a smaller step, in percent
     * @param boundaries        how many other boundaries the flux was compared with
     */
    public record Measure(double joinFlux, double fluxMaxElsewhere, double fluxPercentile, double joinStep,
                          double stepMaxElsewhere, double stepPercentile, int boundaries) {

        /** The join jumps no more than the piece does somewhere else, on both measures. */
        public boolean seamless() {
            return joinFlux <= fluxMaxElsewhere && joinStep <= stepMaxElsewhere;
        }
    }

    /**
     * Scores the join of {@code loop} (played end to end, its last sample followed by its first).
     *
     * @throws IllegalArgumentException when the loop is shorter than {@value #MIN_BOUNDARIES} × {@value #MIN_FRAME} samples
     */
    public static Measure of(float[] loop, int sampleRate) {
        int n = loop.length;
        if (n < MIN_BOUNDARIES * MIN_FRAME || sampleRate <= 0) {
            throw new IllegalArgumentException("a loop of " + n + " samples is too short to measure its join");
        }
        // the power of two nearest FRAME_SECONDS (1024 samples at 32 kHz and 44.1 kHz, 2048 at 48 kHz)
        int frame = Integer.highestOneBit((int) Math.round(FRAME_SECONDS * sampleRate * 4 / 3.0));
        frame = Math.max(MIN_FRAME, Math.min(frame, Integer.highestOneBit(2 * n / MIN_BOUNDARIES)));
        int hop = frame / 2;
        Spectra spectra = new Spectra(loop, frame);
        int count = n / hop;                                        // boundaries at k·hop; k = 0 is the join
        // moved[j + 1]: distance from the frame starting at (j − 1)·hop to the one at j·hop, j ≥ −1
        double[] moved = new double[count + 1];
        double[] previous = spectra.at(-2 * hop);
        for (int j = -1; j < count; j++) {
            double[] current = spectra.at(j * hop);
            moved[j + 1] = distance(previous, current);
            previous = current;
        }
        // The flux at boundary k·hop uses the frames at (k − 2)·hop (ending there), (k − 1)·hop
        // (centred on it) and k·hop (starting there). Boundaries whose frames reach over the join
        // would carry its jump into "elsewhere": they are left out.
        double joinFlux = Math.max(moved[0], moved[1]);
        double fluxMax = 0;
        int fluxBelow = 0;
        int scored = 0;
        for (int k = 1; k < count; k++) {
            int b = k * hop;
            if (b < frame || n - b < frame) {
                continue;
            }
            double flux = Math.max(moved[k], moved[k + 1]);
            fluxMax = Math.max(fluxMax, flux);
            fluxBelow += flux < joinFlux ? 1 : 0;
            scored++;
        }
        double joinStep = Math.abs(loop[0] - loop[n - 1]);
        double stepMax = 0;
        int stepBelow = 0;
        for (int i = 1; i < n; i++) {
            double step = Math.abs(loop[i] - loop[i - 1]);
            stepMax = Math.max(stepMax, step);
            stepBelow += step < joinStep ? 1 : 0;
        }
        return new Measure(joinFlux, fluxMax, 100.0 * fluxBelow / scored, joinStep, stepMax,
                100.0 * stepBelow / (n - 1), scored);
    }

    /** Euclidean distance of two compressed spectra. */
    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** Log-compressed magnitude spectra of Hann frames read around the circle. */
    private static final class Spectra {
        private final float[] x;
        private final int size;
        private final FFT fft;
        private final float[] buffer;
        private final float[] magnitude;
        private final double toAmplitude;

        Spectra(float[] x, int size) {
            this.x = x;
            this.size = size;
            this.fft = new FFT(size, new HannWindow());
            this.buffer = new float[size];
            this.magnitude = new float[size / 2];
            // A Hann window sums to size/2; a sine of amplitude A peaks at A·size/4.
            this.toAmplitude = 4.0 / size;
        }

        /** The spectrum of the frame starting at {@code start} (any integer: read modulo the length). */
        double[] at(int start) {
            for (int i = 0; i < size; i++) {
                buffer[i] = x[Math.floorMod(start + i, x.length)];
            }
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            double[] out = new double[magnitude.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.log1p(COMPRESSION * toAmplitude * magnitude[k]);
            }
            return out;
        }
    }
}
