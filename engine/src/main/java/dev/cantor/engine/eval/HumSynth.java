package dev.cantor.engine.eval;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.music.MelodyNote;
import java.util.ArrayList;
import java.util.List;

/**
 * A hummed rendition of a melody line, made from its notes: a voice-like tone (fundamental
 * plus a few weaker harmonics) with a slight 5.5 Hz vibrato and soft onsets, moved by whole
 * octaves into a comfortable humming range. It stands in for the recording a musician would
 * give {@code generate --melody}, so the melody condition is tested the way it is used.
 */
public final class HumSynth {

    /** Relative amplitudes of partials 1, 2, 3, 4: a closed-mouth hum is mostly fundamental. */
    private static final double[] PARTIALS = {1.0, 0.45, 0.25, 0.12};
    private static final double VIBRATO_HZ = 5.5;
    private static final double VIBRATO_CENTS = 18;
    private static final double ATTACK_SECONDS = 0.03;
    private static final double RELEASE_SECONDS = 0.05;
    /** The hum's median note is moved to this octave: MIDI 50..61 (D3 to C#4). */
    private static final int LOWEST_MEDIAN = 50;
    private static final float PEAK = 0.5f;

    private HumSynth() {
    }

    /**
     * Renders {@code notes} (a monophonic line; overlaps are cut at the next onset) into
     * {@code seconds} of audio.
     */
    public static AudioClip render(List<MelodyNote> notes, double seconds, int sampleRate) {
        if (!(seconds > 0) || sampleRate < 8000) {
            throw new IllegalArgumentException("need seconds > 0 and a sample rate of at least 8 kHz");
        }
        float[] out = new float[(int) Math.round(seconds * sampleRate)];
        List<MelodyNote> sorted = new ArrayList<>(notes);
        sorted.sort(java.util.Comparator.comparingDouble(MelodyNote::onsetSeconds));
        int shift = octaveShift(sorted);
        double phase = 0;
        for (int i = 0; i < sorted.size(); i++) {
            MelodyNote note = sorted.get(i);
            double end = note.endSeconds();
            if (i + 1 < sorted.size()) {
                end = Math.min(end, sorted.get(i + 1).onsetSeconds());
            }
            int from = (int) Math.round(note.onsetSeconds() * sampleRate);
            int to = Math.min(out.length, (int) Math.round(end * sampleRate));
            double hz = 440 * Math.pow(2, (note.midiPitch() + shift - 69) / 12.0);
            phase = renderNote(out, from, to, hz, sampleRate, phase);
        }
        float peak = 0;
        for (float x : out) {
            peak = Math.max(peak, Math.abs(x));
        }
        if (peak > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= PEAK / peak;
            }
        }
        return new AudioClip(out, sampleRate);
    }

    /** Adds one note; the phase carries over so legato notes join without a click. */
    private static double renderNote(float[] out, int from, int to, double hz, int rate, double phase) {
        int n = to - from;
        int attack = Math.max(1, (int) (ATTACK_SECONDS * rate));
        int release = Math.max(1, (int) (RELEASE_SECONDS * rate));
        double p = phase;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double f = hz * Math.pow(2, VIBRATO_CENTS / 1200 * Math.sin(2 * Math.PI * VIBRATO_HZ * t));
            p += 2 * Math.PI * f / rate;
            double x = 0;
            for (int h = 0; h < PARTIALS.length; h++) {
                x += PARTIALS[h] * Math.sin((h + 1) * p);
            }
            double env = Math.min(1, Math.min((i + 1) / (double) attack, (n - i) / (double) release));
            out[from + i] += (float) (x * env);
        }
        return p % (2 * Math.PI);
    }

    /** Whole octaves (in semitones) that bring the median pitch into the humming range. */
    private static int octaveShift(List<MelodyNote> notes) {
        if (notes.isEmpty()) {
            return 0;
        }
        int[] pitches = notes.stream().mapToInt(MelodyNote::midiPitch).sorted().toArray();
        int median = pitches[pitches.length / 2];
        return 12 * Math.floorDiv(LOWEST_MEDIAN + 11 - median, 12);
    }
}
