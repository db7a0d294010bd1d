package dev.cantor.engine.music;

import java.util.Locale;

/** The twelve tonics, spelled as musicians usually name keys (sharps up to F#, flats after). */
public enum Key {
    C("C"), C_SHARP("C#"), D("D"), E_FLAT("Eb"), E("E"), F("F"),
    F_SHARP("F#"), G("G"), A_FLAT("Ab"), A("A"), B_FLAT("Bb"), B("B");

    private static final String[] ENHARMONIC = {"B#", "Db", "", "D#", "Fb", "E#", "Gb", "", "G#", "", "A#", "Cb"};

    private final String label;

    Key(String label) {
        this.label = label;
    }

    /** Pitch class 0..11 with C = 0. */
    public int pitchClass() {
        return ordinal();
    }

    /** The name used in labels and captions, e.g. "F#" or "Bb". */
    public String label() {
        return label;
    }

    /** The key whose tonic has this pitch class (taken modulo 12). */
    public static Key ofPitchClass(int pitchClass) {
        return values()[Math.floorMod(pitchClass, 12)];
    }

    /**
     * Parses a tonic name such as "F#", "Gb", "bb" or "C" (either spelling of a black key).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Key fromLabel(String name) {
        String n = name.trim();
        if (n.isEmpty()) {                 // "" would match the empty enharmonic spelling of C, D, ...
            throw new IllegalArgumentException("not a key name: '" + name + "' (expected e.g. C, F#, Bb)");
        }
        n = n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1).toLowerCase(Locale.ROOT);
        for (Key k : values()) {
            if (k.label.equals(n) || ENHARMONIC[k.ordinal()].equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a key name: '" + name + "' (expected e.g. C, F#, Bb)");
    }
}
