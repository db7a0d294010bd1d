package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokenMemorizationTest {

    private static int[] random(int length, long seed) {
        Random rnd = new Random(seed);
        int[] x = new int[length];
        for (int i = 0; i < length; i++) {
            x[i] = rnd.nextInt(1024);
        }
        return x;
    }

    @Test
    void findsACopiedWindowAnywhereInTheTrainingDataAndNothingElse() {
        List<int[]> training = List.of(random(300, 1), random(250, 2), random(40, 3));
        TokenMemorization memo = new TokenMemorization(training, 100);
        assertEquals(201 + 151, memo.windows(), "the 40-token clip is shorter than the window");
        int[] copy = new int[120];
        System.arraycopy(training.get(1), 37, copy, 0, 100);
        assertTrue(memo.containsPrefix(copy), "a verbatim copy from offset 37 of clip 1");
        copy[99] = (copy[99] + 1) % 1024;
        assertFalse(memo.containsPrefix(copy), "one token off is no longer verbatim");
        assertFalse(memo.containsPrefix(random(100, 4)));
        assertThrows(IllegalArgumentException.class, () -> memo.containsPrefix(new int[99]));
    }

    @Test
    void onlyThePrefixIsCompared() {
        int[] train = random(50, 5);
        TokenMemorization memo = new TokenMemorization(List.of(train), 50);
        int[] longer = new int[80];
        System.arraycopy(train, 0, longer, 0, 50);
        assertTrue(memo.containsPrefix(longer));
    }
}
