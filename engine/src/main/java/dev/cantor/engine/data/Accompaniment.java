package dev.cantor.engine.data;

import dev.cantor.engine.music.Tonality;
import java.util.Arrays;

/**
 * Writes the harmony, pad, bass and drum parts from the chord timeline. All of them start on
 * beat one and run to the end of the clip; their rhythms come from {@link CompStyle},
 * {@link BassStyle} and {@link DrumPattern}, their loudness from the mood.
 */
final class Accompaniment {

    private static final int COMP_CENTER = 62;
    private static final int PAD_CENTER = 66;
    private static final int BASS_CENTER = 40;

    private final PieceSpec spec;
    private final ChordTimeline chords;
    private final NoteSink sink;
    private final ClipRandom rnd;
    private final int totalBeats;
    private final double dynamics;
    private final int beatsPerBar;

    Accompaniment(PieceSpec spec, ChordTimeline chords, NoteSink sink, ClipRandom rnd, int totalBeats) {
        this.spec = spec;
        this.chords = chords;
        this.sink = sink;
        this.rnd = rnd;
        this.totalBeats = totalBeats;
        this.dynamics = spec.mood().dynamics();
        this.beatsPerBar = spec.recipe().beatsPerBar();
    }

    /** Beat one strongest, then (in 4/4) beat three. */
    private double accent(int inBar) {
        if (beatsPerBar == 3) {
            return inBar == 0 ? 1.12 : 0.95;
        }
        return inBar == 0 ? 1.12 : inBar == 2 ? 1.04 : 0.95;
    }

    private int velocity(double base) {
        return (int) Math.round(base * dynamics + 3 * rnd.gaussian());
    }

    /** Chord tones voiced close around {@code center}, lowest first, no duplicates. */
    private int[] voicing(double beat, int center) {
        int[] pcs = chords.pitchClassesAt(beat);
        int[] v = new int[pcs.length];
        for (int i = 0; i < pcs.length; i++) {
            v[i] = ChordTimeline.nearest(pcs[i], center);
        }
        Arrays.sort(v);
        return v;
    }

    /** The chord's own fifth just above {@code root} (diminished on ii/vii, so it stays diatonic). */
    private int fifthAbove(double beat, int root) {
        return ChordTimeline.nearest(chords.pitchClassesAt(beat)[2], root + 7);
    }

    private int root(double beat, int center) {
        return ChordTimeline.nearest(chords.pitchClassesAt(beat)[0], center);
    }

    void harmony() {
        int ch = PieceSpec.HARMONY_CHANNEL;
        double gate = Math.min(0.9, spec.mood().gate() + 0.05);
        for (int beat = 0; beat < totalBeats; beat++) {
            int inBar = beat % beatsPerBar;
            double accent = accent(inBar);
            int[] chord = voicing(beat, COMP_CENTER);
            switch (spec.comp()) {
                case BLOCK_BEATS -> chord(ch, chord, velocity(72 * accent), beat, gate, 0);
                case STRUM -> {
                    chord(ch, chord, velocity(74 * accent), beat, 0.9, 11_000);
                    if (rnd.chance(0.6)) {
                        int[] top = Arrays.copyOfRange(chord, Math.max(0, chord.length - 3), chord.length);
                        chord(ch, reversed(top), velocity(50), beat + 0.5, 0.4, 9_000);
                    }
                }
                case ARPEGGIO -> {
                    int[] tones = {chord[0] - 12, chord[0], chord[1], chord[2 % chord.length]};
                    int[] order = (beat / 2) % 2 == 0 ? new int[] {0, 1, 2, 3} : new int[] {3, 2, 1, 0};
                    int first = order[(2 * beat) % 4];
                    int second = order[(2 * beat + 1) % 4];
                    sink.add(ch, tones[first], velocity(80 * accent), beat, 0.9);
                    sink.add(ch, tones[second], velocity(48), beat + 0.5, 0.9);
                }
                case ALBERTI -> {
                    // low-high-middle-high over two beats
                    int high = chord[chord.length - 1];
                    int first = beat % 2 == 0 ? chord[0] - 12 : chord[1];
                    sink.add(ch, first, velocity(80 * accent), beat, 0.45);
                    sink.add(ch, high, velocity(46), beat + 0.5, 0.45);
                }
                case POWER_EIGHTHS -> {
                    int r = root(beat, 45);
                    int[] power = {r, fifthAbove(beat, r), r + 12};
                    chord(ch, power, velocity(84 * accent + 6), beat, 0.45, 0);
                    chord(ch, power, velocity(60), beat + 0.5, 0.45, 0);
                }
                case BOOM_CHICK -> {
                    if (inBar % 2 == 0) {
                        int r = root(beat, 48);
                        sink.add(ch, inBar == 0 ? r : fifthAbove(beat, r), velocity(76 * accent), beat, 0.9);
                    } else {
                        chord(ch, chord, velocity(66), beat, 0.45, 6_000);
                    }
                }
                case CHARLESTON -> {
                    if (inBar % 2 == 0) {
                        chord(ch, chord, velocity(66), beat, 1.2, 0);
                        chord(ch, chord, velocity(58), beat + 1.5, 0.4, 0);
                    }
                }
                case SUSTAIN -> {
                    if (beat == chords.spanStart(beat)) {
                        chord(ch, chord, velocity(62), beat, chords.beatsPerChord() - 0.05, 0);
                    }
                }
                case SKANK -> {
                    if (inBar % 2 == 1) {
                        chord(ch, chord, velocity(74), beat, 0.22, 4_000);
                    }
                }
                case BOSSA_GUITAR -> bossaGuitar(ch, beat, inBar, accent, chord);
                case OSTINATO -> {
                    chord(ch, chord, velocity(76 * accent), beat, 0.4, 0);
                    chord(ch, chord, velocity(50), beat + 0.5, 0.4, 0);
                }
                case CHIP_ARPEGGIO -> {
                    int[] tones = {chord[0], chord[1], chord[2 % chord.length], chord[0] + 12};
                    for (int i = 0; i < 4; i++) {
                        sink.add(ch, tones[i], velocity(i == 0 ? 86 * accent : 56), beat + 0.25 * i, 0.2);
                    }
                }
                case WALTZ -> {
                    if (inBar == 0) {
                        sink.add(ch, root(beat, 48), velocity(78 * accent), beat, 0.9);
                    } else {
                        chord(ch, chord, velocity(62), beat, 0.45, 0);
                    }
                }
            }
        }
    }

    /**
     * Bossa nova guitar: the thumb plays root and fifth on every beat; the fingers pluck the
     * upper chord on a two-bar syncopated figure (one, two-and, four | one-and, three-and, four-and).
     */
    private void bossaGuitar(int ch, int beat, int inBar, double accent, int[] chord) {
        int r = root(beat, 48);
        sink.add(ch, inBar % 2 == 0 ? r : fifthAbove(beat, r) - 12, velocity(74 * accent), beat, 0.9);
        int[] upper = Arrays.copyOfRange(chord, Math.max(0, chord.length - 3), chord.length);
        boolean firstBar = (beat / beatsPerBar) % 2 == 0;
        double at = -1;
        if (firstBar) {
            at = inBar == 0 ? beat : inBar == 1 ? beat + 0.5 : inBar == 3 ? beat : -1;
        } else if (inBar != 1) {
            at = beat + 0.5;
        }
        if (at >= 0) {
            chord(ch, upper, velocity(58), at, 0.4, 3_000);
        }
    }

    void pad() {
        if (spec.padProgram() < 0) {
            return;
        }
        for (int beat = 0; beat < totalBeats; beat += chords.beatsPerChord()) {
            chord(PieceSpec.PAD_CHANNEL, voicing(beat, PAD_CENTER), velocity(56), beat,
                    chords.beatsPerChord() - 0.02, 0);
        }
    }

    void bass() {
        int ch = PieceSpec.BASS_CHANNEL;
        double gate = Math.min(0.92, spec.mood().gate() + 0.05);
        int previous = root(0, BASS_CENTER);
        for (int beat = 0; beat < totalBeats; beat++) {
            int inBar = beat % beatsPerBar;
            int r = root(beat, BASS_CENTER);
            double accent = inBar == 0 ? 1.1 : 1.0;
            switch (spec.bass()) {
                case ROOT_BEATS -> sink.add(ch, r, velocity(88 * accent), beat, gate);
                case ROOT_EIGHTHS -> {
                    sink.add(ch, r, velocity(90 * accent), beat, 0.45);
                    sink.add(ch, r, velocity(68), beat + 0.5, 0.45);
                }
                case OCTAVES -> {
                    sink.add(ch, r, velocity(92 * accent), beat, 0.45);
                    sink.add(ch, r + 12, velocity(70), beat + 0.5, 0.45);
                }
                case WALKING -> {
                    int note = walkingNote(beat, previous);
                    sink.add(ch, note, velocity(86 * accent), beat, 0.92);
                    previous = note;
                }
                case ROOT_FIFTH -> {
                    if (inBar % 2 == 0) {
                        int fifth = ChordTimeline.nearest(chords.pitchClassesAt(beat)[2], r + 4);
                        sink.add(ch, inBar == 0 ? r : fifth, velocity(88 * accent), beat, 2 * gate);
                    }
                }
                case SYNCOPATED -> {
                    if (inBar % 2 == 0) {
                        sink.add(ch, r, velocity(94 * accent), beat, 0.7);
                        sink.add(ch, inBar == 0 ? r + 12 : r, velocity(64), beat + 1.5, 0.22);
                        if (rnd.chance(0.5)) {
                            sink.add(ch, r, velocity(58), beat + 1.75, 0.22);
                        }
                    }
                }
                case ROOT_HELD -> {
                    if (beat == chords.spanStart(beat)) {
                        sink.add(ch, r, velocity(80), beat, chords.beatsPerChord() - 0.05);
                    }
                }
                case DOWNBEAT -> {
                    if (inBar == 0) {
                        sink.add(ch, r, velocity(90), beat, 1.5 * gate);
                    }
                }
            }
        }
    }

    /**
     * Walking bass: the root where the chord changes, a scale step toward the next root just
     * before a change, chord tones in between. Diatonic throughout.
     */
    private int walkingNote(int beat, int previous) {
        if (beat == chords.spanStart(beat)) {
            return root(beat, BASS_CENTER);
        }
        Tonality t = chords.tonality();
        int tonic = t.tonicAtOrBelow(BASS_CENTER - 6);
        if (beat + 1 == chords.spanStart(beat + 1)) {
            int nextRoot = root(beat + 1, BASS_CENTER);
            int s = t.nearestStep(nextRoot, tonic) + (rnd.chance(0.5) ? 1 : -1);
            return t.pitchOfStep(s, tonic, chords.chordAt(beat).harmonic());
        }
        int[] pcs = chords.pitchClassesAt(beat);
        int tone = ChordTimeline.nearest(pcs[1 + rnd.below(pcs.length - 1)], previous);
        // keep the line in the bass register by octaves, so it stays a chord tone
        while (tone < BASS_CENTER - 9) {
            tone += 12;
        }
        while (tone > BASS_CENTER + 10) {
            tone -= 12;
        }
        return tone;
    }

    void drums() {
        DrumPattern pattern = spec.drumPattern();
        if (pattern == null) {
            return;
        }
        double sixteenth = 0.25;
        for (int bar = 0; bar * beatsPerBar < totalBeats; bar++) {
            for (DrumPattern.Hit hit : pattern.bar(bar)) {
                int v = (int) Math.round(hit.velocity() * dynamics + 3 * rnd.gaussian());
                sink.add(PieceSpec.DRUM_CHANNEL, hit.note(), v, bar * beatsPerBar + hit.step() * sixteenth,
                        0.9 * sixteenth);
            }
        }
    }

    private void chord(int channel, int[] pitches, int velocity, double beat, double beats, long strumMicros) {
        for (int i = 0; i < pitches.length; i++) {
            sink.add(channel, pitches[i], velocity, beat, beats, i * strumMicros);
        }
    }

    private static int[] reversed(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }
}
