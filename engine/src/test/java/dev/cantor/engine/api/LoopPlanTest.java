package dev.cantor.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A loop's length in whole bars of the prompt's tempo and metre, and what it needs made. */
class LoopPlanTest {

    @Test
    void fourFourRoundsToTheNearestBar() {
        // a bar of 4/4 at 70 bpm is 24/7 = 3.43 s: 13 s is 3.79 bars, so 4
        LoopPlan plan = LoopPlan.of(reading(70.0, null), 13);
        assertEquals(4, plan.bars());
        assertEquals(4, plan.beatsPerBar());
        assertEquals(4 * 240 / 70.0, plan.seconds(), 1e-9);
        assertEquals("4 bars of 4/4 at 70 bpm = 13.71 s", plan.describe());
        assertEquals(240 / 70.0, plan.leadInSeconds(), 1e-9, "a bar of lead-in");
        assertEquals(60 / 70.0, plan.fadeSeconds(), 1e-9, "a beat of blend");
        assertEquals(438857, plan.samples(32000));
        assertEquals(27429, plan.fadeSamples(32000));
        assertEquals(3, LoopPlan.of(reading(70.0, null), 11.9).bars(), "3.47 bars round down");
    }

    @Test
    void aWaltzHasThreeBeatsToTheBar() {
        // a bar of 3/4 at 150 bpm is 1.2 s: 8 s is 6.67 bars, so 7
        LoopPlan plan = LoopPlan.of(reading(150.0, "waltz"), 8);
        assertEquals(7, plan.bars());
        assertEquals(3, plan.beatsPerBar());
        assertEquals(8.4, plan.seconds(), 1e-9);
        assertEquals(1.2, plan.leadInSeconds(), 1e-9);
        assertEquals("7 bars of 3/4 at 150 bpm = 8.40 s", plan.describe());
        assertEquals(4, LoopPlan.of(reading(150.0, "jazz"), 8).beatsPerBar());
    }

    @Test
    void aLoopIsAtLeastOneBar() {
        LoopPlan plan = LoopPlan.of(reading(60.0, null), 0.5);
        assertEquals(1, plan.bars());
        assertEquals(4.0, plan.seconds(), 1e-9);
        assertEquals("1 bar of 4/4 at 60 bpm = 4.00 s", plan.describe());
        assertEquals("1 bar of 4/4 at 72.5 bpm = 3.31 s", LoopPlan.of(reading(72.5, null), 1).describe());
    }

    @Test
    void withoutATempoTheSecondsAreKeptAndTheLoopIsNotBarAligned() {
        LoopPlan plan = LoopPlan.of(reading(null, "waltz"), 10);
        assertFalse(plan.barAligned());
        assertEquals(0, plan.bars());
        assertNull(plan.tempoBpm());
        assertEquals(10, plan.seconds(), 0);
        assertEquals(LoopPlan.FADE_WITHOUT_TEMPO_SECONDS, plan.fadeSeconds(), 0);
        assertEquals("10.00 s, not bar-aligned (the prompt names no tempo)", plan.describe());
        assertEquals(0.25, LoopPlan.of(reading(null, null), 1).fadeSeconds(), 1e-12, "at most a quarter of the loop");
        assertTrue(LoopPlan.of(reading(120.0, null), 10).barAligned());
    }

    @Test
    void theLengthLimitIsCheckedAfterRounding() {
        // 590 s is 49.2 bars of 12 s at 20 bpm: 49 bars and a bar of lead-in make exactly 600 s
        assertEquals(588, LoopPlan.of(reading(20.0, null), 590).seconds(), 1e-9);
        // 596 s rounds up to 50 bars = 600 s, over the limit with its lead-in
        RequestException e = assertThrows(RequestException.class, () -> LoopPlan.of(reading(20.0, null), 596));
        assertTrue(e.getMessage().startsWith("a loop of 50 bars of 4/4 at 20 bpm = 600.00 s needs 612.00 s"),
                e.getMessage());
        assertThrows(RequestException.class, () -> LoopPlan.of(reading(null, null), 599));
        assertThrows(RequestException.class, () -> LoopPlan.of(reading(120.0, null), 0));
        assertThrows(RequestException.class, () -> LoopPlan.of(reading(120.0, null), Double.NaN));
    }

    private static PromptReading reading(Double bpm, String style) {
        return new PromptReading(bpm, null, null, style, null, List.of());
    }
}
