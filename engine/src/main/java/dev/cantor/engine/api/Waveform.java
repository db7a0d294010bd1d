package dev.cantor.engine.api;

/**
 * A clip's waveform as a view draws it: one (min, max) pair per screen column over any sample
 * range, as fast for a 10-minute take as for a second (built once per take, off the UI thread,
 * by {@link AudioAnalysis#waveform}).
 */
public interface Waveform {

    /** Samples in the clip. */
    int length();

    /**
     * One (min, max) pair per column for samples [from, to): out[2c] is the minimum and
     * out[2c + 1] the maximum over column c. Columns past the end of the clip are 0.
     */
    float[] columns(long from, long to, int columns);
}
