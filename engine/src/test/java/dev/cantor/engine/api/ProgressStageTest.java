package dev.cantor.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgressStageTest {

    @Test
    void stagesShowTheWordsTheProgressBarsPrint() {
        assertEquals("conditioning", ProgressStage.CONDITIONING.toString());
        assertEquals("long form", ProgressStage.LONG_FORM.toString());
        assertEquals("section 2 of 3", ProgressStage.section(1, 3).toString());
        assertEquals(ProgressStage.section(1, 3), ProgressStage.section(1, 3));
        assertEquals(1, ProgressStage.section(1, 3).index());
    }

    @Test
    void onlyASectionStageCarriesASectionNumber() {
        assertThrows(IllegalArgumentException.class, () -> ProgressStage.section(3, 3));
        assertThrows(IllegalArgumentException.class, () -> ProgressStage.section(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new ProgressStage(ProgressStage.Kind.DECODING, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ProgressStage(null, -1, 0));
    }
}
