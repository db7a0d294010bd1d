package dev.cantor.engine.generation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cantor.engine.lm.BeatClock;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.music.Mode;
import org.junit.jupiter.api.Test;

class StoryGeneratorTest {

    @Test
    void aTransitionGlidesTheTempoMixesTheTextAndSwitchesKeyHalfWay() {
        float[] a = new float[384];
        float[] b = new float[384];
        a[0] = 1;
        b[1] = 1;
        LmCondition calm = new LmCondition(a, 70.0, 0, Mode.MAJOR, null,
                dev.cantor.engine.conditioning.MusicDescriptors.parse("calm piano"));
        LmCondition drive = new LmCondition(b, 140.0, 2, Mode.MINOR, null,
                dev.cantor.engine.conditioning.MusicDescriptors.parse("driving rock with drums"));
        LmCondition quarter = StoryGenerator.blend(calm, drive, 0.25);
        assertEquals(87.5, quarter.tempoBpm(), 1e-9);
        assertEquals(0, quarter.keyRoot());
        assertEquals(Mode.MAJOR, quarter.mode());
        assertEquals(calm.descriptors(), quarter.descriptors(), "style, mood and instruments switch half way");
        assertEquals(0.75 / Math.hypot(0.75, 0.25), quarter.text()[0], 1e-6, "a unit-length mix");
        LmCondition late = StoryGenerator.blend(calm, drive, 0.75);
        assertEquals(2, late.keyRoot());
        assertEquals(Mode.MINOR, late.mode());
        assertEquals(drive.descriptors(), late.descriptors());
        assertSame(drive, StoryGenerator.blend(calm, drive, 1.0));
        assertSame(drive, StoryGenerator.blend(null, drive, 0.3), "the first section has nothing to come from");
        LmCondition free = new LmCondition(b, null, null, null, null);
        assertEquals(70.0, StoryGenerator.blend(calm, free, 0.25).tempoBpm(), "no tempo to glide to: keep the old");
        assertEquals(null, StoryGenerator.blend(calm, free, 0.75).tempoBpm());
    }

    @Test
    void theClockCarriedAcrossAChunkContinuesWhereItWas() {
        // 120 bpm at 50 frames per second: a beat every 25 frames. A chunk that starts 1.5 beats in
        // must see the same clock as frames 37.5.. of one long run would (checked on whole frames).
        float[] longRun = new float[100 * BeatClock.FEATURES];
        BeatClock.write(120.0, 0, 50, 0, 100, longRun, 0);
        float[] chunk = new float[50 * BeatClock.FEATURES];
        BeatClock.write(120.0, 2.0, 50, 0, 50, chunk, 0);            // phase 2 beats = frame 50
        float[] expected = java.util.Arrays.copyOfRange(longRun, 50 * BeatClock.FEATURES, 100 * BeatClock.FEATURES);
        assertArrayEquals(expected, chunk, 1e-5f);
    }
}
