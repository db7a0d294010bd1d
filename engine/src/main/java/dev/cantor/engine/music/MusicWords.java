package dev.cantor.engine.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The words people use for styles, moods, instruments and tempos, as Cantor's captions write them
 * and its prompt reader expects them: synonyms ("melancholic" for sad), musicians' shorthand
 * ("dnb"), the phrases an instrument goes by ("upright bass") and tempo adjectives.
 */
public final class MusicWords {

    private static final Map<Style, List<String>> STYLE_WORDS = Map.ofEntries(
            Map.entry(Style.POP, List.of("pop", "radio-friendly pop", "pop")),
            Map.entry(Style.ROCK, List.of("rock", "guitar rock", "rock")),
            Map.entry(Style.JAZZ, List.of("jazz", "jazzy", "small-combo jazz", "swing jazz")),
            Map.entry(Style.CLASSICAL, List.of("classical", "classical-style", "chamber")),
            Map.entry(Style.ELECTRONIC, List.of("electronic", "EDM", "electro", "synth-driven electronic")),
            Map.entry(Style.AMBIENT, List.of("ambient", "atmospheric ambient", "downtempo ambient")),
            Map.entry(Style.HIP_HOP, List.of("hip-hop", "hip hop", "boom-bap hip-hop")),
            Map.entry(Style.FOLK, List.of("folk", "acoustic folk", "folky")),
            Map.entry(Style.BLUES, List.of("blues", "bluesy", "blues")),
            Map.entry(Style.LATIN, List.of("latin", "Latin", "latin-flavoured")),
            Map.entry(Style.FUNK, List.of("funk", "funky", "groovy funk")),
            Map.entry(Style.COUNTRY, List.of("country", "Nashville-style country", "country")),
            Map.entry(Style.METAL, List.of("metal", "heavy metal", "thrash metal")),
            Map.entry(Style.REGGAE, List.of("reggae", "roots reggae", "one-drop reggae")),
            Map.entry(Style.BOSSA_NOVA, List.of("bossa nova", "Brazilian bossa nova", "bossa nova")),
            Map.entry(Style.LOFI_HIP_HOP, List.of("lo-fi hip-hop", "lofi hip hop", "lo-fi", "chillhop")),
            Map.entry(Style.DRUM_AND_BASS, List.of("drum and bass", "drum & bass", "liquid drum and bass")),
            Map.entry(Style.CINEMATIC, List.of("cinematic", "orchestral", "epic orchestral", "film-score")),
            Map.entry(Style.MARCH, List.of("march", "marching band", "military march")),
            Map.entry(Style.CHIPTUNE, List.of("chiptune", "8-bit", "retro video-game")),
            Map.entry(Style.WALTZ, List.of("waltz", "waltz", "three-four waltz")));

    /** Musicians' shorthand for a style, as typed into a search box ("lofi", "dnb", "8-bit"). */
    private static final Map<Style, List<String>> SHORTHAND = Map.ofEntries(
            Map.entry(Style.POP, List.of("pop")),
            Map.entry(Style.ROCK, List.of("rock")),
            Map.entry(Style.JAZZ, List.of("jazz")),
            Map.entry(Style.CLASSICAL, List.of("classical")),
            Map.entry(Style.ELECTRONIC, List.of("EDM", "electro")),
            Map.entry(Style.AMBIENT, List.of("ambient")),
            Map.entry(Style.HIP_HOP, List.of("boom bap", "hip hop")),
            Map.entry(Style.FOLK, List.of("folk")),
            Map.entry(Style.BLUES, List.of("blues")),
            Map.entry(Style.LATIN, List.of("latin")),
            Map.entry(Style.FUNK, List.of("funk")),
            Map.entry(Style.COUNTRY, List.of("country")),
            Map.entry(Style.METAL, List.of("metal")),
            Map.entry(Style.REGGAE, List.of("reggae")),
            Map.entry(Style.BOSSA_NOVA, List.of("bossa")),
            Map.entry(Style.LOFI_HIP_HOP, List.of("lofi", "lo-fi", "chillhop")),
            Map.entry(Style.DRUM_AND_BASS, List.of("dnb", "d&b")),
            Map.entry(Style.CINEMATIC, List.of("epic orchestral", "film score")),
            Map.entry(Style.MARCH, List.of("march")),
            Map.entry(Style.CHIPTUNE, List.of("8-bit", "chiptune")),
            Map.entry(Style.WALTZ, List.of("waltz")));

    /** How a style's drums are described in full-sentence captions. */
    private static final Map<Style, List<String>> STYLE_DRUM_WORDS = Map.ofEntries(
            Map.entry(Style.METAL, List.of("pounding double-kick drums")),
            Map.entry(Style.REGGAE, List.of("one-drop drums", "a rimshot-heavy one-drop groove")),
            Map.entry(Style.LOFI_HIP_HOP, List.of("a dusty drum loop", "a laid-back drum loop")),
            Map.entry(Style.DRUM_AND_BASS, List.of("fast breakbeats", "rolling breakbeats")),
            Map.entry(Style.CINEMATIC, List.of("thundering war drums", "epic percussion")),
            Map.entry(Style.MARCH, List.of("marching drums", "a marching snare")),
            Map.entry(Style.CHIPTUNE, List.of("blippy chip drums")),
            Map.entry(Style.WALTZ, List.of("brushed drums")));

    private static final Map<Mood, List<String>> MOOD_WORDS = Map.of(
            Mood.HAPPY, List.of("happy", "cheerful", "joyful", "sunny", "bright", "uplifting"),
            Mood.SAD, List.of("sad", "melancholic", "wistful", "mournful", "bittersweet", "melancholy"),
            Mood.CALM, List.of("calm", "peaceful", "serene", "relaxed", "soothing", "chill"),
            Mood.ENERGETIC, List.of("energetic", "high-energy", "lively", "driving", "powerful"),
            Mood.DARK, List.of("dark", "brooding", "ominous", "moody"),
            Mood.DREAMY, List.of("dreamy", "ethereal", "hazy", "floating"),
            Mood.TENSE, List.of("tense", "suspenseful", "nervous", "anxious"),
            Mood.PLAYFUL, List.of("playful", "whimsical", "bouncy", "cheeky"));

    private static final Map<String, List<String>> INSTRUMENT_WORDS = Map.ofEntries(
            Map.entry("piano", List.of("piano", "acoustic piano", "grand piano")),
            Map.entry("electric piano", List.of("electric piano", "Rhodes-style electric piano", "e-piano")),
            Map.entry("acoustic bass", List.of("acoustic bass", "upright bass", "double bass")),
            Map.entry("electric bass", List.of("electric bass", "bass guitar", "fingered electric bass")),
            Map.entry("strings", List.of("strings", "a string section", "string ensemble")),
            Map.entry("acoustic guitar", List.of("acoustic guitar", "steel-string guitar", "strummed acoustic guitar")),
            Map.entry("nylon-string guitar", List.of("nylon-string guitar", "classical guitar")),
            Map.entry("distorted guitar", List.of("distorted guitar", "heavy electric guitar")),
            Map.entry("overdriven guitar", List.of("overdriven guitar", "crunchy electric guitar")),
            Map.entry("synth bass", List.of("synth bass", "synthesizer bass")),
            Map.entry("sawtooth lead", List.of("sawtooth lead", "saw synth lead")),
            Map.entry("square lead", List.of("square lead", "square-wave synth")),
            Map.entry("drawbar organ", List.of("drawbar organ", "organ")),
            Map.entry("fiddle", List.of("fiddle", "country fiddle")),
            Map.entry("harp", List.of("harp", "concert harp")),
            Map.entry("timpani", List.of("timpani", "rolling timpani")),
            Map.entry("choir", List.of("choir", "a choir", "choir aahs")),
            Map.entry("voice oohs", List.of("voice oohs", "wordless oohs")),
            Map.entry("brass section", List.of("brass section", "a brass section", "horn section")),
            Map.entry("french horn", List.of("french horn", "French horn")),
            Map.entry("soprano sax", List.of("soprano sax", "soprano saxophone")),
            Map.entry("alto sax", List.of("alto sax", "alto saxophone")),
            Map.entry("tenor sax", List.of("tenor sax", "tenor saxophone")),
            Map.entry("baritone sax", List.of("baritone sax", "bari sax")),
            Map.entry("slap bass", List.of("slap bass", "slapped bass")),
            Map.entry("pizzicato strings", List.of("pizzicato strings", "plucked strings")),
            Map.entry("tremolo strings", List.of("tremolo strings", "shivering tremolo strings")));

    private static final List<String> DRUM_WORDS = List.of("drums", "a drum kit", "live drums", "percussion");
    private static final List<String> DRUM_MACHINE_WORDS = List.of("drum machine", "programmed drums", "drums");

    private MusicWords() {
    }

    /** Words for a style (including musicians' shorthand), for tests and for parsing prompts. */
    public static List<String> styleWords(Style style) {
        List<String> all = new ArrayList<>(STYLE_WORDS.get(style));
        all.addAll(SHORTHAND.get(style));
        return List.copyOf(all);
    }

    /** The words a full sentence uses for a style ("guitar rock", "jazzy"). */
    public static List<String> styleSentenceWords(Style style) {
        return STYLE_WORDS.get(style);
    }

    /** Musicians' shorthand for a style ("dnb", "lofi"). */
    public static List<String> styleShorthand(Style style) {
        return SHORTHAND.get(style);
    }

    /** How a style's drums are described in full sentences ("one-drop drums"), or empty when plainly. */
    public static List<String> styleDrumWords(Style style) {
        return STYLE_DRUM_WORDS.getOrDefault(style, List.of());
    }

    /** Words for a mood. */
    public static List<String> moodWords(Mood mood) {
        return MOOD_WORDS.get(mood);
    }

    /** All phrases a caption may use for the instrument named {@code name} (as in the manifest). */
    public static List<String> instrumentWords(String name) {
        if (name.equals(GmInstruments.DRUMS)) {
            List<String> all = new ArrayList<>(DRUM_WORDS);
            all.addAll(DRUM_MACHINE_WORDS);
            STYLE_DRUM_WORDS.values().forEach(all::addAll);
            return all;
        }
        return instrumentPhrases(name);
    }

    /** The phrases for a melodic instrument ("upright bass" for acoustic bass); its name when it has no others. */
    public static List<String> instrumentPhrases(String name) {
        return INSTRUMENT_WORDS.getOrDefault(name, List.of(name));
    }

    /** Words for a drum kit, or for a drum machine ({@code machine}). */
    public static List<String> drumWords(boolean machine) {
        return machine ? DRUM_MACHINE_WORDS : DRUM_WORDS;
    }

    /** Tempo adjectives for {@code bpm}: "slow" up to 71 BPM ... "fast" from 140. */
    public static List<String> tempoWords(int bpm) {
        if (bpm < 72) {
            return List.of("slow", "unhurried", "slow-paced");
        } else if (bpm < 96) {
            return List.of("laid-back", "easygoing", "gently paced", "moderately slow");
        } else if (bpm < 116) {
            return List.of("mid-tempo", "moderate", "steady");
        } else if (bpm < 140) {
            return List.of("upbeat", "brisk", "peppy");
        }
        return List.of("fast", "quick", "up-tempo", "rapid");
    }
}
