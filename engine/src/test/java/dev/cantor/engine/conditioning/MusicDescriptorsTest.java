package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.data.Captioner;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MusicDescriptorsTest {

    @Test
    void readsStyleMoodAndInstrumentsFromAMusiciansPrompt() {
        MusicDescriptors d = MusicDescriptors.parse("slow melancholic piano with soft strings, 70 bpm");
        assertNull(d.style());
        assertEquals(Mood.SAD, d.mood());
        assertEquals(Set.of("piano", "strings"), d.instruments());

        d = MusicDescriptors.parse("Funky groove: slap bass, Rhodes and drum machine, in E minor");
        assertEquals(Style.FUNK, d.style());
        assertEquals(Set.of("slap bass", "electric piano", "drums"), d.instruments());
    }

    @Test
    void instrumentNamesWinOverTheWordsInsideThem() {
        MusicDescriptors d = MusicDescriptors.parse("classical guitar and electric piano, bright and happy");
        assertNull(d.style(), "classical guitar is an instrument, not the classical style");
        assertEquals(Set.of("nylon-string guitar", "electric piano"), d.instruments());
        assertEquals(Mood.HAPPY, d.mood());

        d = MusicDescriptors.parse("steel drums, rock organ and a bass guitar in a latin style");
        assertEquals(Set.of("steel drums", "rock organ", "electric bass"), d.instruments());
        assertEquals(Style.LATIN, d.style());
    }

    @Test
    void theFirstStyleAndMoodCountPluralsAndEverydayWordsAreUnderstood() {
        MusicDescriptors d = MusicDescriptors.parse("dark hip hop beat, later turning into jazz; two guitars and sax");
        assertEquals(Style.HIP_HOP, d.style());
        assertEquals(Mood.DARK, d.mood());
        assertEquals(Set.of("acoustic guitar", "alto sax"), d.instruments());
        assertEquals(MusicDescriptors.NONE, MusicDescriptors.parse("something nice for a rainy afternoon"));
        assertTrue(MusicDescriptors.parse("").isEmpty());
        assertTrue(MusicDescriptors.parse(null).isEmpty());
        assertEquals(Set.of(), MusicDescriptors.parse("popcorn, rocky road and a bassoonist").withMood(null).instruments(),
                "words are matched whole");
    }

    @Test
    void everyCorpusCaptionNamesItsStyleOrMoodAndItsLeadInstrument() {
        Captioner captioner = new Captioner();
        SpecSampler sampler = SpecSampler.fullGeneralMidi();
        for (int i = 0; i < 400; i++) {
            PieceSpec spec = sampler.sample(1, i, 4.0);
            MusicDescriptors d = MusicDescriptors.parse(captioner.caption(spec));
            String caption = captioner.caption(spec);
            assertTrue(d.style() == spec.style() || d.mood() == spec.mood(), caption + " -> " + d);
            assertTrue(d.style() == null || d.style() == spec.style(), caption + " -> " + d);
            assertTrue(d.mood() == null || d.mood() == spec.mood(), caption + " -> " + d);
            assertTrue(d.instruments().contains(spec.instrumentNames().get(0)), caption + " -> " + d);
            assertTrue(spec.instrumentNames().containsAll(d.instruments()), caption + " -> " + d);
        }
    }

    @Test
    void theInstrumentVectorIsMultiHotOverTheVocabulary() {
        MusicDescriptors d = MusicDescriptors.parse("flute and drums");
        float[] v = d.instrumentVector();
        assertEquals(129, v.length);
        assertEquals(1f, v[MusicDescriptors.INSTRUMENTS.indexOf("flute")]);
        assertEquals(1f, v[128]);
        double sum = 0;
        for (float x : v) {
            sum += x;
        }
        assertEquals(2, sum);
        assertThrows(IllegalArgumentException.class, () -> new MusicDescriptors(null, null, Set.of("kazoo")));
    }

    @Test
    void musiciansShorthandNamesTheCorpusV2Styles() {
        assertEquals(Style.LOFI_HIP_HOP, MusicDescriptors.parse("chill lofi beat with rhodes").style());
        assertEquals(Style.CHIPTUNE, MusicDescriptors.parse("8-bit square lead, 150 bpm").style());
        assertEquals(Style.DRUM_AND_BASS, MusicDescriptors.parse("dark dnb").style());
        assertEquals(Style.DRUM_AND_BASS, MusicDescriptors.parse("drum and bass with a synth pad").style());
        assertEquals(Style.HIP_HOP, MusicDescriptors.parse("boom bap with piano").style());
        assertEquals(Style.CINEMATIC, MusicDescriptors.parse("epic orchestral, choir and timpani").style());
        assertEquals(Set.of("choir", "timpani"), MusicDescriptors.parse("epic orchestral, choir and timpani").instruments());
        assertEquals(Style.BOSSA_NOVA, MusicDescriptors.parse("bossa nova on nylon guitar").style());
        assertEquals(Style.WALTZ, MusicDescriptors.parse("a slow waltz for accordion").style());
        assertEquals(Style.METAL, MusicDescriptors.parse("thrash metal, distorted guitar").style());
        assertEquals(Style.REGGAE, MusicDescriptors.parse("roots reggae skank").style());
        assertEquals(Style.MARCH, MusicDescriptors.parse("marching band with tuba").style());
    }

    @Test
    void theLexiconReadsMusiciansWordsAsTheNearestTermAndSaysSo() {
        MusicDescriptors.Exact e = MusicDescriptors.readExact("mellow bossa nova with ukulele, congas and a cello");
        assertEquals(new MusicDescriptors(Style.BOSSA_NOVA, Mood.CALM, Set.of("acoustic guitar", "drums", "cello")),
                e.descriptors());
        assertEquals(List.of("mellow", "ukulele", "congas"),
                e.substitutions().stream().map(MusicDescriptors.Substitution::word).toList());
    }
}
