package dev.cantor.engine.conditioning;

import dev.cantor.engine.data.Captioner;
import dev.cantor.engine.data.GmInstruments;
import dev.cantor.engine.data.Mood;
import dev.cantor.engine.data.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The style, mood and instruments a prompt names, in Cantor's vocabulary: the corpus
 * styles, its eight moods and the 128 General MIDI instruments plus drums. A small LM reads
 * "alto sax over upright bass" out of a pooled sentence embedding only faintly, so, like tempo
 * and key ({@link PromptAttributes}), these are read from the words and given to the model as
 * structured conditions of their own.
 *
 * <p>Knows every phrase the corpus captions use ("Rhodes-style electric piano", "a string
 * section", "boom-bap hip-hop") and a few plain musician words ("guitar", "sax", "bass").
 * The corpus's instrument names are matched first and longest first, so "classical guitar" is a
 * guitar, not the classical style, and "electric piano" is not also a piano; then styles and
 * moods; the plain words last, so "guitar rock" is a style, not a guitar. When several styles or
 * moods are named, the first one counts.
 *
 * @param style       the named style, or null
 * @param mood        the named mood, or null
 * @param instruments the named instruments, by their {@link #INSTRUMENTS} names; empty if none
 */
public record MusicDescriptors(Style style, Mood mood, Set<String> instruments) {

    /** A prompt that names none of them. */
    public static final MusicDescriptors NONE = new MusicDescriptors(null, null, Set.of());

    /** The instrument vocabulary: General MIDI programs 0–127 by name, then drums (128). */
    public static final List<String> INSTRUMENTS = instrumentVocabulary();

    /** Plain words a musician uses for an instrument the corpus spells out. */
    private static final Map<String, String> EVERYDAY_INSTRUMENT_WORDS = Map.ofEntries(
            Map.entry("guitar", "acoustic guitar"),
            Map.entry("electric guitar", "clean electric guitar"),
            Map.entry("bass", "electric bass"),
            Map.entry("sax", "alto sax"),
            Map.entry("saxophone", "alto sax"),
            Map.entry("rhodes", "electric piano"),
            Map.entry("horn", "french horn"),
            Map.entry("pad", "warm pad"),
            Map.entry("synth pad", "warm pad"),
            Map.entry("drum kit", GmInstruments.DRUMS),
            Map.entry("string section", "strings"));
    private static final Map<String, Style> EVERYDAY_STYLE_WORDS = Map.of(
            "hiphop", Style.HIP_HOP, "techno", Style.ELECTRONIC);
    private static final Map<String, Mood> EVERYDAY_MOOD_WORDS = Map.of(
            "melancholy", Mood.SAD, "relaxing", Mood.CALM, "chill", Mood.CALM, "uplifting", Mood.HAPPY);

    private static final List<Term<String>> INSTRUMENT_TERMS = instrumentTerms();
    private static final List<Term<String>> EVERYDAY_INSTRUMENT_TERMS = everydayInstrumentTerms();
    private static final List<Term<Style>> STYLE_TERMS =
            vocabularyTerms(Style.values(), Style::label, Captioner::styleWords, EVERYDAY_STYLE_WORDS);
    private static final List<Term<Mood>> MOOD_TERMS =
            vocabularyTerms(Mood.values(), Mood::label, Captioner::moodWords, EVERYDAY_MOOD_WORDS);

    public MusicDescriptors {
        instruments = Collections.unmodifiableSet(new TreeSet<>(instruments));
        for (String name : instruments) {
            if (!INSTRUMENTS.contains(name)) {
                throw new IllegalArgumentException("not an instrument Cantor knows: " + name);
            }
        }
    }

    /** What {@code prompt} names; {@link #NONE} for an empty or null prompt. */
    public static MusicDescriptors parse(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return NONE;
        }
        String text = prompt.toLowerCase(Locale.ROOT);
        boolean[] claimed = new boolean[text.length()];
        Set<String> instruments = new TreeSet<>();
        claimAll(INSTRUMENT_TERMS, text, claimed, instruments);
        Style style = firstClaimed(STYLE_TERMS, text, claimed);
        Mood mood = firstClaimed(MOOD_TERMS, text, claimed);
        claimAll(EVERYDAY_INSTRUMENT_TERMS, text, claimed, instruments);
        return new MusicDescriptors(style, mood, instruments);
    }

    /** True when the prompt names none of style, mood and instruments. */
    public boolean isEmpty() {
        return style == null && mood == null && instruments.isEmpty();
    }

    /** Multi-hot over {@link #INSTRUMENTS}. */
    public float[] instrumentVector() {
        float[] v = new float[INSTRUMENTS.size()];
        for (String name : instruments) {
            v[INSTRUMENTS.indexOf(name)] = 1f;
        }
        return v;
    }

    public MusicDescriptors withStyle(Style s) {
        return new MusicDescriptors(s, mood, instruments);
    }

    public MusicDescriptors withMood(Mood m) {
        return new MusicDescriptors(style, m, instruments);
    }

    public MusicDescriptors withInstruments(Set<String> names) {
        return new MusicDescriptors(style, mood, names);
    }

    /** Claims every free match of the terms (longest first), collecting what they mean. */
    private static <T> void claimAll(List<Term<T>> terms, String text, boolean[] claimed, Set<T> found) {
        for (Term<T> t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                if (claim(claimed, m.start(), m.end())) {
                    found.add(t.meaning());
                }
            }
        }
    }

    /** Claims every free match of the terms; the meaning of the one earliest in the text. */
    private static <T> T firstClaimed(List<Term<T>> terms, String text, boolean[] claimed) {
        T best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Term<T> t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                if (claim(claimed, m.start(), m.end()) && m.start() < bestAt) {
                    best = t.meaning();
                    bestAt = m.start();
                }
            }
        }
        return best;
    }

    private static boolean claim(boolean[] claimed, int from, int to) {
        if (!isFree(claimed, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            claimed[i] = true;
        }
        return true;
    }

    private static boolean isFree(boolean[] claimed, int from, int to) {
        for (int i = from; i < to; i++) {
            if (claimed[i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> instrumentVocabulary() {
        List<String> names = new ArrayList<>();
        for (int program = 0; program < 128; program++) {
            names.add(GmInstruments.name(program));
        }
        names.add(GmInstruments.DRUMS);
        return List.copyOf(names);
    }

    private static List<Term<String>> instrumentTerms() {
        List<Term<String>> terms = new ArrayList<>();
        for (String name : INSTRUMENTS) {
            terms.add(Term.of(name, name));
            for (String phrase : Captioner.instrumentWords(name)) {
                terms.add(Term.of(phrase, name));
            }
        }
        return Term.longestFirst(terms);
    }

    private static List<Term<String>> everydayInstrumentTerms() {
        List<Term<String>> terms = new ArrayList<>();
        EVERYDAY_INSTRUMENT_WORDS.forEach((phrase, name) -> terms.add(Term.of(phrase, name)));
        return Term.longestFirst(terms);
    }

    /**
     * Terms for each value: its label, the corpus's words for it ({@code corpusWords}) and the
     * everyday words that mean it; longest first.
     */
    private static <T> List<Term<T>> vocabularyTerms(T[] values, Function<T, String> label,
                                                     Function<T, List<String>> corpusWords, Map<String, T> everyday) {
        List<Term<T>> terms = new ArrayList<>();
        for (T value : values) {
            terms.add(Term.of(label.apply(value), value));
            for (String phrase : corpusWords.apply(value)) {
                terms.add(Term.of(phrase, value));
            }
        }
        everyday.forEach((phrase, value) -> terms.add(Term.of(phrase, value)));
        return Term.longestFirst(terms);
    }

    /** A phrase (as whole words, an optional plural s) and what it means. */
    private record Term<T>(String phrase, Pattern pattern, T meaning) {

        static <T> Term<T> of(String phrase, T meaning) {
            String words = phrase.toLowerCase(Locale.ROOT).replaceFirst("^(a|an|the) ", "");
            String plural = words.endsWith("s") ? "" : "(?:s|es)?";
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + plural + "(?![\\p{L}\\p{N}])");
            return new Term<>(words, p, meaning);
        }

        static <T> List<Term<T>> longestFirst(List<Term<T>> terms) {
            List<Term<T>> sorted = new ArrayList<>(terms);
            sorted.sort(Comparator.comparingInt((Term<T> t) -> t.phrase().length()).reversed());
            return List.copyOf(sorted);
        }
    }
}
