package dev.cantor.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The composer's style recipes: diatonic progressions, tempo ranges, drum odds (split from TonalityTest). */
class StyleRecipeTest {

    @Test
    void everyStyleProgressionIsDiatonicAndItsNumeralCaseMatchesTheChordQuality() {
        for (StyleRecipe style : StyleRecipe.values()) {
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
            StyleRecipe s = StyleRecipe.of(Style.fromLabel(label));
            assertTrue(s.minBpm() >= PieceSpec.MIN_BPM && s.maxBpm() <= PieceSpec.MAX_BPM, label);
        }
        // the first twelve keep their ordinals: trained models index a style table by them
        assertEquals(11, Style.COUNTRY.ordinal());
        assertEquals(12, Style.METAL.ordinal());
        assertEquals(0, StyleRecipe.of(Style.CLASSICAL).drumProbability());
        assertTrue(StyleRecipe.of(Style.AMBIENT).drumProbability() < 0.5);
    }

    @Test
    void everyStyleHasOneRecipeInTheSameOrder() {
        assertEquals(Style.values().length, StyleRecipe.values().length);
        for (Style style : Style.values()) {
            assertEquals(style, StyleRecipe.of(style).style());
            assertEquals(style.ordinal(), StyleRecipe.of(style).ordinal());
        }
    }
}
