package dev.cantor.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a natural-language caption for a clip, the way people describe music: many sentence
 * shapes, synonyms for style, mood, instruments and tempo, sometimes an explicit BPM or key.
 * Every caption names the clip's style or mood and at least one of its instruments, and says
 * nothing that is not true of the clip. Deterministic per clip.
 */
public final class Captioner {

    private static final long SALT = 0xCA9710L;

    /** Sentence shapes; each has {style} or {mood} and at least one instrument slot. */
    private static final List<String> TEMPLATES = List.of(
            "a {mood} {style} track with {all}",
            "{tempo} {style} featuring {lead} over {backing}",
            "{mood} {style} music led by {lead}",
            "{style} piece for {all}, {mood} and {tempo}",
            "instrumental {style}: {all}",
            "{lead} melody over {backing}, a {mood} {style} tune",
            "a {tempo}, {mood} tune played on {all}",
            "{mood} and {tempo}: {lead} with {backing}",
            "{style} groove built on {backing}, with {lead} on top",
            "a {mood} instrumental where {lead} carries the melody over {backing}",
            "{tempo} {mood} {style} with {all}",
            "{lead} solo with {backing} in a {style} style",
            "background music: {mood} {style}, {all}",
            "{style} jam with {lead} taking the lead, {mood} feel",
            "{lead}, backed by {backing}, plays a {mood} {style} piece",
            "a {style} song with a {mood} mood, featuring {all}",
            "{mood} {style}. {lead} melody, {backing} underneath",
            "{tempo} {style} instrumental with {all}",
            "{lead} over {backing}; {mood}, {tempo} {style}",
            "an instrumental {style} cut: {all}, {mood} atmosphere",
            "{mood} vibes: {style} with {lead}",
            "a short {style} clip with {all}",
            "{style}, {mood}, {all}",
            "{lead} leads a {tempo} {style} arrangement with {backing}",
            "music for a {mood} moment: {lead} over {backing}",
            "{mood} {lead} melody in a {style} setting");

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

    /**
     * The caption of the clip described by {@code spec}: a short description (most often), a
     * MusicCaps-like paragraph of full sentences, a tag list, or musicians' shorthand.
     */
    public String caption(PieceSpec spec) {
        ClipRandom rnd = new ClipRandom(ClipRandom.derive(spec.corpusSeed(), spec.index(), SALT));
        return switch (rnd.weighted(0.55, 0.25, 0.12, 0.08)) {
            case 0 -> description(spec, rnd);
            case 1 -> CaptionSentences.paragraph(spec, rnd);
            case 2 -> CaptionSentences.tags(spec, rnd);
            default -> CaptionSentences.shorthand(spec, rnd);
        };
    }

    /** The v1 caption: one sentence from {@link #TEMPLATES}, sometimes with BPM and key. */
    private static String description(PieceSpec spec, ClipRandom rnd) {
        String template = rnd.pick(TEMPLATES);
        List<String> names = spec.instrumentNames();
        List<String> phrases = new ArrayList<>();
        for (String name : names) {
            phrases.add(rnd.pick(phrasesFor(name, spec)));
        }
        String lead = phrases.get(0);
        List<String> backing = phrases.subList(1, phrases.size());
        String text = template
                .replace("{style}", rnd.pick(STYLE_WORDS.get(spec.style())))
                .replace("{mood}", rnd.pick(MOOD_WORDS.get(spec.mood())))
                .replace("{tempo}", rnd.pick(tempoWords(spec.tempoBpm())))
                .replace("{lead}", lead)
                .replace("{backing}", backing.isEmpty() ? "a light rhythm section" : list(backing, rnd))
                .replace("{all}", list(phrases, rnd));
        StringBuilder sentence = new StringBuilder(text);
        if (rnd.chance(0.35)) {
            sentence.append(rnd.pick(List.of(" at %d bpm", ", %d BPM", " at around %d beats per minute",
                    ", tempo %d", " (%d BPM)")).formatted(spec.tempoBpm()));
        }
        if (rnd.chance(0.3)) {
            sentence.append(rnd.pick(List.of(" in %s", ", key of %s", ", in the key of %s"))
                    .formatted(spec.tonality().label()));
        }
        return finish(sentence.toString());
    }

    /** Words for a style (including musicians' shorthand), for tests and for parsing prompts. */
    public static List<String> styleWords(Style style) {
        List<String> all = new ArrayList<>(STYLE_WORDS.get(style));
        all.addAll(SHORTHAND.get(style));
        return List.copyOf(all);
    }

    /** A random word for the style from the sentence vocabulary. */
    static String styleWord(Style style, ClipRandom rnd) {
        return rnd.pick(STYLE_WORDS.get(style));
    }

    /** A random shorthand word for the style ("dnb", "lofi"). */
    static String shorthandWord(Style style, ClipRandom rnd) {
        return rnd.pick(SHORTHAND.get(style));
    }

    static String moodWord(Mood mood, ClipRandom rnd) {
        return rnd.pick(MOOD_WORDS.get(mood));
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
        return INSTRUMENT_WORDS.getOrDefault(name, List.of(name));
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

    static List<String> phrasesFor(String name, PieceSpec spec) {
        if (name.equals(GmInstruments.DRUMS)) {
            return spec.drumKit() == 24 || spec.drumKit() == 25 ? DRUM_MACHINE_WORDS : DRUM_WORDS;
        }
        return INSTRUMENT_WORDS.getOrDefault(name, List.of(name));
    }

    /** Like {@link #phrasesFor}, but drums may be described the way the style plays them. */
    static List<String> sentencePhrasesFor(String name, PieceSpec spec) {
        if (name.equals(GmInstruments.DRUMS) && STYLE_DRUM_WORDS.containsKey(spec.style())) {
            return STYLE_DRUM_WORDS.get(spec.style());
        }
        return phrasesFor(name, spec);
    }

    /** "a, b and c" in one of several ways; sometimes names only the first few. */
    static String list(List<String> items, ClipRandom rnd) {
        List<String> use = items.size() > 2 && rnd.chance(0.25) ? items.subList(0, 2) : items;
        if (use.size() == 1) {
            return use.get(0);
        }
        String last = use.get(use.size() - 1);
        String head = String.join(", ", use.subList(0, use.size() - 1));
        return switch (rnd.below(4)) {
            case 0 -> head + " and " + last;
            case 1 -> head + " & " + last;
            case 2 -> head + " plus " + last;
            default -> head + ", " + last;
        };
    }

    /** Fixes "a" before vowels and capitalises each sentence. */
    static String finish(String text) {
        String fixed = text.replaceAll("\\b([Aa]) (?=[aeiouAEIOU8])", "$1n ");
        StringBuilder out = new StringBuilder(fixed);
        for (int i = 0; i < out.length(); i++) {
            if (i == 0 || (i >= 2 && out.charAt(i - 2) == '.' && out.charAt(i - 1) == ' ')) {
                out.setCharAt(i, Character.toUpperCase(out.charAt(i)));
            }
        }
        return out.append('.').toString();
    }
}
