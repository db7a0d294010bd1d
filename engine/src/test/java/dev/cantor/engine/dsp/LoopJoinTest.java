package dev.cantor.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.LoopCrossfade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The join measure on signals whose answer is known: a cut that leaves a tone out of phase or a
 * melody in the middle of a note jumps, and the same music closed by {@link LoopCrossfade} from a
 * lead-in does not; a tone of whole periods loops as it is.
 */
class LoopJoinTest {

    private static final int RATE = SineMelody.RATE;
    /** The music made before the loop, of which the end is blended into the loop's end. */
    private static final int LEAD_IN = RATE;
    private static final int FADE = RATE / 4;

    @Test
    void aToneOfWholePeriodsLoopsAsItIs() {
        float[] loop = tone(2 * RATE, 440);                          // 880 periods exactly
        LoopJoin.Measure m = LoopJoin.of(loop, RATE);
        assertTrue(m.seamless(), m.toString());
        assertTrue(m.joinStep() < 0.05, "the join is one more step of the sine: " + m);
    }

    @Test
    void aToneCutOutOfPhaseJumpsUntilTheLoopIsClosed() {
        int length = 2 * RATE + 36;                                 // half a period of 440 Hz past whole ones
        float[] music = tone(LEAD_IN + length, 440);
        LoopJoin.Measure raw = LoopJoin.of(Arrays.copyOfRange(music, LEAD_IN, LEAD_IN + length), RATE);
        assertFalse(raw.seamless(), raw.toString());
        assertTrue(raw.joinStep() > raw.stepMaxElsewhere(), "a step larger than the sine ever makes: " + raw);
        assertTrue(raw.joinFlux() > 10 * raw.fluxMaxElsewhere(), "a click in a steady tone: " + raw);
        assertEquals(100, raw.fluxPercentile(), 1e-9);

        LoopJoin.Measure closed = LoopJoin.of(LoopCrossfade.close(music, LEAD_IN, length, FADE), RATE);
        assertTrue(closed.seamless(), closed.toString());
        assertTrue(closed.joinStep() <= closed.stepMaxElsewhere() + 1e-6, closed.toString());
    }

    @Test
    void aMelodyCutInTheMiddleOfANoteJumpsUntilTheLoopIsClosed() {
        List<SineMelody.Segment> notes = new ArrayList<>();
        double[] tune = {220, 246.94, 261.63, 293.66, 329.63, 293.66, 261.63, 246.94};
        for (int i = 0; i < 12; i++) {
            notes.add(new SineMelody.Segment(tune[i % tune.length], 0.4));
        }
        float[] music = SineMelody.render(notes, RATE, 0, new double[] {1, 0.5, 0.25});
        int length = (int) (3.3 * RATE);                            // ends three quarters into a note
        LoopJoin.Measure raw = LoopJoin.of(Arrays.copyOfRange(music, LEAD_IN, LEAD_IN + length), RATE);
        assertFalse(raw.seamless(), raw.toString());

        LoopJoin.Measure closed = LoopJoin.of(LoopCrossfade.close(music, LEAD_IN, length, FADE), RATE);
        assertTrue(closed.seamless(), closed.toString());
        assertTrue(closed.stepPercentile() < 99, "the step across the join is an ordinary one: " + closed);
    }

    @Test
    void theJoinIsComparedWithEveryOtherBoundaryAndPair() {
        float[] loop = tone(RATE, 500);                             // 1024-sample frames, 512-sample hops
        LoopJoin.Measure m = LoopJoin.of(loop, RATE);
        // 62 boundaries at whole hops; the join, and the two whose frames reach over it, are left out
        assertEquals(RATE / 512 - 3, m.boundaries());
        assertTrue(m.fluxPercentile() >= 0 && m.fluxPercentile() <= 100);
        assertTrue(m.stepPercentile() >= 0 && m.stepPercentile() <= 100);
    }

    @Test
    void aShortLoopIsMeasuredWithShorterFramesAndATinyOneIsRefused() {
        LoopJoin.Measure m = LoopJoin.of(tone(2000, 400), RATE);    // 1/16 s: 32 ms frames would leave none
        assertTrue(m.boundaries() >= 10, m.toString());
        assertTrue(Double.isFinite(m.fluxPercentile()) && m.joinStep() < 0.05, m.toString());
        assertThrows(IllegalArgumentException.class, () -> LoopJoin.of(new float[300], RATE));
    }

    private static float[] tone(int n, double hz) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }
}
