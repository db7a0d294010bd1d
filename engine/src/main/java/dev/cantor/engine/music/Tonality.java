package dev.cantor.engine.music;

import java.util.Objects;

/**
 * A key and mode: the scale the melody walks and the diatonic chords the harmony uses. Pitches
 * are addressed by scale step (0 = tonic, 7 = tonic an octave up, -1 = the seventh below).
 * Minor is natural minor; the dominant (V) and the melody over it take the raised seventh of
 * harmonic minor, the one chromatic note a minor-key label allows.
 */
public record Tonality(Key key, Mode mode) {

    public Tonality {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(mode, "mode");
    }

    /** E.g. "F# minor". */
    public String label() {
        return key.label() + " " + mode.label();
    }

    /**
     * MIDI pitch of scale step {@code step}, counted from the tonic at MIDI pitch
     * {@code tonicMidi}.
     *
     * @param leadingTone raise the seventh degree by a semitone (only meaningful in minor)
     */
    public int pitchOfStep(int step, int tonicMidi, boolean leadingTone) {
        int octave = Math.floorDiv(step, 7);
        int degree = Math.floorMod(step, 7);
        int semis = mode.interval(degree);
        if (leadingTone && mode == Mode.MINOR && degree == 6) {
            semis += 1;
        }
        return tonicMidi + 12 * octave + semis;
    }

    /** The MIDI pitch of the tonic in the octave that starts at or below {@code near}. */
    public int tonicAtOrBelow(int near) {
        return near - Math.floorMod(near - key.pitchClass(), 12);
    }

    /** Scale step (relative to {@code tonicMidi}) of the scale note nearest to {@code midi}. */
    public int nearestStep(int midi, int tonicMidi) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        int approx = Math.floorDiv((midi - tonicMidi) * 7, 12);
        for (int s = approx - 2; s <= approx + 2; s++) {
            int d = Math.abs(pitchOfStep(s, tonicMidi, false) - midi);
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    /**
     * Pitch classes of the diatonic chord on {@code degree}: stacked scale thirds (triad, or
     * seventh chord when asked). {@code harmonic} raises the minor-key seventh degree, turning
     * v into V (and v7 into V7).
     */
    public int[] chordPitchClasses(int degree, boolean seventh, boolean harmonic) {
        int size = seventh ? 4 : 3;
        int[] pcs = new int[size];
        for (int i = 0; i < size; i++) {
            int step = degree + 2 * i;
            pcs[i] = Math.floorMod(pitchOfStep(step, key.pitchClass(), harmonic), 12);
        }
        return pcs;
    }

    /** True when {@code midi} belongs to the scale (in minor, the raised seventh counts too). */
    public boolean contains(int midi) {
        int rel = Math.floorMod(midi - key.pitchClass(), 12);
        for (int d = 0; d < 7; d++) {
            if (mode.interval(d) == rel) {
                return true;
            }
        }
        return mode == Mode.MINOR && rel == 11;
    }
}
