package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import dev.cantor.engine.audio.AudioClip;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Estimates the tempo (beats per minute) of audio, in pure Java.
 *
 * <ol>
 *   <li>Onset strength: spectral flux of mildly log-compressed energy in log-spaced bands,
 *       200 frames per second, local mean removed and half-wave rectified.</li>
 *   <li>Periodicity: the envelope's autocorrelation, summed over the first multiples of each
 *       candidate beat period (a comb), so a steady pulse scores above a single coincidence.</li>
 *   <li>Metrical level: the comb alone cannot tell the beat from its half or double. For each
 *       candidate the pulse grid is aligned to the envelope (best phase) and two things are
 *       measured: whether alternate pulses are equally strong (they are not when the candidate
 *       is twice too fast and every other "beat" is an off-beat) and whether the points half-way
 *       between pulses are weak (they are not when the candidate is twice too slow and skips
 *       real beats). The score multiplies the comb by both, and by a prior that is flat from
 *       70 to 170 BPM and falls off by half an octave (standard deviation) outside it, so
 *       40 BPM or 230 BPM win only on clear evidence.</li>
 *   <li>Precision: the winner is refined on a 0.02 % grid with the comb over as many beats as
 *       the clip holds, which pins the period far below one frame.</li>
 * </ol>
 *
 * <p>Octave errors remain possible on music whose off-beats are as loud as its beats; the
 * candidates let a caller see the alternatives.
 */
public final class TempoEstimator {

    /** A tempo hypothesis and its relative score (the best is 1). */
    public record Candidate(double bpm, double score) {
    }

    /** The best tempo and the runners-up (distinct metrical levels), best first. */
    public record Estimate(double bpm, List<Candidate> candidates) {
    }

    private static final double FRAMES_PER_SECOND = 200;
    /** The prior is flat over this range, where most music is felt, and falls off outside it. */
    private static final double PRIOR_LOW_BPM = 70;
    private static final double PRIOR_HIGH_BPM = 170;
    private static final double PRIOR_FALLOFF_OCTAVES = 0.5;
    /**
     * Compression of band energies before differencing: mild, so a loud beat still gives a
     * bigger onset than a soft off-beat (strong log compression made accents vanish and
     * doubled the tempo of accented eighth-note patterns).
     */
    private static final double COMPRESSION = 3;
    private static final int BANDS = 36;

    private final double minBpm;
    private final double maxBpm;

    /** Searches 40–240 BPM. */
    public TempoEstimator() {
        this(40, 240);
    }

    public TempoEstimator(double minBpm, double maxBpm) {
        if (!(minBpm > 0 && maxBpm > minBpm * 1.5)) {
            throw new IllegalArgumentException("need 0 < minBpm and maxBpm > 1.5 x minBpm");
        }
        this.minBpm = minBpm;
        this.maxBpm = maxBpm;
    }

    /** Estimated tempo of {@code clip} in BPM. */
    public double estimateBpm(AudioClip clip) {
        return estimate(clip.samples(), clip.sampleRate()).bpm();
    }

    /**
     * Estimates the tempo of mono audio.
     *
     * @throws IllegalArgumentException when the audio is shorter than three beats at the slowest
     *                                  tempo searched, or silent
     */
    public Estimate estimate(float[] samples, int sampleRate) {
        int hop = (int) Math.round(sampleRate / FRAMES_PER_SECOND);
        double fps = sampleRate / (double) hop;
        float[] env = onsetEnvelope(samples, sampleRate, hop);
        double longestPeriod = 60 * fps / minBpm;
        if (env.length < 3 * longestPeriod) {
            throw new IllegalArgumentException(String.format(
                    "audio too short to estimate tempo down to %.0f BPM: need at least %.1f s", minBpm,
                    3 * 60 / minBpm));
        }
        double[] acf = autocorrelation(env, env.length / 2 + 1);
        if (!(acf[0] > 0)) {
            throw new IllegalArgumentException("audio has no onsets (silent or constant)");
        }
        List<Candidate> scored = new ArrayList<>();
        double step = 1.005;
        for (double bpm = minBpm; bpm <= maxBpm; bpm *= step) {
            scored.add(new Candidate(bpm, score(env, acf, 60 * fps / bpm, bpm)));
        }
        List<Candidate> peaks = localMaxima(scored);
        if (peaks.isEmpty() || peaks.get(0).score() <= 0) {
            throw new IllegalArgumentException("audio has no steady pulse to estimate a tempo from");
        }
        double best = refine(acf, fps, peaks.get(0).bpm(), env.length);
        double top = peaks.get(0).score();
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(best, 1.0));
        for (int i = 1; i < peaks.size() && candidates.size() < 5; i++) {
            candidates.add(new Candidate(peaks.get(i).bpm(), peaks.get(i).score() / top));
        }
        return new Estimate(best, List.copyOf(candidates));
    }

    private double score(float[] env, double[] acf, double period, double bpm) {
        double comb = comb(acf, period, 4);
        if (comb <= 0) {
            return 0;
        }
        Pulse pulse = Pulse.align(env, period);
        double outside = bpm < PRIOR_LOW_BPM ? Math.log(PRIOR_LOW_BPM / bpm)
                : bpm > PRIOR_HIGH_BPM ? Math.log(bpm / PRIOR_HIGH_BPM) : 0;
        double octaves = outside / Math.log(2) / PRIOR_FALLOFF_OCTAVES;
        double prior = Math.exp(-0.5 * octaves * octaves);
        return comb * prior * pulse.evenness() * (1 - pulse.midpointRatio());
    }

    /** Mean autocorrelation at the first {@code maxMultiples} multiples of {@code period} that fit. */
    private static double comb(double[] acf, double period, int maxMultiples) {
        double sum = 0;
        int n = 0;
        for (int k = 1; k <= maxMultiples && k * period < acf.length - 1; k++) {
            sum += interpolate(acf, k * period);
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Maximises the comb over all beats that fit in half the clip, around {@code bpm} (±2 %). */
    private static double refine(double[] acf, double fps, double bpm, int frames) {
        double bestBpm = bpm;
        double bestComb = Double.NEGATIVE_INFINITY;
        for (double b = bpm * 0.98; b <= bpm * 1.02; b *= 1.0002) {
            double period = 60 * fps / b;
            int multiples = (int) Math.max(1, Math.min(32, (frames / 2.0) / period));
            double c = comb(acf, period, multiples);
            if (c > bestComb) {
                bestComb = c;
                bestBpm = b;
            }
        }
        return bestBpm;
    }

    private static List<Candidate> localMaxima(List<Candidate> scored) {
        List<Candidate> peaks = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            double s = scored.get(i).score();
            double left = i > 0 ? scored.get(i - 1).score() : Double.NEGATIVE_INFINITY;
            double right = i + 1 < scored.size() ? scored.get(i + 1).score() : Double.NEGATIVE_INFINITY;
            if (s > 0 && s >= left && s > right) {
                peaks.add(scored.get(i));
            }
        }
        peaks.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return peaks;
    }

    /** How a pulse train of one period lines up with the onset envelope at its best phase. */
    private record Pulse(double evenness, double midpointRatio) {

        static Pulse align(float[] env, double period) {
            int phases = Math.max(1, (int) Math.floor(period));
            double bestGrid = -1;
            int bestPhase = 0;
            for (int phase = 0; phase < phases; phase++) {
                double g = gridMean(env, phase, period, 0, 1);
                if (g > bestGrid) {
                    bestGrid = g;
                    bestPhase = phase;
                }
            }
            if (bestGrid <= 0) {
                return new Pulse(0, 1);
            }
            double even = gridMean(env, bestPhase, period, 0, 2);
            double odd = gridMean(env, bestPhase + period, period, 0, 2);
            double evenness = Math.max(even, odd) > 0 ? Math.min(even, odd) / Math.max(even, odd) : 0;
            double mid = gridMean(env, bestPhase + period / 2, period, 0, 1);
            return new Pulse(evenness, Math.min(1, mid / bestGrid));
        }

        /** Mean of the envelope's local maxima (±1 frame) at start + (offset + i * every) * period. */
        private static double gridMean(float[] env, double start, double period, int offset, int every) {
            double sum = 0;
            int n = 0;
            for (double x = start + offset * period; x < env.length - 1; x += every * period) {
                int c = (int) Math.round(x);
                float v = env[c];
                if (c > 0) {
                    v = Math.max(v, env[c - 1]);
                }
                if (c + 1 < env.length) {
                    v = Math.max(v, env[c + 1]);
                }
                sum += v;
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    /**
     * Onset strength per frame: positive change of log band energies, minus its local mean
     * (a quarter second either side), half-wave rectified.
     */
    static float[] onsetEnvelope(float[] samples, int sampleRate, int hop) {
        int size = Integer.highestOneBit((int) Math.ceil(sampleRate * 0.03) - 1) << 1;
        int frames = Math.max(0, (samples.length - size) / hop + 1);
        int[] bandEdges = bandEdges(size, sampleRate);
        FFT fft = new FFT(size, new HannWindow());
        float[] buffer = new float[size];
        float[] magnitude = new float[size / 2];
        double[] previous = new double[BANDS];
        double[] current = new double[BANDS];
        float[] flux = new float[frames];
        double norm = size / 4.0;
        for (int f = 0; f < frames; f++) {
            System.arraycopy(samples, f * hop, buffer, 0, size);
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            double sum = 0;
            for (int b = 0; b < BANDS; b++) {
                double e = 0;
                for (int k = bandEdges[b]; k < bandEdges[b + 1]; k++) {
                    e += magnitude[k];
                }
                current[b] = Math.log1p(COMPRESSION * e / norm);
                if (f > 0) {
                    sum += Math.max(0, current[b] - previous[b]);
                }
            }
            flux[f] = (float) sum;
            double[] t = previous;
            previous = current;
            current = t;
        }
        return subtractLocalMean(flux, (int) Math.round(0.25 * sampleRate / hop));
    }

    /** FFT bin boundaries of {@link #BANDS} log-spaced bands from 30 Hz to 12 kHz (or Nyquist). */
    private static int[] bandEdges(int size, int sampleRate) {
        double lo = 30;
        double hi = Math.min(12_000, sampleRate / 2.0);
        int[] edges = new int[BANDS + 1];
        int prev = 0;
        for (int b = 0; b <= BANDS; b++) {
            double hz = lo * Math.pow(hi / lo, b / (double) BANDS);
            int bin = (int) Math.round(hz * size / sampleRate);
            bin = Math.max(bin, b == 0 ? 0 : prev + 1);
            edges[b] = Math.min(bin, size / 2);
            prev = edges[b];
        }
        return edges;
    }

    private static float[] subtractLocalMean(float[] x, int radius) {
        float[] out = new float[x.length];
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) {
            prefix[i + 1] = prefix[i] + x[i];
        }
        for (int i = 0; i < x.length; i++) {
            int a = Math.max(0, i - radius);
            int b = Math.min(x.length, i + radius + 1);
            double mean = (prefix[b] - prefix[a]) / (b - a);
            out[i] = (float) Math.max(0, x[i] - mean);
        }
        return out;
    }

    /** Autocorrelation at lags 0..maxLag-1, each normalised by its number of overlapping frames. */
    private static double[] autocorrelation(float[] x, int maxLag) {
        double[] acf = new double[Math.min(maxLag, x.length)];
        for (int lag = 0; lag < acf.length; lag++) {
            double s = 0;
            for (int i = 0; i + lag < x.length; i++) {
                s += x[i] * x[i + lag];
            }
            acf[lag] = s / (x.length - lag);
        }
        return acf;
    }

    private static double interpolate(double[] a, double x) {
        int i = (int) Math.floor(x);
        if (i < 0 || i + 1 >= a.length) {
            return 0;
        }
        double f = x - i;
        return a[i] * (1 - f) + a[i + 1] * f;
    }
}
