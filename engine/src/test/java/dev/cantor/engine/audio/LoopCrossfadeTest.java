package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Where the blend that closes a loop takes its samples from, on a ramp whose every sample names its index. */
class LoopCrossfadeTest {

    private static final float[] RAMP = ramp(100);

    @Test
    void theLoopsLastSamplesHandOverToTheMusicBeforeItsStart() {
        // music 0..99; the loop is 30..69, its last 10 samples blended with 20..29
        float[] loop = LoopCrossfade.close(RAMP, 30, 40, 10);
        assertEquals(40, loop.length);
        assertArrayEquals(Arrays.copyOfRange(RAMP, 30, 60), Arrays.copyOf(loop, 30), "untouched before the blend");
        for (int i = 30; i < 40; i++) {
            float own = RAMP[30 + i];                               // 60..69
            float leadIn = RAMP[i - 10];                            // 20..29: what led into sample 30
            double t = (i - 30 + 0.5) / 10;
            double s = t * t * (3 - 2 * t);
            assertEquals(Math.cos(Math.PI / 2 * s) * own + Math.sin(Math.PI / 2 * s) * leadIn, loop[i], 1e-4);
        }
        // Played end to end: the last sample is nearly the one before the start (29; 1 % of 69 is left), then 30.
        assertEquals(29, loop[39], 1);
        assertEquals(30, loop[0], 0);
    }

    @Test
    void aBlendAfterTheJoinTakesTheMusicPastTheEnd() {
        float[] loop = LoopCrossfade.close(RAMP, 30, 40, 0, 10, LoopCrossfade.Shape.LINEAR);
        assertEquals(0.95 * 70 + 0.05 * 30, loop[0], 1e-4);         // mostly what follows the end (70)
        assertEquals(0.05 * 79 + 0.95 * 39, loop[9], 1e-4);         // mostly the loop's own sample (39)
        assertArrayEquals(Arrays.copyOfRange(RAMP, 40, 70), Arrays.copyOfRange(loop, 10, 40));
    }

    @Test
    void equalPowerKeepsTheLevelOfUnrelatedMaterial() {
        // Two uncorrelated unit-power signals: the equal-power blend keeps power 1 throughout.
        java.util.Random random = new java.util.Random(3);
        float[] music = new float[40_000];
        for (int i = 0; i < music.length; i++) {
            music[i] = (float) random.nextGaussian();
        }
        float[] loop = LoopCrossfade.close(music, 10_000, 20_000, 8_000);
        double power = 0;
        for (int i = 20_000 - 8_000; i < 20_000; i++) {
            power += loop[i] * loop[i];
        }
        assertEquals(1.0, power / 8_000, 0.05);
    }

    @Test
    void musicThatDoesNotReachAroundTheLoopIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoopCrossfade.close(RAMP, 5, 40, 10));   // lead-in short
        assertThrows(IllegalArgumentException.class, () -> LoopCrossfade.close(RAMP, 70, 40, 10));  // runs off the end
        assertThrows(IllegalArgumentException.class, () -> LoopCrossfade.close(RAMP, 30, 40, 0));   // no blend
        assertThrows(IllegalArgumentException.class, () -> LoopCrossfade.close(RAMP, 50, 40, 45));  // blend > loop
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
