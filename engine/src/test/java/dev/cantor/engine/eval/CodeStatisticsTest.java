package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CodeStatisticsTest {

    private static int[][] codes(boolean dependent, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int frames = 4000;
        int[][] c = new int[2][frames];
        for (int t = 0; t < frames; t++) {
            c[0][t] = r.nextInt(8);
            c[1][t] = dependent ? c[0][t] : r.nextInt(8);
        }
        return c;
    }

    @Test
    void excessTotalCorrelationSeesDependenceAndNotItsAbsence() {
        CodeStatistics independent = new CodeStatistics(2, 8);
        independent.add(codes(false, 1));
        CodeStatistics dependent = new CodeStatistics(2, 8);
        dependent.add(codes(true, 1));
        assertEquals(0, independent.excessTotalCorrelationBits(), 0.05);
        assertEquals(3, dependent.excessTotalCorrelationBits(), 0.1, "a copied 8-way code shares 3 bits");
        assertEquals(8, independent.perplexities()[0], 0.2);
        assertEquals(0, independent.pairwiseMutualInformationExcessBits(), 0.05);
        assertEquals(3, dependent.pairwiseMutualInformationExcessBits(), 0.1);
    }

    @Test
    void delayedStatisticPairsCodebookKWithFrameTMinusK() {
        SplittableRandom r = new SplittableRandom(3);
        int frames = 4000;
        int[][] c = new int[2][frames];
        for (int t = 0; t < frames; t++) {
            c[0][t] = r.nextInt(8);
        }
        for (int t = 0; t < frames; t++) {
            c[1][t] = t + 1 < frames ? c[0][t + 1] : 0; // codebook 1 at t copies codebook 0 at t+1
        }
        CodeStatistics s = new CodeStatistics(2, 8);
        s.add(c);
        assertTrue(s.excessTotalCorrelationBits() < 0.1, "aligned: " + s.excessTotalCorrelationBits());
        assertTrue(s.excessDelayedTotalCorrelationBits() > 2.8, "delayed: " + s.excessDelayedTotalCorrelationBits());
        assertTrue(s.delayedPairwiseMutualInformationExcessBits() > 2.8);
        assertTrue(s.pairwiseMutualInformationExcessBits() < 0.1);
    }
}
