package dev.cantor.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromptReadingTest {

    @Test
    void theSummaryNamesWhatWasReadInOneLine() {
        assertEquals("nothing", PromptReading.NONE.summary());
        assertEquals("70 bpm · F# minor · jazz · sad · piano, strings",
                new PromptReading(70.0, "F#", "minor", "jazz", "sad", List.of("piano", "strings")).summary());
        assertEquals("92.5 bpm · minor", new PromptReading(92.5, null, "minor", null, null, null).summary());
        assertEquals("Bb", new PromptReading(null, "Bb", null, null, null, List.of()).summary());
    }

    @Test
    void explicitSettingsReplaceWhatThePromptSaysAndOnlyThat() {
        PromptReading read = new PromptReading(70.0, "F#", "minor", "jazz", "sad", List.of("piano"));
        assertEquals("120 bpm · F# major · jazz · sad · piano", read.withSettings(120.0, null, "major").summary());
        assertEquals(read, read.withSettings(null, null, null));
        assertEquals("C", PromptReading.NONE.withSettings(null, "C", null).summary());
    }
}
