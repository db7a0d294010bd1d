package dev.cantor.engine.conditioning;

import dev.cantor.engine.conditioning.MusicDescriptors.Kind;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The style, mood and instruments a prompt names in the musician's own words: first exactly, by
 * {@link MusicDescriptors} (its names, the corpus's words and a short lexicon), then by meaning —
 * each remaining {@link CandidatePhrases candidate phrase} goes to the nearest term of the
 * vocabulary by sentence embedding (all-MiniLM-L6-v2, cosine of unit vectors), if it is near
 * enough. What maps nowhere is reported as not understood, so no word is dropped silently.
 *
 * <p>Each kind is compared in its own frame and has its own threshold, tried in this order:
 * <ul>
 *   <li>style: "{word} music" against "{style word} music", at least {@value #STYLE_THRESHOLD};
 *       the frame tells the encoder it is a genre ("trap music" ~ "hip-hop music" 0.60, bare
 *       "trap" ~ "hip-hop" 0.38);</li>
 *   <li>mood: the bare word against the mood words, at least {@value #MOOD_THRESHOLD};</li>
 *   <li>instrument: the bare word against the instrument names and words, at least
 *       {@value #INSTRUMENT_THRESHOLD}.</li>
 * </ul>
 * A phrase of up to three words is tried whole first, then word by word; neighbouring words that
 * map nowhere are reported together ("purple elephant").
 *
 * <p>The thresholds were measured on musicians' words and on nonsense: the best cosine per kind
 * over the vocabulary's 395 phrases without the lexicon words, and the term it belongs to.
 * <pre>
 *                       instrument "%s"          style "%s music"          mood "%s"
 *   steel guitar     0.911 acoustic guitar    0.766 rock               0.247 playful
 *   brass            0.832 brass section      0.600 jazz               0.273 dark
 *   horns            0.846 french horn        0.592 rock               0.321 dark
 *   vocals           0.646 choir              0.573 pop                0.311 dark
 *   mandolin         0.624 acoustic guitar    0.640 folk               0.329 playful
 *   ukulele          0.462 acoustic guitar    0.594 rock               0.355 playful
 *   bouzouki         0.456 shakuhachi         0.515 jazz               0.476 playful
 *   synthwave        0.775 synth drum         0.837 electronic         0.362 dreamy
 *   orchestral       0.799 orchestra hit      0.769 classical          0.375 energetic
 *   metal            0.624 metallic pad       0.730 rock               0.381 dark
 *   bluegrass        0.561 banjo              0.705 folk               0.290 sad
 *   dubstep          0.559 synth bass         0.634 hip-hop            0.356 playful
 *   trap             0.413 whistle            0.605 hip-hop            0.363 dreamy
 *   shoegaze         0.345 glockenspiel       0.595 hip-hop            0.284 playful
 *   djembe           0.501 kalimba            0.553 funk               0.266 tense
 *   cajon            0.427 celesta            0.538 hip-hop            0.248 calm
 *   tabla            0.447 celesta            0.539 latin              0.311 calm
 *   erhu             0.447 shakuhachi         0.549 hip-hop            0.342 tense
 *   upright bass     1.000 acoustic bass      0.513 funk               0.358 dreamy
 *   rhodes           1.000 electric piano     0.584 rock               0.313 happy
 *   808              0.291 applause           0.540 electronic         0.310 happy
 *   bossa nova       0.389 ocarina            0.490 electronic         0.311 dark
 *   angry            0.378 gunshot            0.646 electronic         0.554 calm
 *   mellow           0.401 tinkle bell        0.636 funk               0.641 sad
 *   mysterious       0.290 helicopter         0.660 funk               0.519 dark
 *   triumphant       0.509 applause           0.556 rock               0.566 happy
 *   -- nonsense and words of no kind --
 *   flurb            0.363 woodblock          0.607 funk               0.338 dark
 *   asdf             0.364 warm pad           0.573 folk               0.348 dreamy
 *   purple elephant  0.344 harp               0.529 funk               0.354 dark
 *   zxq              0.320 reverse cymbal     0.539 hip-hop            0.277 dreamy
 *   qwerty           0.386 strings            0.541 classical          0.304 tense
 *   blorp            0.408 dulcimer           0.644 blues              0.409 playful
 *   gromp            0.415 synth drum         0.697 funk               0.349 energetic
 *   xylotrop         0.571 xylophone          0.499 folk               0.327 dreamy
 *   kettle           0.547 whistle            0.565 classical          0.380 dark
 *   wibble           0.365 bird tweet         0.545 rock               0.550 sad
 *   banana           0.416 warm pad           0.592 funk               0.385 dark
 *   table            0.446 piano              0.560 electronic         0.352 dreamy
 *   spreadsheet      0.281 alto sax           0.497 classical          0.195 dreamy
 *   tuesday          0.281 koto               0.566 rock               0.266 tense
 *   my grandmother   0.308 electric piano     0.526 jazz               0.291 energetic
 *   birthday         0.301 shakuhachi         0.550 rock               0.340 happy
 *   car              0.443 helicopter         0.618 pop                0.716 energetic
 *   battle           0.348 applause           0.614 rock               0.398 energetic
 *   highest of these 18  0.571                    0.697                    0.716
 * </pre>
 * Each threshold sits above the highest nonsense score of its kind; style is tried first and its
 * threshold also clears "steel guitar music" (0.766, an instrument, not rock). What the encoder
 * gets right above them: brass → brass section, horns → french horn, vocals → choir, mandolin →
 * acoustic guitar, synthwave → electronic. It does not know many instrument and genre names
 * (ukulele, djembe, cajon, tabla, erhu, trap, bossa nova, 808 all score at nonsense level or go
 * to the wrong family), and it puts opposite moods together (angry ~ calm, mellow ~ sad), so
 * those words are in the lexicon of {@link MusicDescriptors} instead; the embedding catches
 * variants the lexicon lacks and, above all, keeps nonsense out.
 */
public final class PromptVocabulary {

    /** Least cosine for a style ("{word} music" frame). */
    public static final double STYLE_THRESHOLD = 0.78;
    /** Least cosine for a mood (bare word). */
    public static final double MOOD_THRESHOLD = 0.75;
    /** Least cosine for an instrument (bare word). */
    public static final double INSTRUMENT_THRESHOLD = 0.60;

    /** Phrases longer than this are only tried word by word. */
    private static final int MAX_PHRASE_WORDS = 3;
    private static final int CACHE_SIZE = 512;

    private final TextEncoder encoder;
    private final CandidatePhrases candidates = CandidatePhrases.standard();
    private List<MusicDescriptors.Phrase> phrases;
    private float[][] embeddings;                                // [phrases][DIM], in the kind's frame
    private final Map<String, Optional<Mapping>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Mapping>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Borrows the encoder: closing it is its owner's job. */
    public PromptVocabulary(TextEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * A word or phrase of the prompt read as a term of the vocabulary.
     *
     * @param word       the prompt's words, lower case
     * @param term       the style or mood label, or the instrument name
     * @param similarity the cosine to the nearest vocabulary phrase, or null when the lexicon says so
     */
    public record Mapping(String word, String term, Kind kind, Double similarity) {
    }

    /**
     * What a prompt names.
     *
     * @param descriptors the style, mood and instruments, exact and mapped (the exact ones first:
     *                    a mapped style or mood only fills a place the prompt left empty)
     * @param mapped      words that are not the vocabulary's own names, with the term each stands for
     * @param unknown     candidate words that map to nothing
     */
    public record Reading(MusicDescriptors descriptors, List<Mapping> mapped, List<String> unknown) {

        public static final Reading NONE = new Reading(MusicDescriptors.NONE, List.of(), List.of());

        public Reading {
            mapped = List.copyOf(mapped);
            unknown = List.copyOf(unknown);
        }
    }

    /** Reads {@code prompt}; {@link Reading#NONE} for a blank or null one. */
    public Reading read(String prompt) {
        MusicDescriptors.Exact exact = MusicDescriptors.readExact(prompt);
        if (exact.text().isEmpty()) {
            return Reading.NONE;
        }
        List<Mapping> mapped = new ArrayList<>();
        for (MusicDescriptors.Substitution s : exact.substitutions()) {
            mapped.add(new Mapping(s.word(), s.term(), s.kind(), null));
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (List<String> words : candidates.find(exact.text(), exact.claimed())) {
            mapPhrase(words, mapped, unknown);
        }
        return new Reading(withMapped(exact.descriptors(), mapped), dedupe(mapped), List.copyOf(unknown));
    }

    /** The nearest term to {@code phrase} by meaning, if one is near enough. */
    public Optional<Mapping> nearest(String phrase) {
        String key = phrase.strip().toLowerCase(Locale.ROOT);
        synchronized (cache) {
            Optional<Mapping> known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        Optional<Mapping> found = search(key);
        synchronized (cache) {
            cache.put(key, found);
        }
        return found;
    }

    private void mapPhrase(List<String> words, List<Mapping> mapped, Set<String> unknown) {
        if (words.size() > 1 && words.size() <= MAX_PHRASE_WORDS) {
            Optional<Mapping> whole = nearest(String.join(" ", words));
            if (whole.isPresent()) {
                mapped.add(whole.get());
                return;
            }
        }
        List<String> notUnderstood = new ArrayList<>();
        for (String word : words) {
            Optional<Mapping> m = nearest(word);
            if (m.isPresent()) {
                flushUnknown(notUnderstood, unknown);
                mapped.add(m.get());
            } else {
                notUnderstood.add(word);
            }
        }
        flushUnknown(notUnderstood, unknown);
    }

    private static void flushUnknown(List<String> words, Set<String> unknown) {
        if (!words.isEmpty()) {
            unknown.add(String.join(" ", words));
            words.clear();
        }
    }

    private Optional<Mapping> search(String phrase) {
        float[][] vocabulary = vocabularyEmbeddings();
        for (Kind kind : List.of(Kind.STYLE, Kind.MOOD, Kind.INSTRUMENT)) {
            float[] q = encoder.embed(frame(kind, phrase));
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vocabulary.length; i++) {
                if (phrases.get(i).kind() == kind) {
                    double cos = dot(q, vocabulary[i]);
                    if (cos > bestCos) {
                        bestCos = cos;
                        best = i;
                    }
                }
            }
            if (best >= 0 && bestCos >= threshold(kind)) {
                return Optional.of(new Mapping(phrase, phrases.get(best).term(), kind, bestCos));
            }
        }
        return Optional.empty();
    }

    /** Embeds every phrase of the vocabulary once (~0.2k phrases, about a second), on first use. */
    private synchronized float[][] vocabularyEmbeddings() {
        if (embeddings == null) {
            List<MusicDescriptors.Phrase> all = MusicDescriptors.phrases();
            float[][] e = new float[all.size()][];
            for (int i = 0; i < e.length; i++) {
                e[i] = encoder.embed(frame(all.get(i).kind(), all.get(i).phrase()));
            }
            phrases = all;
            embeddings = e;
        }
        return embeddings;
    }

    static double threshold(Kind kind) {
        return switch (kind) {
            case STYLE -> STYLE_THRESHOLD;
            case MOOD -> MOOD_THRESHOLD;
            case INSTRUMENT -> INSTRUMENT_THRESHOLD;
        };
    }

    private static String frame(Kind kind, String phrase) {
        return kind == Kind.STYLE ? phrase + " music" : phrase;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += (double) a[d] * b[d];
        }
        return s;
    }

    /** The exact descriptors with the mapped terms added: instruments joined, style and mood if still empty. */
    private static MusicDescriptors withMapped(MusicDescriptors exact, List<Mapping> mapped) {
        Style style = exact.style();
        Mood mood = exact.mood();
        Set<String> instruments = new TreeSet<>(exact.instruments());
        for (Mapping m : mapped) {
            switch (m.kind()) {
                case STYLE -> style = style == null ? Style.fromLabel(m.term()) : style;
                case MOOD -> mood = mood == null ? Mood.fromLabel(m.term()) : mood;
                case INSTRUMENT -> instruments.add(m.term());
            }
        }
        return new MusicDescriptors(style, mood, instruments);
    }

    /** The same word read the same way twice is reported once. */
    private static List<Mapping> dedupe(List<Mapping> mapped) {
        Map<String, Mapping> byWord = new LinkedHashMap<>();
        for (Mapping m : mapped) {
            byWord.putIfAbsent(m.word() + "\u0000" + m.term(), m);
        }
        return List.copyOf(byWord.values());
    }
}
