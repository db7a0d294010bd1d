package dev.cantor.engine.conditioning;

import dev.cantor.engine.music.MusicWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a prompt that might name a style, mood or instrument the vocabulary did not match:
 * what {@link PromptVocabulary} tries to map by meaning, and reports as not understood when it
 * cannot. Deterministic and deliberately plain:
 *
 * <ol>
 *   <li>Text the vocabulary already matched is a boundary, like a comma.</li>
 *   <li>The rest is cut into words (letters, digits, inner hyphens and apostrophes: "lo-fi",
 *       "grandmother's").</li>
 *   <li>A run of consecutive content words is one phrase ("purple elephant"). Every other word ends
 *       the run: joining words ("with", "and", "over", "featuring" …), articles and fillers, words
 *       of no kind ("music", "track", "beat", "solo" …), tempo words ("slow", "upbeat" — the corpus
 *       captions' own, from {@link MusicWords#tempoWords}), and the words of tempo and key that
 *       {@link PromptAttributes} reads (numbers, "bpm", "major", "minor", "sharp", note names such
 *       as "c#", "bb", "f#m"). So does any punctuation.</li>
 * </ol>
 */
final class CandidatePhrases {

    /** A word: starts with a letter or digit; inner hyphens, apostrophes and accidentals allowed. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}#♯♭]|['’-](?=[\\p{L}\\p{N}]))*");
    /** Note names and chord symbols: "c", "f#", "bb", "am", "c#m", "ebmaj", "dmin". */
    private static final Pattern NOTE = Pattern.compile("[a-g][#b♯♭]?(?:m|maj|min)?");
    private static final Pattern NUMBER = Pattern.compile("[\\p{N}.,/:–-]+(?:s|st|nd|rd|th|bpm|k)?");

    /** Words that join phrases; they end a phrase. */
    private static final Set<String> JOINING = Set.of("with", "and", "or", "but", "over", "under", "featuring",
            "feat", "ft", "plus", "on", "in", "at", "for", "of", "by", "from", "into", "to", "then", "using",
            "backed", "led", "played", "playing", "like", "than", "as", "while", "via", "behind", "underneath",
            "above", "against", "between", "through", "without", "after", "before", "around", "about", "along");

    /** Articles, pronouns, fillers and words that name no style, mood or instrument. */
    private static final Set<String> NEUTRAL = Set.of(
            "a", "an", "the", "some", "any", "this", "that", "these", "those", "it", "its", "it's", "i", "me", "my",
            "we", "our", "you", "your", "is", "are", "be", "am", "was", "please", "make", "made", "give", "create",
            "generate", "compose", "write", "want", "need", "something", "kind", "type", "sort", "sounding",
            "very", "really", "quite", "slightly", "somewhat", "bit", "little", "lot", "lots", "more", "less",
            "much", "many", "few", "two", "three", "four", "one", "only", "just", "also", "too", "so", "all",
            "both", "each", "every", "other", "another", "same", "new", "good", "nice", "great", "cool",
            "music", "musical", "track", "tracks", "song", "songs", "tune", "tunes", "piece", "pieces", "beat",
            "beats", "instrumental", "instrumentals", "sound", "sounds", "style", "styles", "styled", "vibe",
            "vibes", "feel", "feeling", "mood", "moods", "groove", "grooves", "melody", "melodies", "harmony",
            "harmonies", "rhythm", "rhythms", "solo", "solos", "section", "part", "parts", "loop", "loops", "intro",
            "outro", "verse", "chorus", "bridge", "background", "clip", "arrangement", "composition", "jam",
            "cut", "setting", "moment", "tone", "texture", "layer", "layers", "line", "lines", "lead", "backing",
            "accompaniment", "ensemble", "band", "player", "players", "sample", "samples", "version",
            "atmosphere", "top", "where", "plays", "leads", "carries", "taking", "built",
            "soft", "softly", "loud", "gentle", "gently", "light", "quiet", "long", "short",
            "bpm", "tempo", "key", "major", "minor", "maj", "min", "sharp", "flat", "natural", "per",
            "minute", "minutes", "second", "seconds", "time", "signature", "bar", "bars", "measure", "measures");

    /**
     * How a piece is recorded and how it moves (corpus v2's captions speak of both): these name no
     * style, mood or instrument, and the model hears them through the sentence embedding only.
     */
    private static final Set<String> RECORDING_AND_FORM = Set.of(
            "recording", "recordings", "recorded", "production", "produced", "mix", "mixed", "master", "features",
            "dry", "wet", "clean", "warm", "muffled", "dusty", "roomy", "room", "spacious", "reverberant",
            "reverb-drenched", "hall-like", "cavernous", "close-miked", "natural-sounding", "tape-like", "washed-out",
            "tight", "character", "lo-fi", "hi-fi", "even", "volume", "dynamics", "swelling", "building", "builds",
            "rising", "falling", "waves", "growing", "louder", "softer", "getting", "towards", "settling", "down",
            "intensity", "passages", "sections", "alternating", "end", "pulse", "feels", "goes", "carried", "can",
            "hear", "here", "three-four", "w");

    private final Set<String> boundaries;

    private CandidatePhrases(Set<String> boundaries) {
        this.boundaries = boundaries;
    }

    /** With the corpus's tempo words as boundaries too. */
    static CandidatePhrases standard() {
        Set<String> words = new HashSet<>(JOINING);
        words.addAll(NEUTRAL);
        words.addAll(RECORDING_AND_FORM);
        for (int bpm : new int[] {60, 80, 100, 120, 160}) {
            for (String phrase : MusicWords.tempoWords(bpm)) {
                words.addAll(List.of(phrase.split("[\\s]+")));
            }
        }
        return new CandidatePhrases(Set.copyOf(words));
    }

    /**
     * The candidate phrases of {@code text}, each as its words in order.
     *
     * @param text    the prompt in lower case
     * @param claimed per character of {@code text}: true where the vocabulary already matched
     */
    List<List<String>> find(String text, boolean[] claimed) {
        StringBuilder open = new StringBuilder(text);
        for (int i = 0; i < open.length(); i++) {
            if (claimed[i]) {
                open.setCharAt(i, ',');
            }
        }
        List<List<String>> phrases = new ArrayList<>();
        List<String> current = new ArrayList<>();
        Matcher m = WORD.matcher(open);
        int last = 0;
        while (m.find()) {
            if (!open.substring(last, m.start()).isBlank()) {
                flush(current, phrases);                    // punctuation or a matched phrase between
            }
            last = m.end();
            String word = m.group();
            if (isBoundary(word)) {
                flush(current, phrases);
            } else {
                current.add(word);
            }
        }
        flush(current, phrases);
        return phrases;
    }

    private boolean isBoundary(String word) {
        return boundaries.contains(word) || NOTE.matcher(word).matches() || NUMBER.matcher(word).matches();
    }

    private static void flush(List<String> current, List<List<String>> phrases) {
        if (!current.isEmpty()) {
            phrases.add(List.copyOf(current));
            current.clear();
        }
    }
}
