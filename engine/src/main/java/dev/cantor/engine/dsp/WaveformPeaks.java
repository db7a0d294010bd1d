package dev.cantor.engine.dsp;

import dev.cantor.engine.api.Waveform;

/**
 * Min/max envelope of a clip for drawing its waveform at any zoom: a pyramid of levels, each
 * holding the minimum and maximum of buckets twice as long as the level below. Drawing asks for
 * one (min, max) pair per screen column over a sample range and gets them from the coarsest
 * level that is still finer than a column, so a 10-minute take redraws as fast as a 1-second
 * one. Built once per take, off the UI thread.
 */
public final class WaveformPeaks implements Waveform {

    /** Samples per bucket of the finest level. */
    public static final int BASE_BUCKET = 32;

    private final int length;
    /** levels[l] = [min0, max0, min1, max1, …], bucket size BASE_BUCKET · 2^l. */
    private final float[][] levels;

    private WaveformPeaks(int length, float[][] levels) {
        this.length = length;
        this.levels = levels;
    }

    /** Builds the pyramid of {@code samples} (mono). */
    public static WaveformPeaks of(float[] samples) {
        int buckets = Math.max(1, (samples.length + BASE_BUCKET - 1) / BASE_BUCKET);
        float[] base = new float[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = b * BASE_BUCKET;
            int to = Math.min(samples.length, from + BASE_BUCKET);
            float min = 0;
            float max = 0;
            if (from < to) {
                min = Float.POSITIVE_INFINITY;
                max = Float.NEGATIVE_INFINITY;
                for (int i = from; i < to; i++) {
                    min = Math.min(min, samples[i]);
                    max = Math.max(max, samples[i]);
                }
            }
            base[2 * b] = min;
            base[2 * b + 1] = max;
        }
        java.util.List<float[]> pyramid = new java.util.ArrayList<>();
        pyramid.add(base);
        float[] level = base;
        while (level.length > 2) {
            int n = (level.length / 2 + 1) / 2;
            float[] up = new float[2 * n];
            for (int b = 0; b < n; b++) {
                int a = 2 * b;
                int c = Math.min(a + 1, level.length / 2 - 1);
                up[2 * b] = Math.min(level[2 * a], level[2 * c]);
                up[2 * b + 1] = Math.max(level[2 * a + 1], level[2 * c + 1]);
            }
            pyramid.add(up);
            level = up;
        }
        return new WaveformPeaks(samples.length, pyramid.toArray(new float[0][]));
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public float[] columns(long from, long to, int columns) {
        if (columns < 1 || to <= from) {
            throw new IllegalArgumentException("need at least one column over a non-empty range");
        }
        float[] out = new float[2 * columns];
        double samplesPerColumn = (double) (to - from) / columns;
        int level = 0;
        while (level + 1 < levels.length && ((long) BASE_BUCKET << (level + 1)) <= samplesPerColumn) {
            level++;
        }
        float[] peaks = levels[level];
        long bucket = (long) BASE_BUCKET << level;
        int buckets = peaks.length / 2;
        for (int c = 0; c < columns; c++) {
            long start = from + (long) Math.floor(c * samplesPerColumn);
            long end = from + (long) Math.floor((c + 1) * samplesPerColumn);
            if (start >= length || end <= 0) {
                continue;
            }
            int first = (int) Math.max(0, start / bucket);
            int last = (int) Math.min(buckets - 1, Math.max(first, (Math.max(start + 1, end) - 1) / bucket));
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (int b = first; b <= last; b++) {
                min = Math.min(min, peaks[2 * b]);
                max = Math.max(max, peaks[2 * b + 1]);
            }
            out[2 * c] = min;
            out[2 * c + 1] = max;
        }
        return out;
    }
}
