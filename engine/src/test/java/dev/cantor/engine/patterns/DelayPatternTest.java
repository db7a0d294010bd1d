package dev.cantor.engine.patterns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DelayPatternTest {

    @Test
    void buildThenRevertGivesTheCodesBack() {
        Random r = new Random(3);
        for (int k = 1; k <= 8; k++) {
            for (int frames : new int[] {1, 2, 7, 50}) {
                int[][] codes = new int[k][frames];
                for (int[] row : codes) {
                    for (int t = 0; t < frames; t++) {
                        row[t] = r.nextInt(1024);
                    }
                }
                DelayPattern p = new DelayPattern(k);
                int[][] delayed = p.build(codes, -1);
                assertEquals(frames + k - 1, delayed[0].length);
                assertArrayEquals(codes, p.revert(delayed));
            }
        }
    }

    @Test
    void codebookKIsShiftedByKStepsAndPaddedWithFill() {
        int[][] codes = {{10, 11, 12}, {20, 21, 22}, {30, 31, 32}};
        int[][] delayed = new DelayPattern(3).build(codes, 99);
        assertArrayEquals(new int[] {10, 11, 12, 99, 99}, delayed[0]);
        assertArrayEquals(new int[] {99, 20, 21, 22, 99}, delayed[1]);
        assertArrayEquals(new int[] {99, 99, 30, 31, 32}, delayed[2]);
        assertTrue(DelayPattern.isValid(2, 2, 3));
        assertFalse(DelayPattern.isValid(2, 1, 3));
        assertFalse(DelayPattern.isValid(0, 3, 3));
        assertEquals(1, new DelayPattern(3).framesComplete(3));
    }

    @Test
    void mismatchedInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DelayPattern(2).build(new int[][] {{1, 2}}, 0));
        assertThrows(IllegalArgumentException.class, () -> new DelayPattern(2).build(new int[][] {{1, 2}, {3}}, 0));
    }
}
