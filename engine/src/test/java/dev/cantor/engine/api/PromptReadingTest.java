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

    @Test
    void theSummarySaysWhatWasMappedNotUnderstoodAndNotUsedByTheModel() {
        PromptReading read = new PromptReading(70.0, null, "minor", "classical", "energetic",
                List.of("brass section", "timpani"),
                List.of(new PromptReading.Mapped("brass", "brass section", "instrument", 0.83)), List.of("flurb"), false);
        assertEquals("70 bpm · minor · classical · energetic · brass section, timpani (brass → brass section)"
                + "; not understood: flurb; this model does not use style, mood or instruments", read.summary());
        assertEquals(List.of("tempo_bpm", "key", "mode"), read.usedByModel());
        assertEquals(read.mapped(), read.withSettings(90.0, null, null).mapped());
        assertEquals(List.of("tempo_bpm", "key", "mode", "style", "mood", "instruments"),
                PromptReading.NONE.usedByModel());
        assertEquals("nothing; not understood: flurb",
                new PromptReading(null, null, null, null, null, null, null, List.of("flurb"), false).summary());
    }
}
