package dev.cantor.engine.dsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test signals: a monophonic line of steady tones and silences, optionally with vibrato and
 * harmonics (a hum-like timbre), plus the truth per frame to compare trackers against.
 */
public final class SineMelody {

    /** A tone of {@code hz} (0 = silence) lasting {@code seconds}. */
    public record Segment(double hz, double seconds) {
    }

    public static final int RATE = 32_000;
    public static final double FRAME_RATE = 50;

    /** A4 0.5 s, C5 0.5 s, silence 0.3 s, E5 0.5 s. */
    public static final List<Segment> TUNE = List.of(
            new Segment(440.0, 0.5), new Segment(523.25, 0.5), new Segment(0, 0.3), new Segment(659.26, 0.5));

    private SineMelody() {
    }

    /** Pure sines at amplitude 0.5 with 10 ms fades so notes do not click. */
    public static float[] render(List<Segment> segments, int rate) {
        return render(segments, rate, 0, new double[] {1});
    }

    /**
     * @param vibratoCents depth of a 5.5 Hz vibrato, in cents either side
     * @param harmonics    relative amplitudes of partials 1, 2, 3, ...
     */
    public static float[] render(List<Segment> segments, int rate, double vibratoCents, double[] harmonics) {
        int total = 0;
        for (Segment s : segments) {
            total += (int) Math.round(s.seconds() * rate);
        }
        float[] out = new float[total];
        double norm = 0;
        for (double h : harmonics) {
            norm += h;
        }
        int at = 0;
        double phase = 0;
        for (Segment s : segments) {
            int n = (int) Math.round(s.seconds() * rate);
            int fade = rate / 100;
            for (int i = 0; i < n && s.hz() > 0; i++) {
                double hz = s.hz() * Math.pow(2, vibratoCents / 1200 * Math.sin(2 * Math.PI * 5.5 * i / rate));
                phase += 2 * Math.PI * hz / rate;
                double x = 0;
                for (int h = 0; h < harmonics.length; h++) {
                    x += harmonics[h] * Math.sin((h + 1) * phase);
                }
                double envelope = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
                out[at + i] = (float) (0.5 * envelope * x / norm);
            }
            at += n;
        }
        return out;
    }

    /**
     * Per frame: the segment's frequency when the frame centre is at least {@code margin}
     * seconds inside a segment, else -1 (near a boundary: not judged).
     */
    public static double[] interiorTruth(List<Segment> segments, double margin) {
        double total = 0;
        for (Segment s : segments) {
            total += s.seconds();
        }
        int frames = (int) Math.ceil(total * FRAME_RATE - 1e-9);
        double[] truth = new double[frames];
        for (int t = 0; t < frames; t++) {
            double centre = (t + 0.5) / FRAME_RATE;
            double start = 0;
            truth[t] = -1;
            for (Segment s : segments) {
                double end = start + s.seconds();
                if (centre >= start + margin && centre <= end - margin) {
                    truth[t] = s.hz();
                }
                start = end;
            }
        }
        return truth;
    }

    /** Pitch class of a frequency, or {@link MelodyChroma#REST} for 0 Hz. */
    public static int classOf(double hz) {
        return hz == 0 ? MelodyChroma.REST : (int) Math.floorMod(Math.round(69 + 12 * Math.log(hz / 440) / Math.log(2)), 12L);
    }

    /** Share of judged frames (truth >= 0) whose class matches the truth's. */
    public static double classAccuracy(int[] classes, double[] truth) {
        int judged = 0;
        int right = 0;
        for (int t = 0; t < truth.length; t++) {
            if (truth[t] >= 0) {
                judged++;
                if (classes[t] == classOf(truth[t])) {
                    right++;
                }
            }
        }
        if (judged == 0) {
            throw new AssertionError("no frames judged");
        }
        return right / (double) judged;
    }

    /** Seeded white noise at the given RMS. */
    public static float[] whiteNoise(double seconds, int rate, double rms, long seed) {
        Random rnd = new Random(seed);
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rms * rnd.nextGaussian());
        }
        return x;
    }

    /** A list of segments built from alternating hz, seconds values. */
    public static List<Segment> of(double... hzSeconds) {
        List<Segment> list = new ArrayList<>();
        for (int i = 0; i + 1 < hzSeconds.length; i += 2) {
            list.add(new Segment(hzSeconds[i], hzSeconds[i + 1]));
        }
        return list;
    }
}
