package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.MelodyChroma;
import dev.cantor.engine.dsp.SineMelody;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MelodyConditionTest {

    private static final int RATE = SineMelody.RATE;

    @Test
    void aSineMelodyBecomesItsPitchClasses() throws MelodyException {
        AudioClip clip = new AudioClip(SineMelody.render(SineMelody.TUNE, RATE), RATE);
        int[] classes = MelodyCondition.fromAudio(clip, 50);
        assertEquals(90, classes.length);
        double accuracy = SineMelody.classAccuracy(classes, SineMelody.interiorTruth(SineMelody.TUNE, 0.03));
        assertTrue(accuracy >= 0.9, "accuracy " + accuracy + ": " + Arrays.toString(classes));
    }

    @Test
    void followsTheClipsOwnSampleRate() throws MelodyException {
        int rate = 22_050;
        AudioClip clip = new AudioClip(SineMelody.render(SineMelody.of(392.0, 1.0), rate), rate);
        int[] classes = MelodyCondition.fromAudio(clip, 50);
        assertEquals(50, classes.length);
        assertEquals(7, classes[25], "G4 in the middle of the clip");
    }

    @Test
    void silenceIsRefusedWithAMessageForMusicians() {
        AudioClip silence = new AudioClip(new float[RATE * 2], RATE);
        MelodyException e = assertThrows(MelodyException.class, () -> MelodyCondition.fromAudio(silence, 50));
        assertTrue(e.getMessage().startsWith("no melody found"), e.getMessage());
        assertTrue(e.getMessage().contains("no voiced (pitched) frames"), e.getMessage());
    }

    @Test
    void whiteNoiseIsRefused() {
        AudioClip noise = new AudioClip(SineMelody.whiteNoise(3, RATE, 0.3, 11), RATE);
        assertThrows(MelodyException.class, () -> MelodyCondition.fromAudio(noise, 50));
    }

    @Test
    void aBlipTooShortToFollowIsRefused() {
        // 0.1 s of tone in 4 s: 5 voiced frames, under both the 10-frame and the 5 % bar
        float[] x = new float[RATE * 4];
        float[] tone = SineMelody.render(SineMelody.of(440.0, 0.1), RATE);
        System.arraycopy(tone, 0, x, RATE, tone.length);
        MelodyException e = assertThrows(MelodyException.class,
                () -> MelodyCondition.fromAudio(new AudioClip(x, RATE), 50));
        assertTrue(e.getMessage().contains("of 200 frames"), e.getMessage());
    }

    @Test
    void anEmptyRecordingIsRefused() {
        assertThrows(MelodyException.class, () -> MelodyCondition.fromAudio(new AudioClip(new float[0], RATE), 50));
    }

    @Test
    void restFramesStayRest() throws MelodyException {
        AudioClip clip = new AudioClip(SineMelody.render(SineMelody.TUNE, RATE), RATE);
        int[] classes = MelodyCondition.fromAudio(clip, 50);
        // the silence runs 1.0-1.3 s: frames 52..62 are well inside it
        for (int t = 52; t <= 62; t++) {
            assertEquals(MelodyChroma.REST, classes[t], "frame " + t);
        }
    }
}
