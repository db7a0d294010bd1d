package dev.cantor.engine.eval;

import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.TempoEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures a rendered story the way issue 6 asks: the estimated tempo of each section (after its
 * transition, so it hears the new section and not the change), and at each seam the largest
 * sample-to-sample jump within ±10 ms beside the 99.9th percentile of jumps elsewhere in the
 * piece (a click would stand out) and the level of the 100 ms around it beside the piece's and
 * beside the 10th percentile of the levels of all the piece's 100 ms windows (a gap would be
 * quieter than that; a calm section next to a loud one is not).
 */
public final class StoryCheck {

    private static final double SEAM_WINDOW_SECONDS = 0.01;
    private static final double LEVEL_WINDOW_SECONDS = 0.05;

    /** A section's measured tempo over [from, to) seconds (NaN when too short to estimate). */
    public record Section(double from, double to, double estimatedBpm) {
    }

    /**
     * A seam between two sections: the largest jump near it and the 99.9th percentile of jumps in
     * the piece; its level, the piece's, and the 10th percentile of the piece's window levels.
     */
    public record Seam(double at, double maxJump, double jumpP999Elsewhere, double rms, double pieceRms,
                       double rmsP10Elsewhere) {
    }

    public record Report(List<Section> sections, List<Seam> seams) {
    }

    private StoryCheck() {
    }

    public static Report of(StoryResult story, double transitionSeconds) {
        AudioClip clip = story.audio();
        float[] x = clip.samples();
        int rate = clip.sampleRate();
        TempoEstimator tempo = new TempoEstimator();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < story.sections(); i++) {
            double from = Math.min(story.endSeconds(i), story.startSeconds(i) + (i == 0 ? 0 : transitionSeconds));
            double to = story.endSeconds(i);
            float[] part = Arrays.copyOfRange(x, (int) Math.round(from * rate), (int) Math.round(to * rate));
            double bpm;
            try {
                bpm = part.length == 0 ? Double.NaN : tempo.estimateBpm(new AudioClip(part, rate));
            } catch (IllegalArgumentException e) {
                bpm = Double.NaN;                  // too short for the estimator
            }
            sections.add(new Section(from, to, bpm));
        }
        float[] jumps = new float[Math.max(0, x.length - 1)];
        for (int i = 1; i < x.length; i++) {
            jumps[i - 1] = Math.abs(x[i] - x[i - 1]);
        }
        float[] sorted = jumps.clone();
        Arrays.sort(sorted);
        double p999 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.999)];
        double pieceRms = rms(x, 0, x.length);
        List<Seam> seams = new ArrayList<>();
        int near = (int) Math.round(SEAM_WINDOW_SECONDS * rate);
        int level = (int) Math.round(LEVEL_WINDOW_SECONDS * rate);
        double quietLevel = windowLevelPercentile(x, 2 * level, level, 0.10);
        for (int i = 1; i < story.sections(); i++) {
            int b = (int) Math.round(story.startSeconds(i) * rate);
            double max = 0;
            for (int k = Math.max(0, b - near); k < Math.min(jumps.length, b + near); k++) {
                max = Math.max(max, jumps[k]);
            }
            seams.add(new Seam(b / (double) rate, max, p999, rms(x, b - level, b + level), pieceRms, quietLevel));
        }
        return new Report(sections, seams);
    }

    /** The {@code share} percentile of the levels of windows of {@code width} samples every {@code hop}. */
    private static double windowLevelPercentile(float[] x, int width, int hop, double share) {
        if (width <= 0 || x.length < width) {
            return rms(x, 0, x.length);
        }
        double[] levels = new double[(x.length - width) / hop + 1];
        for (int w = 0; w < levels.length; w++) {
            levels[w] = rms(x, w * hop, w * hop + width);
        }
        Arrays.sort(levels);
        return levels[(int) Math.min(levels.length - 1, levels.length * share)];
    }

    private static double rms(float[] x, int from, int to) {
        int a = Math.max(0, from);
        int b = Math.min(x.length, to);
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += x[i] * x[i];
        }
        return b > a ? Math.sqrt(sum / (b - a)) : 0;
    }
}
