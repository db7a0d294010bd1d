package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.conditioning.MelodyCondition;
import dev.cantor.engine.dsp.MelodyChroma;
import dev.cantor.engine.music.MelodyNote;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MelodySimilarityTest {

    private static final int RATE = 32_000;

    /** C5 D5 E5 G5 A5 G5 E5 D5, 0.4 s each with 0.1 s gaps: a violin-register line. */
    private static List<MelodyNote> tune(int transpose) {
        int[] pitches = {72, 74, 76, 79, 81, 79, 76, 74};
        List<MelodyNote> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new MelodyNote(0.5 * i, 0.4, pitches[i] + transpose));
        }
        return notes;
    }

    @Test
    void humKeepsThePitchClassesOfTheNotesInAHummingRange() throws Exception {
        AudioClip hum = HumSynth.render(tune(0), 4.0, RATE);
        assertEquals(4 * RATE, hum.length());
        int[] classes = MelodyCondition.fromAudio(hum, 50);
        int[] truth = MelodyChroma.fromNotes(tune(0), classes.length, 50);
        int agree = 0;
        int voiced = 0;
        for (int t = 0; t < classes.length; t++) {
            if (truth[t] != MelodyChroma.REST && classes[t] != MelodyChroma.REST) {
                voiced++;
                agree += truth[t] == classes[t] ? 1 : 0;
            }
        }
        assertTrue(voiced > 100, "voiced frames " + voiced);
        assertTrue(agree >= 0.9 * voiced, agree + " of " + voiced);
    }

    @Test
    void aMelodyFollowsItselfAndATranspositionDoesNot() {
        AudioClip hum = HumSynth.render(tune(0), 4.0, RATE);
        assertTrue(MelodySimilarity.chromaCosine(hum, hum, 50) > 0.95);
        AudioClip tone = HumSynth.render(tune(1), 4.0, RATE);
        assertTrue(MelodySimilarity.chromaCosine(hum, tone, 50) < 0.15);
        assertEquals(0.0, MelodySimilarity.chromaCosine(hum, new AudioClip(new float[4 * RATE], RATE), 50));
    }

    @Test
    void aSilentMelodyHasNothingToFollow() {
        AudioClip silence = new AudioClip(new float[RATE], RATE);
        assertTrue(Double.isNaN(MelodySimilarity.chromaCosine(silence, silence, 50)));
    }
}
