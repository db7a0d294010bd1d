package dev.cantor.engine.dsp;

import static dev.cantor.engine.dsp.MelodyChroma.REST;
import static dev.cantor.engine.dsp.SineMelody.FRAME_RATE;
import static dev.cantor.engine.dsp.SineMelody.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.MelodyNote;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MelodyChromaTest {

    @Test
    void nearestNoteGivesThePitchClass() {
        assertEquals(9, MelodyChroma.pitchClassOfHz(440));
        assertEquals(9, MelodyChroma.pitchClassOfHz(110));
        assertEquals(0, MelodyChroma.pitchClassOfHz(261.63));
        assertEquals(10, MelodyChroma.pitchClassOfHz(466.16));
        // 40 cents sharp of A4 is still A; 60 cents sharp is B flat
        assertEquals(9, MelodyChroma.pitchClassOfHz(440 * Math.pow(2, 40 / 1200.0)));
        assertEquals(10, MelodyChroma.pitchClassOfHz(440 * Math.pow(2, 60 / 1200.0)));
    }

    @Test
    void pitchTrackBecomesClassesAndUnvoicedBecomesRest() {
        float[] hz = {0, 440, 440, 440, 0, 0, 0, 261.63f, 261.63f, 880};
        assertArrayEquals(new int[] {REST, 9, 9, 9, REST, REST, REST, 0, 0, 9}, MelodyChroma.fromPitchTrack(hz));
    }

    @Test
    void singleFrameBlipsAreSmoothedAway() {
        float[] hz = {440, 440, 466.16f, 440, 440, 0, 0, 523.25f, 0, 0, 440, 0, 440};
        assertArrayEquals(new int[] {9, 9, 9, 9, 9, REST, REST, REST, REST, REST, REST, 9, 9},
                MelodyChroma.fromPitchTrack(hz));
    }

    @Test
    void recoversTheClassesOfASineMelodyFromItsPitchTrack() {
        float[] f0 = new PitchTracker().track(SineMelody.render(SineMelody.TUNE, RATE), RATE, FRAME_RATE);
        int[] classes = MelodyChroma.fromPitchTrack(f0);
        double accuracy = SineMelody.classAccuracy(classes, SineMelody.interiorTruth(SineMelody.TUNE, 0.03));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy + ": " + Arrays.toString(classes));
    }

    @Test
    void dominantRecoversTheSameClassesFromTheSpectrum() {
        int[] classes = MelodyChroma.dominant(SineMelody.render(SineMelody.TUNE, RATE), RATE, FRAME_RATE);
        assertEquals(90, classes.length);
        double accuracy = SineMelody.classAccuracy(classes, SineMelody.interiorTruth(SineMelody.TUNE, 0.07));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy + ": " + Arrays.toString(classes));
    }

    @Test
    void humLikeToneWithVibratoAndHarmonicsKeepsItsClass() {
        double[] partials = {1, 0.5, 0.35, 0.2, 0.1};
        List<SineMelody.Segment> tune = SineMelody.of(196.0, 0.6, 0, 0.2, 246.94, 0.6, 293.66, 0.6);
        float[] audio = SineMelody.render(tune, RATE, 30, partials);
        int[] tracked = MelodyChroma.fromPitchTrack(new PitchTracker().track(audio, RATE, FRAME_RATE));
        double trackedAccuracy = SineMelody.classAccuracy(tracked, SineMelody.interiorTruth(tune, 0.03));
        assertTrue(trackedAccuracy >= 0.9, "pitch track " + trackedAccuracy + ": " + Arrays.toString(tracked));
        int[] spectral = MelodyChroma.dominant(audio, RATE, FRAME_RATE);
        double spectralAccuracy = SineMelody.classAccuracy(spectral, SineMelody.interiorTruth(tune, 0.07));
        assertTrue(spectralAccuracy >= 0.9, "dominant " + spectralAccuracy + ": " + Arrays.toString(spectral));
    }

    @Test
    void dominantOfSilenceIsAllRest() {
        int[] classes = MelodyChroma.dominant(new float[RATE], RATE, FRAME_RATE);
        assertEquals(50, classes.length);
        assertEquals(0, MelodyChroma.voicedFrames(classes));
    }

    @Test
    void notesFillTheFramesWhoseCentreTheyCover() {
        // at 50 Hz frame t is centred at (t + 0.5) / 50 s
        List<MelodyNote> notes = List.of(
                new MelodyNote(0.10, 0.10, 60),  // centres 0.11..0.19: frames 5..9
                new MelodyNote(0.20, 0.05, 64),  // frames 10..11
                new MelodyNote(0.30, 0.10, 67),  // frames 15..19, cut short by the next note's onset
                new MelodyNote(0.35, 0.04, 71)); // later onset wins over the still-sounding G: 17..18
        int[] expected = new int[22];
        Arrays.fill(expected, REST);
        Arrays.fill(expected, 5, 10, 0);
        Arrays.fill(expected, 10, 12, 4);
        Arrays.fill(expected, 15, 20, 7);
        Arrays.fill(expected, 17, 19, 11);
        assertArrayEquals(expected, MelodyChroma.fromNotes(notes, 22, FRAME_RATE));
    }

    @Test
    void notesBeyondTheLastFrameAreDropped() {
        int[] classes = MelodyChroma.fromNotes(List.of(new MelodyNote(0.05, 1.0, 69)), 4, FRAME_RATE);
        assertArrayEquals(new int[] {REST, REST, 9, 9}, classes);
        assertEquals(2, MelodyChroma.voicedFrames(classes));
    }
}
