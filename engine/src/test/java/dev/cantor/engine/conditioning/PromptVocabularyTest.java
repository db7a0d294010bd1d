package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.conditioning.MusicDescriptors.Kind;
import dev.cantor.engine.conditioning.PromptVocabulary.Mapping;
import dev.cantor.engine.conditioning.PromptVocabulary.Reading;
import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The similarities these rely on are measured in {@link PromptVocabulary}'s Javadoc table. */
class PromptVocabularyTest {

    private static TextEncoder encoder;
    private static PromptVocabulary vocabulary;

    @BeforeAll
    static void load() {
        encoder = TextEncoder.open();                 // a couple of seconds, once per class
        vocabulary = new PromptVocabulary(encoder);
    }

    @AfterAll
    static void release() {
        encoder.close();
    }

    @Test
    void theVocabularysOwnTermsMapToThemselves() {
        Mapping cello = vocabulary.nearest("cello").orElseThrow();
        assertEquals("cello", cello.term());
        assertEquals(1.0, cello.similarity(), 1e-4);
        assertEquals("jazz", vocabulary.nearest("jazz").orElseThrow().term());
        assertEquals(Kind.STYLE, vocabulary.nearest("jazz").orElseThrow().kind());
        assertEquals("dreamy", vocabulary.nearest("dreamy").orElseThrow().term());
        Reading r = vocabulary.read("calm jazz with piano, strings and an upright bass");
        assertEquals(new MusicDescriptors(Style.JAZZ, Mood.CALM, Set.of("piano", "strings", "acoustic bass")),
                r.descriptors());
        assertEquals(List.of(), r.mapped(), "the corpus's own words are not reported as mapped");
        assertEquals(List.of(), r.unknown());
    }

    @Test
    void wordsOutsideTheVocabularyMapToTheirFamilyByMeaning() {
        Mapping brass = vocabulary.nearest("brass").orElseThrow();
        assertEquals("brass section", brass.term());
        assertTrue(brass.similarity() >= PromptVocabulary.INSTRUMENT_THRESHOLD && brass.similarity() < 1, brass.toString());
        assertEquals("electronic", vocabulary.nearest("synthwave").orElseThrow().term());
        assertEquals(Kind.STYLE, vocabulary.nearest("synthwave").orElseThrow().kind());
        assertTrue(Set.of("choir", "voice oohs", "voice lead", "synth voice")
                .contains(vocabulary.nearest("vocals").orElseThrow().term()));
    }

    @Test
    void theLexiconTakesTheNamesTheEncoderCannotPlace() {
        Reading r = vocabulary.read("a trap beat with ukulele, djembe and cajon");
        assertEquals(Style.HIP_HOP, r.descriptors().style());
        assertEquals(Set.of("acoustic guitar", GmInstruments.DRUMS), r.descriptors().instruments());
        assertTrue(r.mapped().contains(new Mapping("ukulele", "acoustic guitar", Kind.INSTRUMENT, null)), r.toString());
        assertTrue(r.mapped().contains(new Mapping("trap", "hip-hop", Kind.STYLE, null)), r.toString());
        assertEquals(List.of(), r.unknown());
    }

    @Test
    void nonsenseMapsToNothingAndIsReported() {
        for (String word : List.of("flurb", "asdf", "purple elephant")) {
            assertEquals(Optional.empty(), vocabulary.nearest(word), word);
        }
        Reading r = vocabulary.read("a purple elephant with piano and flurb, asdf");
        assertEquals(Set.of("piano"), r.descriptors().instruments());
        assertEquals(List.of("purple elephant", "flurb", "asdf"), r.unknown());
    }

    @Test
    void theIssuesExamplePrompt() {
        Reading r = vocabulary.read("epic orchestral battle music with brass and timpani, 70 bpm, minor key");
        // "epic orchestral" is corpus v2's own name for its cinematic style, so it reads as a style
        assertEquals(new MusicDescriptors(Style.CINEMATIC, null, Set.of("brass section", "timpani")),
                r.descriptors());
        Mapping brass = r.mapped().stream().filter(m -> m.word().equals("brass")).findFirst().orElseThrow();
        assertEquals("brass section", brass.term());
        assertEquals(List.of("battle"), r.unknown());
        assertTrue(brass.similarity() != null && brass.similarity() > 0.6, "brass is placed by its embedding: " + brass);
    }
}
