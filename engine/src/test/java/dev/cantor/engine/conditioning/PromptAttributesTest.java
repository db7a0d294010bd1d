package dev.cantor.engine.conditioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.music.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptAttributesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Grand piano solo in a downtempo ambient style, tempo 60.              | 60",
        "Upright bass & drums (98 BPM) in Eb major.                            | 98",
        "Synth bass at 65 bpm.                                                 | 65",
        "A peaceful pop tune at around 122 beats per minute.                   | 122",
        "lofi hip hop, 70bpm, dusty drums                                      | 70",
        "dark techno 128 BPM                                                   | 128",
        "trance at 138.5 bpm                                                   | 138.5",
        "jungle, BPM: 170                                                      | 170",
        "a waltz with a tempo of about 84                                      | 84",
        "house around 120-130 bpm                                              | 125",
        "90 beats a minute, swung                                              | 90",
    })
    void readsTempo(String prompt, double bpm) {
        assertEquals(bpm, PromptAttributes.parse(prompt).tempoBpm(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a song from 1999 with 3 guitars",
        "played at 10 bpm",
        "a 500 bpm speedcore blast",
        "tempo rubato, expressive",
        "track 12 of the album",
    })
    void ignoresNumbersThatAreNotATempo(String prompt) {
        assertNull(PromptAttributes.parse(prompt).tempoBpm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Strings and harp, in the key of C minor.            | 0  | MINOR",
        "Jazz trio, key of E major.                          | 4  | MAJOR",
        "A sad waltz in G minor.                             | 7  | MINOR",
        "Bright pop in C# major.                             | 1  | MAJOR",
        "Brooding strings, Bb minor                          | 10 | MINOR",
        "cinematic swell in F♯ minor                         | 6  | MINOR",
        "hymn in E♭ major                                    | 3  | MAJOR",
        "ballad in a minor                                   | 9  | MINOR",
        "a minor, 80 bpm, piano                              | 9  | MINOR",
        "nocturne in b flat minor                            | 10 | MINOR",
        "funk jam in F-sharp major                           | 6  | MAJOR",
        "loop in C#m                                         | 1  | MINOR",
        "sad piano, Am                                       | 9  | MINOR",
        "fanfare in Dmaj                                     | 2  | MAJOR",
        "Tempo 96 in Ab major                                | 8  | MAJOR",
        "in the key of Cb major                              | 11 | MAJOR",
    })
    void readsKeyAndMode(String prompt, int root, Mode mode) {
        PromptAttributes a = PromptAttributes.parse(prompt);
        assertEquals(root, a.keyRoot(), prompt);
        assertEquals(mode, a.mode(), prompt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a minor-key ballad for cello               | MINOR",
        "A minor-key ballad for cello               | MINOR",
        "happy tune in a major key                  | MAJOR",
        "something dark, in minor.                  | MINOR",
    })
    void readsModeWithoutRootWhenTheLetterIsAnArticle(String prompt, Mode mode) {
        PromptAttributes a = PromptAttributes.parse(prompt);
        assertNull(a.keyRoot(), prompt);
        assertEquals(mode, a.mode(), prompt);
    }

    @Test
    void readsRootWithoutMode() {
        PromptAttributes a = PromptAttributes.parse("a prelude in the key of D, gentle");
        assertEquals(2, a.keyRoot());
        assertNull(a.mode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a minor hit from the eighties",
        "a major label production",
        "I am happy, a calm song",
        "bass and drums in a dub style",
        "the minor details of a good mix",
        "chord progression Cmaj7 to Dm7",
    })
    void findsNoKeyInOrdinaryWords(String prompt) {
        PromptAttributes a = PromptAttributes.parse(prompt);
        assertNull(a.keyRoot(), prompt);
        assertNull(a.mode(), prompt);
    }

    @Test
    void readsAllThreeTogether() {
        PromptAttributes a = PromptAttributes.parse("Double bass & drums at 92 bpm in F# minor.");
        assertEquals(new PromptAttributes(92.0, 6, Mode.MINOR), a);
    }

    @Test
    void aPromptWithoutAttributesIsNone() {
        assertSame(PromptAttributes.NONE, PromptAttributes.parse("dreamy ambient pads with soft piano"));
        assertSame(PromptAttributes.NONE, PromptAttributes.parse("  "));
        assertTrue(PromptAttributes.NONE.isEmpty());
    }

    @Test
    void rejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new PromptAttributes(5.0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new PromptAttributes(null, 12, null));
    }
}
