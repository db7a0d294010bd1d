package dev.cantor.engine.conditioning;

import dev.cantor.engine.music.GmInstruments;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.MusicWords;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * <p>The plain words include a short musician's lexicon for words the sentence encoder cannot
 * place by itself (it puts "djembe" next to "kalimba" and "ukulele" next to "english horn"; see
 * {@link PromptVocabulary}): each names the nearest term Cantor has ("ukulele" is played as an
 * acoustic guitar). A plain word that is also the label or corpus word of a style or mood is
 * dropped from the lexicon, so a style added to {@link Style} with its own words takes them over.
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

    /**
     * Plain words a musician uses for an instrument the corpus spells out, and instruments Cantor
     * does not have, by the nearest one it has.
     */
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
            Map.entry("string section", "strings"),
            Map.entry("ukulele", "acoustic guitar"),
            Map.entry("steel guitar", "acoustic guitar"),
            Map.entry("bouzouki", "acoustic guitar"),
            Map.entry("mandolin", "acoustic guitar"),
            Map.entry("djembe", GmInstruments.DRUMS),
            Map.entry("cajon", GmInstruments.DRUMS),
            Map.entry("conga", GmInstruments.DRUMS),
            Map.entry("bongo", GmInstruments.DRUMS),
            Map.entry("bongos", GmInstruments.DRUMS),
            Map.entry("tabla", GmInstruments.DRUMS),
            Map.entry("hand drum", GmInstruments.DRUMS),
            Map.entry("808", GmInstruments.DRUMS),
            Map.entry("erhu", "violin"),
            Map.entry("keys", "piano"));
    private static final Map<String, Style> EVERYDAY_STYLE_WORDS = Map.ofEntries(
            Map.entry("hiphop", Style.HIP_HOP),
            Map.entry("rap", Style.HIP_HOP),
            Map.entry("trap", Style.HIP_HOP),
            Map.entry("boom bap", Style.HIP_HOP),
            Map.entry("lo-fi", Style.HIP_HOP),
            Map.entry("techno", Style.ELECTRONIC),
            Map.entry("house", Style.ELECTRONIC),
            Map.entry("dubstep", Style.ELECTRONIC),
            Map.entry("chiptune", Style.ELECTRONIC),
            Map.entry("drum and bass", Style.ELECTRONIC),
            Map.entry("metal", Style.ROCK),
            Map.entry("punk", Style.ROCK),
            Map.entry("grunge", Style.ROCK),
            Map.entry("shoegaze", Style.ROCK),
            Map.entry("bossa nova", Style.LATIN),
            Map.entry("salsa", Style.LATIN),
            Map.entry("bluegrass", Style.COUNTRY),
            Map.entry("orchestral", Style.CLASSICAL),
            Map.entry("cinematic", Style.CLASSICAL),
            Map.entry("film score", Style.CLASSICAL),
            Map.entry("waltz", Style.CLASSICAL));
    private static final Map<String, Mood> EVERYDAY_MOOD_WORDS = Map.ofEntries(
            Map.entry("melancholy", Mood.SAD),
            Map.entry("nostalgic", Mood.SAD),
            Map.entry("relaxing", Mood.CALM),
            Map.entry("chill", Mood.CALM),
            Map.entry("mellow", Mood.CALM),
            Map.entry("uplifting", Mood.HAPPY),
            Map.entry("triumphant", Mood.ENERGETIC),
            Map.entry("epic", Mood.ENERGETIC),
            Map.entry("aggressive", Mood.ENERGETIC),
            Map.entry("angry", Mood.TENSE),
            Map.entry("intense", Mood.TENSE),
            Map.entry("mysterious", Mood.DARK),
            Map.entry("spooky", Mood.DARK),
            Map.entry("eerie", Mood.DARK),
            Map.entry("romantic", Mood.DREAMY),
            Map.entry("quirky", Mood.PLAYFUL));

    private static final List<Term<String>> INSTRUMENT_TERMS = instrumentTerms();
    private static final List<Term<String>> EVERYDAY_INSTRUMENT_TERMS = everydayInstrumentTerms();
    private static final List<Term<Style>> STYLE_TERMS =
            vocabularyTerms(Style.values(), Style::label, MusicWords::styleWords, EVERYDAY_STYLE_WORDS);
    private static final List<Term<Mood>> MOOD_TERMS =
            vocabularyTerms(Mood.values(), Mood::label, MusicWords::moodWords, EVERYDAY_MOOD_WORDS);

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
        return readExact(prompt).descriptors();
    }

    /** The three kinds of word this vocabulary has. */
    public enum Kind {
        STYLE, MOOD, INSTRUMENT;

        /** Lower-case name, as reported: "style", "mood", "instrument". */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A plain word of the lexicon read as a term of another name ("ukulele" as "acoustic guitar").
     *
     * @param word the prompt's word, lower case
     * @param term the term it stands for, by its label or instrument name
     */
    record Substitution(String word, String term, Kind kind) {
    }

    /**
     * What the vocabulary read exactly, and where.
     *
     * @param text          the prompt in lower case
     * @param claimed       per character of {@code text}: true where a vocabulary phrase matched
     * @param substitutions the plain words that stand for a term of another name, in text order
     */
    record Exact(MusicDescriptors descriptors, String text, boolean[] claimed, List<Substitution> substitutions) {
    }

    /** {@link #parse} with where each phrase matched; package-private for {@link PromptVocabulary}. */
    static Exact readExact(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return new Exact(NONE, "", new boolean[0], List.of());
        }
        String text = prompt.toLowerCase(Locale.ROOT);
        boolean[] claimed = new boolean[text.length()];
        List<Claim<?>> claims = new ArrayList<>();
        Set<String> instruments = new TreeSet<>();
        claimAll(INSTRUMENT_TERMS, text, claimed, instruments, claims);
        Style style = firstClaimed(STYLE_TERMS, text, claimed, claims);
        Mood mood = firstClaimed(MOOD_TERMS, text, claimed, claims);
        claimAll(EVERYDAY_INSTRUMENT_TERMS, text, claimed, instruments, claims);
        claims.sort(Comparator.comparingInt(Claim::start));
        List<Substitution> substitutions = new ArrayList<>();
        for (Claim<?> c : claims) {
            Object meaning = c.term().meaning();
            boolean counted = switch (meaning) {
                case Style s -> s == style;
                case Mood m -> m == mood;
                default -> true;                                     // every instrument named counts
            };
            if (c.term().everyday() && counted) {
                substitutions.add(new Substitution(text.substring(c.start(), c.end()), nameOf(meaning), kindOf(meaning)));
            }
        }
        return new Exact(new MusicDescriptors(style, mood, instruments), text, claimed, List.copyOf(substitutions));
    }

    private static String nameOf(Object meaning) {
        return switch (meaning) {
            case Style s -> s.label();
            case Mood m -> m.label();
            default -> (String) meaning;
        };
    }

    private static Kind kindOf(Object meaning) {
        return switch (meaning) {
            case Style s -> Kind.STYLE;
            case Mood m -> Kind.MOOD;
            default -> Kind.INSTRUMENT;
        };
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
    private static <T> void claimAll(List<Term<T>> terms, String text, boolean[] claimed, Set<T> found,
                                     List<Claim<?>> claims) {
        for (Term<T> t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                if (claim(claimed, m.start(), m.end())) {
                    found.add(t.meaning());
                    claims.add(new Claim<>(t, m.start(), m.end()));
                }
            }
        }
    }

    /** Claims every free match of the terms; the meaning of the one earliest in the text. */
    private static <T> T firstClaimed(List<Term<T>> terms, String text, boolean[] claimed, List<Claim<?>> claims) {
        T best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Term<T> t : terms) {
            Matcher m = t.pattern().matcher(text);
            while (m.find()) {
                if (claim(claimed, m.start(), m.end())) {
                    claims.add(new Claim<>(t, m.start(), m.end()));
                    if (m.start() < bestAt) {
                        best = t.meaning();
                        bestAt = m.start();
                    }
                }
            }
        }
        return best;
    }

    /** Where a term matched. */
    private record Claim<T>(Term<T> term, int start, int end) {
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
            terms.add(Term.of(name, name, false));
            for (String phrase : MusicWords.instrumentWords(name)) {
                terms.add(Term.of(phrase, name, false));
            }
        }
        return Term.longestFirst(terms);
    }

    private static List<Term<String>> everydayInstrumentTerms() {
        List<Term<String>> terms = new ArrayList<>();
        new TreeMap<>(EVERYDAY_INSTRUMENT_WORDS).forEach((phrase, name) -> terms.add(Term.of(phrase, name, true)));
        return Term.longestFirst(terms);
    }

    /**
     * Every phrase the vocabulary reads, with what it means: instrument names and corpus words, then
     * each style's and mood's label and words, then the plain words; in a fixed order.
     */
    static List<Phrase> phrases() {
        List<Phrase> all = new ArrayList<>();
        for (List<? extends Term<?>> terms : List.of(INSTRUMENT_TERMS, EVERYDAY_INSTRUMENT_TERMS, STYLE_TERMS,
                MOOD_TERMS)) {
            for (Term<?> t : terms) {
                all.add(new Phrase(t.phrase(), nameOf(t.meaning()), kindOf(t.meaning())));
            }
        }
        return List.copyOf(all);
    }

    /** One phrase of the vocabulary and the term it names. */
    record Phrase(String phrase, String term, Kind kind) {
    }

    /**
     * Terms for each value: its label, the corpus's words for it ({@code corpusWords}) and the
     * everyday words that mean it; longest first.
     */
    private static <T> List<Term<T>> vocabularyTerms(T[] values, Function<T, String> label,
                                                     Function<T, List<String>> corpusWords, Map<String, T> everyday) {
        List<Term<T>> terms = new ArrayList<>();
        Set<String> own = new TreeSet<>();
        for (T value : values) {
            terms.add(Term.of(label.apply(value), value, false));
            own.add(terms.getLast().phrase());
            List<String> words = corpusWords.apply(value);
            for (String phrase : words == null ? List.<String>of() : words) {
                terms.add(Term.of(phrase, value, false));
                own.add(terms.getLast().phrase());
            }
        }
        // A value's own words beat the lexicon's guess: a style added later takes its words over.
        new TreeMap<>(everyday).forEach((phrase, value) -> {
            Term<T> t = Term.of(phrase, value, true);
            if (!own.contains(t.phrase())) {
                terms.add(t);
            }
        });
        return Term.longestFirst(terms);
    }

    /**
     * A phrase (as whole words, an optional plural s) and what it means; {@code everyday} when it is a
     * plain word of the lexicon rather than the term's name or a corpus word for it.
     */
    private record Term<T>(String phrase, Pattern pattern, T meaning, boolean everyday) {

        static <T> Term<T> of(String phrase, T meaning, boolean everyday) {
            String words = phrase.toLowerCase(Locale.ROOT).replaceFirst("^(a|an|the) ", "");
            String plural = words.endsWith("s") ? "" : "(?:s|es)?";
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + plural + "(?![\\p{L}\\p{N}])");
            return new Term<>(words, p, meaning, everyday);
        }

        static <T> List<Term<T>> longestFirst(List<Term<T>> terms) {
            List<Term<T>> sorted = new ArrayList<>(terms);
            sorted.sort(Comparator.comparingInt((Term<T> t) -> t.phrase().length()).reversed());
            return List.copyOf(sorted);
        }
    }
}
