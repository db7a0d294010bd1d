package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TonalityTest {

    @Test
    void diatonicChordsOfCMajorAndAMinor() {
        Tonality c = new Tonality(Key.C, Mode.MAJOR);
        assertArrayEquals(new int[] {7, 11, 2}, c.chordPitchClasses(4, false, false)); // G B D
        assertArrayEquals(new int[] {2, 5, 9, 0}, c.chordPitchClasses(1, true, false)); // Dm7
        Tonality a = new Tonality(Key.A, Mode.MINOR);
        assertArrayEquals(new int[] {4, 7, 11}, a.chordPitchClasses(4, false, false)); // natural v: E G B
        assertArrayEquals(new int[] {4, 8, 11}, a.chordPitchClasses(4, false, true)); // harmonic V: E G# B
    }

    @Test
    void scaleMembershipAllowsOnlyTheMinorLeadingTone() {
        Tonality fSharpMinor = new Tonality(Key.F_SHARP, Mode.MINOR);
        assertTrue(fSharpMinor.contains(66)); // F#
        assertTrue(fSharpMinor.contains(69)); // A
        assertTrue(fSharpMinor.contains(64)); // E (natural seventh)
        assertTrue(fSharpMinor.contains(65)); // E# / F (leading tone)
        assertFalse(fSharpMinor.contains(70)); // A#: major third, not in F# minor
        Tonality eFlatMajor = new Tonality(Key.E_FLAT, Mode.MAJOR);
        assertTrue(eFlatMajor.contains(62)); // D
        assertFalse(eFlatMajor.contains(61)); // Db
        assertEquals("F# minor", fSharpMinor.label());
    }

    @Test
    void stepsWalkTheScale() {
        Tonality d = new Tonality(Key.D, Mode.MAJOR);
        int tonic = d.tonicAtOrBelow(64);
        assertEquals(62, tonic);
        assertEquals(List.of(62, 64, 66, 67, 69, 71, 73, 74),
                java.util.stream.IntStream.rangeClosed(0, 7).map(s -> d.pitchOfStep(s, tonic, false)).boxed().toList());
        assertEquals(61, d.pitchOfStep(-1, tonic, false));
        assertEquals(3, d.nearestStep(67, tonic));
    }

    @Test
    void keyNamesParseBothSpellings() {
        assertEquals(Key.F_SHARP, Key.fromLabel("F#"));
        assertEquals(Key.F_SHARP, Key.fromLabel("gb"));
        assertEquals(Key.B_FLAT, Key.fromLabel("Bb"));
        assertEquals(Mode.MINOR, Mode.fromLabel("Minor"));
        assertThrows(IllegalArgumentException.class, () -> Key.fromLabel("H"));
    }

    @Test
    void everyStyleProgressionIsDiatonicAndItsNumeralCaseMatchesTheChordQuality() {
        for (Style style : Style.values()) {
            for (Mode mode : Mode.values()) {
                Tonality t = new Tonality(Key.C, mode);
                List<List<ChordSymbol>> progressions = style.progressions(mode);
                assertFalse(progressions.isEmpty(), style + " " + mode);
                for (List<ChordSymbol> progression : progressions) {
                    for (ChordSymbol chord : progression) {
                        int[] pcs = chord.pitchClasses(t);
                        int third = Math.floorMod(pcs[1] - pcs[0], 12);
                        assertEquals(chord.upperCase(), third == 4,
                                style + " " + mode + ": " + chord.numeral() + " is written with the wrong case");
                        for (int pc : pcs) {
                            assertTrue(t.contains(pc), style + " " + chord.numeral() + " leaves " + t.label());
                        }
                    }
                }
            }
        }
    }

    @Test
    void stylesCoverTheBriefAndKeepTemposIn50To200() {
        assertTrue(Style.values().length >= 10);
        for (String label : List.of("pop", "rock", "jazz", "classical", "electronic", "ambient", "hip-hop", "folk",
                "blues", "latin", "metal", "reggae", "bossa nova", "lo-fi hip-hop", "drum and bass", "cinematic",
                "march", "chiptune", "waltz")) {
            Style s = Style.fromLabel(label);
            assertTrue(s.minBpm() >= PieceSpec.MIN_BPM && s.maxBpm() <= PieceSpec.MAX_BPM, label);
        }
        // the first twelve keep their ordinals: trained models index a style table by them
        assertEquals(11, Style.COUNTRY.ordinal());
        assertEquals(12, Style.METAL.ordinal());
        assertEquals(0, Style.CLASSICAL.drumProbability());
        assertTrue(Style.AMBIENT.drumProbability() < 0.5);
    }
}
