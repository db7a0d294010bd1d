package dev.cantor.engine.music;

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
}
