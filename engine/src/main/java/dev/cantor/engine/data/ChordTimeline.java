package dev.cantor.engine.data;

import dev.cantor.engine.music.Tonality;
import java.util.List;

/** The progression repeated over the clip: which chord sounds at a given beat. */
final class ChordTimeline {

    private final List<ChordSymbol> progression;
    private final int beatsPerChord;
    private final Tonality tonality;

    ChordTimeline(List<ChordSymbol> progression, int beatsPerChord, Tonality tonality) {
        this.progression = progression;
        this.beatsPerChord = beatsPerChord;
        this.tonality = tonality;
    }

    ChordSymbol chordAt(double beat) {
        int slot = (int) Math.floor(beat / beatsPerChord);
        return progression.get(Math.floorMod(slot, progression.size()));
    }

    /** Pitch classes of the chord at {@code beat}, root first. */
    int[] pitchClassesAt(double beat) {
        return chordAt(beat).pitchClasses(tonality);
    }

    /** First beat of the chord span containing {@code beat}. */
    double spanStart(double beat) {
        return Math.floor(beat / beatsPerChord) * beatsPerChord;
    }

    int beatsPerChord() {
        return beatsPerChord;
    }

    Tonality tonality() {
        return tonality;
    }

    /** True when {@code midi}'s pitch class is a tone of the chord at {@code beat}. */
    boolean isChordTone(int midi, double beat) {
        int pc = Math.floorMod(midi, 12);
        for (int c : pitchClassesAt(beat)) {
            if (c == pc) {
                return true;
            }
        }
        return false;
    }

    /** The pitch with pitch class {@code pc} nearest to {@code target}. */
    static int nearest(int pc, int target) {
        int base = target - Math.floorMod(target - pc, 12);
        return target - base <= base + 12 - target ? base : base + 12;
    }
}
