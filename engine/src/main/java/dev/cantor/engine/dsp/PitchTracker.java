package dev.cantor.engine.dsp;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import java.util.function.IntConsumer;

/**
 * Fundamental frequency of a monophonic line (a hummed or sung melody, a lead instrument),
 * one value per codec frame. Uses TarsosDSP's FFT-based YIN on a window of about 64 ms
 * (2048 samples at 32 kHz) centred on each frame; a frame is voiced only when YIN finds a
 * clear period (its cumulative-mean-normalised difference dips below the threshold) and the
 * window is loud enough, so silence and breath noise come out unvoiced.
 */
public final class PitchTracker {

    /** Window length in seconds: two periods of the lowest pitch (50 Hz) fit in it. */
    private static final double WINDOW_SECONDS = 0.064;
    /** YIN's dip threshold; 0.15 rejects noise that the usual 0.2 lets through now and then. */
    private static final double YIN_THRESHOLD = 0.15;
    /** Windows quieter than this (about -60 dBFS) are silence whatever the detector says. */
    private static final double ABSOLUTE_FLOOR_RMS = 1e-3;
    /** ... and so are windows more than 40 dB below the loudest window of the clip. */
    private static final double RELATIVE_FLOOR_DB = -40;

    /** Frames between two progress reports. */
    private static final int PROGRESS_EVERY = 500;

    private final double minHz;
    private final double maxHz;

    /** Tracks pitches from 50 Hz (a low male hum) to 2 kHz (a whistle). */
    public PitchTracker() {
        this(50, 2000);
    }

    /**
     * @param minHz lowest pitch reported as voiced
     * @param maxHz highest pitch reported as voiced
     */
    public PitchTracker(double minHz, double maxHz) {
        if (!(minHz > 0 && maxHz > minHz)) {
            throw new IllegalArgumentException("need 0 < minHz < maxHz, got " + minHz + ".." + maxHz);
        }
        this.minHz = minHz;
        this.maxHz = maxHz;
    }

    /**
     * The pitch of {@code mono} at every frame.
     *
     * @param sampleRate samples per second of {@code mono}
     * @param frameRate  frames per second (50 for the codec)
     * @return f0 in Hz per frame, 0 where the frame is unvoiced; {@code ceil(seconds × frameRate)}
     *         frames, like the codec
     */
    public float[] track(float[] mono, int sampleRate, double frameRate) {
        return track(mono, sampleRate, frameRate, done -> { });
    }

    /**
     * {@link #track(float[], int, double)} that reports the frames tracked so far to {@code progress}
     * every {@value #PROGRESS_EVERY} frames; a long recording takes seconds, and a callback that
     * throws (a cancelled job) stops the work there.
     */
    public float[] track(float[] mono, int sampleRate, double frameRate, IntConsumer progress) {
        FrameGrid grid = new FrameGrid(mono.length, sampleRate, frameRate);
        int size = grid.powerOfTwoWindow(WINDOW_SECONDS);
        if (sampleRate / minHz > size / 2.0) {
            throw new IllegalArgumentException("cannot track down to " + minHz + " Hz with a "
                    + size + "-sample window at " + sampleRate + " Hz");
        }
        FastYin yin = new FastYin(sampleRate, size, YIN_THRESHOLD);
        float[] window = new float[size];
        // two passes (levels, then pitch) so only one window is held, however long the clip
        double[] level = new double[grid.frames()];
        double loudest = 0;
        for (int t = 0; t < grid.frames(); t++) {
            grid.copyWindow(mono, t, window);
            level[t] = FrameGrid.rms(window);
            loudest = Math.max(loudest, level[t]);
        }
        double floor = Math.max(ABSOLUTE_FLOOR_RMS, loudest * Math.pow(10, RELATIVE_FLOOR_DB / 20));
        float[] f0 = new float[grid.frames()];
        for (int t = 0; t < grid.frames(); t++) {
            if (t % PROGRESS_EVERY == 0 && t > 0) {
                progress.accept(t);
            }
            if (level[t] < floor) {
                continue;
            }
            grid.copyWindow(mono, t, window);
            PitchDetectionResult r = yin.getPitch(window);
            float hz = r.getPitch();
            if (r.isPitched() && hz >= minHz && hz <= maxHz) {
                f0[t] = hz;
            }
        }
        progress.accept(grid.frames());
        return f0;
    }
}
