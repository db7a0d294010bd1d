package dev.cantor.engine.data;

import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;

/**
 * A diatonic chord written as a Roman numeral: {@code I..VII} (upper case major, lower case
 * minor or diminished, as the scale makes it), optional {@code 7} for the diatonic seventh chord.
 * In minor, an upper-case {@code V} is the harmonic-minor dominant (raised leading tone).
 *
 * @param degree   scale degree 0..6
 * @param seventh  add the diatonic seventh
 * @param harmonic raise the seventh scale degree (minor-key dominant)
 * @param numeral  the text as written, e.g. "V7"
 */
public record ChordSymbol(int degree, boolean seventh, boolean harmonic, String numeral) {

    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII"};

    /** True when the numeral is written in upper case (a major-quality chord). */
    public boolean upperCase() {
        return Character.isUpperCase(numeral.charAt(0));
    }

    /** Pitch classes of this chord in {@code tonality} (root first). */
    public int[] pitchClasses(Tonality tonality) {
        return tonality.chordPitchClasses(degree, seventh, harmonic);
    }

    /** Parses one numeral such as "vi", "V7" or "ii7" in the given mode. */
    public static ChordSymbol parse(Mode mode, String text) {
        String t = text.trim();
        boolean seventh = t.endsWith("7");
        String roman = seventh ? t.substring(0, t.length() - 1) : t;
        for (int d = 0; d < NUMERALS.length; d++) {
            if (NUMERALS[d].equalsIgnoreCase(roman)) {
                boolean upper = roman.equals(NUMERALS[d]);
                if (!upper && !roman.equals(NUMERALS[d].toLowerCase(java.util.Locale.ROOT))) {
                    break;
                }
                boolean harmonic = mode == Mode.MINOR && d == 4 && upper;
                return new ChordSymbol(d, seventh, harmonic, t);
            }
        }
        throw new IllegalArgumentException("not a Roman numeral chord: '" + text + "'");
    }

    /** Parses space-separated progressions, e.g. {@code "I V vi IV"}. */
    public static List<List<ChordSymbol>> parseAll(Mode mode, String... progressions) {
        List<List<ChordSymbol>> all = new ArrayList<>();
        for (String p : progressions) {
            List<ChordSymbol> chords = new ArrayList<>();
            for (String numeral : p.trim().split("\\s+")) {
                chords.add(parse(mode, numeral));
            }
            all.add(List.copyOf(chords));
        }
        return List.copyOf(all);
    }
}
