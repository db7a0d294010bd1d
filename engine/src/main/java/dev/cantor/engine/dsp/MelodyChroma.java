package dev.cantor.engine.dsp;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HannWindow;
import dev.cantor.engine.music.MelodyNote;
import java.util.Arrays;
import java.util.List;

/**
 * The melody condition as the LM sees it: one symbol per codec frame, the pitch class (0 = C …
 * 11 = B) of the melody at that frame or {@link #REST} when it is silent — the argmax of a
 * 12-bin chroma, as in MusicGen-melody. Pitch classes forget the octave, which is what lets a
 * hum an octave below a violin line condition the same music (and makes YIN's octave errors
 * harmless).
 */
public final class MelodyChroma {

    /** The symbol for a frame without melody. */
    public static final int REST = 12;
    /** Number of distinct symbols: 12 pitch classes and {@link #REST}. */
    public static final int CLASSES = 13;

    /** Spectrum band for {@link #dominant}: below it bins are too coarse to tell semitones. */
    private static final double CHROMA_LOW_HZ = 80;
    private static final double CHROMA_HIGH_HZ = 2000;
    /** About 128 ms: 7.8 Hz bins at 32 kHz, under half a semitone from about 230 Hz up. */
    private static final double CHROMA_WINDOW_SECONDS = 0.128;
    /** Frames whose band energy is more than 40 dB below the clip's loudest frame are rests. */
    private static final double REST_BELOW_DB = -40;

    private MelodyChroma() {
    }

    /**
     * Pitch classes of a pitch track: each f0 to the nearest equal-tempered note (A4 = 440 Hz),
     * 0 Hz to {@link #REST}; then a 3-frame majority filter removes single-frame blips (a lone
     * voiced frame inside a rest, a lone rest or wrong class inside a note).
     *
     * @param hz f0 per frame, 0 = unvoiced (as {@link PitchTracker#track} gives)
     */
    public static int[] fromPitchTrack(float[] hz) {
        int[] classes = new int[hz.length];
        for (int t = 0; t < hz.length; t++) {
            classes[t] = hz[t] > 0 ? pitchClassOfHz(hz[t]) : REST;
        }
        return smooth(classes);
    }

    /**
     * Pitch classes of a known melody line (the corpus labels): frame {@code t} covers
     * {@code [t/frameRate, (t+1)/frameRate)} seconds and takes the note sounding at its centre;
     * where notes overlap, the one that started last wins (it is the one heard as new).
     *
     * @param frames number of frames to produce
     */
    public static int[] fromNotes(List<MelodyNote> notes, int frames, double frameRate) {
        if (frames < 0 || !(frameRate > 0)) {
            throw new IllegalArgumentException("need frames >= 0 and frameRate > 0");
        }
        int[] classes = new int[frames];
        double[] onset = new double[frames];
        Arrays.fill(classes, REST);
        Arrays.fill(onset, Double.NEGATIVE_INFINITY);
        for (MelodyNote note : notes) {
            // frames whose centre (t + 0.5) / rate lies in [onset, end)
            int first = Math.max(0, (int) Math.ceil(note.onsetSeconds() * frameRate - 0.5));
            int last = Math.min(frames - 1, (int) Math.ceil(note.endSeconds() * frameRate - 0.5) - 1);
            for (int t = first; t <= last; t++) {
                if (note.onsetSeconds() >= onset[t]) {
                    onset[t] = note.onsetSeconds();
                    classes[t] = Math.floorMod(note.midiPitch(), 12);
                }
            }
        }
        return classes;
    }

    /**
     * The strongest pitch class per frame, for audio without a known melody line: a chroma
     * vector from the power spectrum (80 Hz–2 kHz, each bin to its nearest pitch class) of a
     * ~128 ms Hann window centred on the frame, and its argmax. Frames more than 40 dB below the
     * loudest frame (and all frames of digital silence) are {@link #REST}. In a mix this follows
     * whatever is loudest, which is the melody only when the melody dominates.
     */
    public static int[] dominant(float[] mono, int sampleRate, double frameRate) {
        FrameGrid grid = new FrameGrid(mono.length, sampleRate, frameRate);
        int size = grid.powerOfTwoWindow(CHROMA_WINDOW_SECONDS);
        int[] binClass = binPitchClasses(size, sampleRate);
        FFT fft = new FFT(size, new HannWindow());
        float[] buffer = new float[size];
        float[] magnitude = new float[size / 2];
        double[][] chroma = new double[grid.frames()][12];
        double[] energy = new double[grid.frames()];
        double loudest = 0;
        for (int t = 0; t < grid.frames(); t++) {
            grid.copyWindow(mono, t, buffer);
            fft.forwardTransform(buffer);
            fft.modulus(buffer, magnitude);
            for (int k = 0; k < magnitude.length; k++) {
                if (binClass[k] >= 0) {
                    // power, not magnitude: the peak bin of a partial outweighs its window skirt
                    double p = (double) magnitude[k] * magnitude[k];
                    chroma[t][binClass[k]] += p;
                    energy[t] += p;
                }
            }
            loudest = Math.max(loudest, energy[t]);
        }
        double floor = loudest * Math.pow(10, REST_BELOW_DB / 10);
        int[] classes = new int[grid.frames()];
        for (int t = 0; t < classes.length; t++) {
            classes[t] = energy[t] > 0 && energy[t] >= floor ? argmax(chroma[t]) : REST;
        }
        return classes;
    }

    /** Number of frames that are not {@link #REST}. */
    public static int voicedFrames(int[] classes) {
        int n = 0;
        for (int c : classes) {
            if (c != REST) {
                n++;
            }
        }
        return n;
    }

    /** Pitch class (0 = C) of the equal-tempered note nearest to {@code hz}. */
    static int pitchClassOfHz(double hz) {
        long midi = Math.round(69 + 12 * Math.log(hz / 440.0) / Math.log(2));
        return (int) Math.floorMod(midi, 12L);
    }

    /** Replaces a frame that differs from two agreeing neighbours by their value. */
    private static int[] smooth(int[] classes) {
        int[] out = classes.clone();
        for (int t = 1; t + 1 < classes.length; t++) {
            if (classes[t - 1] == classes[t + 1] && classes[t] != classes[t - 1]) {
                out[t] = classes[t - 1];
            }
        }
        return out;
    }

    /** Pitch class of each FFT bin inside the chroma band, -1 outside it. */
    private static int[] binPitchClasses(int size, int sampleRate) {
        int[] classes = new int[size / 2];
        for (int k = 0; k < classes.length; k++) {
            double hz = k * (double) sampleRate / size;
            classes[k] = hz >= CHROMA_LOW_HZ && hz <= CHROMA_HIGH_HZ ? pitchClassOfHz(hz) : -1;
        }
        return classes;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
