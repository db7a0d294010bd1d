package dev.cantor.engine.conditioning;

import dev.cantor.engine.music.Mode;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The explicit musical attributes a prompt states: tempo, key root and mode. A pooled sentence
 * embedding barely registers them ("solo piano at 70 bpm" and "... at 150 bpm" embed almost
 * alike), so they are parsed out and given to the LM as structured conditions of their own.
 * Any of them may be absent (null): the prompt simply did not say.
 *
 * <p>Understands the corpus captions ("tempo 60", "(98 BPM)", "at around 122 beats per
 * minute", "in the key of C# minor") and common musician spellings ("70bpm", "F♯ minor",
 * "E♭ major", "B flat minor", "C#m", "Cmaj"). When several keys or tempos are named, the
 * first one counts.
 *
 * @param tempoBpm beats per minute, 20–400, or null
 * @param keyRoot  pitch class of the tonic, 0 = C … 11 = B, or null
 * @param mode     major or minor, or null
 */
public record PromptAttributes(Double tempoBpm, Integer keyRoot, Mode mode) {

    /** A prompt that states none of the attributes. */
    public static final PromptAttributes NONE = new PromptAttributes(null, null, null);

    /** Tempos outside this range are not a tempo anyone means (a year, a count, a typo). */
    public static final double MIN_BPM = 20;
    public static final double MAX_BPM = 400;

    /** Accidentals spelled out ("F sharp", "B-flat") become "#"/"b" before any matching. */
    private static final Pattern SHARP_WORD = Pattern.compile("(?<![\\p{L}])([A-Ga-g])[\\s-]*(?i:sharp)(?![\\p{L}])");
    private static final Pattern FLAT_WORD = Pattern.compile("(?<![\\p{L}])([A-Ga-g])[\\s-]*(?i:flat)(?![\\p{L}])");

    private static final String NUMBER = "(\\d{1,3}(?:\\.\\d+)?)";
    private static final String BPM_UNIT = "(?:bpm|beats\\s*(?:per|a|/)\\s*min(?:ute)?)(?![\\p{L}])";
    /** "120-130 bpm": the middle of the range. */
    private static final Pattern TEMPO_RANGE = Pattern.compile(
            "(?<![\\d.])" + NUMBER + "\\s*(?:-|–|to)\\s*" + NUMBER + "\\s*" + BPM_UNIT,
            Pattern.CASE_INSENSITIVE);
    /** "65 bpm", "70bpm", "(98 BPM)", "122 beats per minute". */
    private static final Pattern TEMPO_BEFORE_UNIT = Pattern.compile(
            "(?<![\\d.])" + NUMBER + "\\s*-?\\s*" + BPM_UNIT, Pattern.CASE_INSENSITIVE);
    /** "tempo 60", "tempo of about 98", "bpm: 120". */
    private static final Pattern TEMPO_AFTER_WORD = Pattern.compile(
            "(?<![\\p{L}])(?:tempo|bpm)(?:\\s*(?:[:=~≈]|of|is|at|around|about|approx\\.?|roughly)(?![\\p{L}]))*\\s*"
                    + NUMBER + "(?!\\d|\\.\\d)",
            Pattern.CASE_INSENSITIVE);

    /** A tonic with a mode word: "C minor", "F# major", "bb minor", "Ebmaj". */
    private static final Pattern KEY_WITH_MODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}#])([A-Ga-g])([#b]?)[ \\t]*((?i:major|minor|maj|min))(?![\\p{L}\\p{N}])");
    /** Chord-symbol style "Am", "C#m": upper-case tonic only, so the verb "am" is not a key. */
    private static final Pattern KEY_SHORT_MINOR = Pattern.compile(
            "(?<![\\p{L}\\p{N}#])([A-G])([#b]?)m(?![\\p{L}\\p{N}#])");
    /** A tonic without a mode: "key of D", "in Bb" (followed by lower case, digits or punctuation). */
    private static final Pattern KEY_ROOT_ONLY = Pattern.compile(
            "(?<![\\p{L}])(?i:key\\s+of|in)\\s+([A-G])([#b]?)(?=$|[^\\p{L}\\p{N}#]|\\s+[\\p{Ll}\\p{N}])"
                    + "(?![\\s-]*(?i:major|minor)(?![\\p{L}]))");
    /** Nouns that make a preceding "minor"/"major" describe a mode: "minor-key", "major scale". */
    private static final String MODE_NOUN_AFTER = "[\\s-]+(?:key|scale|mode|tonality)(?![\\p{L}])";
    /** A mode without a tonic: "a minor-key ballad", "in a major key", "in minor". */
    private static final Pattern MODE_ONLY = Pattern.compile(
            "(?<![\\p{L}])(?:(major|minor)" + MODE_NOUN_AFTER
                    + "|in\\s+(major|minor)(?=\\s*(?:$|[,.;:!?)])))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODE_NOUN = Pattern.compile(MODE_NOUN_AFTER, Pattern.CASE_INSENSITIVE);
    /** After "a minor"/"a major", the word that tells a key ("... in a minor with strings"). */
    private static final Pattern WORD_AFTER = Pattern.compile("\\s*([\\p{L}]*)");
    private static final Set<String> WORDS_AFTER_A_KEY = Set.of("", "with", "and", "at", "or", "for", "on",
            "over", "featuring", "feat", "plus", "in", "by", "to", "from", "using", "tempo", "around",
            "about", "bpm", "played", "then");

    public PromptAttributes {
        if (tempoBpm != null && !(tempoBpm >= MIN_BPM && tempoBpm <= MAX_BPM)) {
            throw new IllegalArgumentException("tempo must be " + MIN_BPM + "-" + MAX_BPM + " BPM, got " + tempoBpm);
        }
        if (keyRoot != null && (keyRoot < 0 || keyRoot > 11)) {
            throw new IllegalArgumentException("key root must be a pitch class 0-11, got " + keyRoot);
        }
    }

    /** True when the prompt stated none of the attributes. */
    public boolean isEmpty() {
        return tempoBpm == null && keyRoot == null && mode == null;
    }

    /**
     * Reads tempo, key and mode from a free-text prompt; what is not stated stays null.
     * Never fails: a prompt with no attributes gives {@link #NONE}.
     */
    public static PromptAttributes parse(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return NONE;
        }
        String text = normaliseAccidentals(prompt);
        Double tempo = parseTempo(text);
        Integer root = null;
        Mode mode = null;
        Matcher key = findKeyWithMode(text);
        if (key != null) {
            root = pitchClass(key.group(1), key.group(2));
            mode = modeOf(key.group(3));
        } else {
            Matcher shortMinor = KEY_SHORT_MINOR.matcher(text);
            Matcher rootOnly = KEY_ROOT_ONLY.matcher(text);
            if (shortMinor.find()) {
                root = pitchClass(shortMinor.group(1), shortMinor.group(2));
                mode = Mode.MINOR;
            } else if (rootOnly.find()) {
                root = pitchClass(rootOnly.group(1), rootOnly.group(2));
            }
            if (mode == null) {
                Matcher modeOnly = MODE_ONLY.matcher(text);
                if (modeOnly.find()) {
                    String word = modeOnly.group(1) != null ? modeOnly.group(1) : modeOnly.group(2);
                    mode = modeOf(word);
                }
            }
        }
        if (tempo == null && root == null && mode == null) {
            return NONE;
        }
        return new PromptAttributes(tempo, root, mode);
    }

    /** "F♯", "F sharp", "F-sharp" → "F#"; "E♭", "E flat" → "Eb". */
    private static String normaliseAccidentals(String prompt) {
        String text = prompt.replace('♯', '#').replace('♭', 'b');
        text = SHARP_WORD.matcher(text).replaceAll("$1#");
        return FLAT_WORD.matcher(text).replaceAll("$1b");
    }

    private static Double parseTempo(String text) {
        Matcher range = TEMPO_RANGE.matcher(text);
        while (range.find()) {
            double mid = (Double.parseDouble(range.group(1)) + Double.parseDouble(range.group(2))) / 2;
            if (inTempoRange(mid)) {
                return mid;
            }
        }
        for (Pattern p : new Pattern[] {TEMPO_BEFORE_UNIT, TEMPO_AFTER_WORD}) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                double bpm = Double.parseDouble(m.group(1));
                if (inTempoRange(bpm)) {
                    return bpm;
                }
            }
        }
        return null;
    }

    private static boolean inTempoRange(double bpm) {
        return bpm >= MIN_BPM && bpm <= MAX_BPM;
    }

    /** The first tonic-plus-mode that really is a key, or null. */
    private static Matcher findKeyWithMode(String text) {
        Matcher m = KEY_WITH_MODE.matcher(text);
        while (m.find()) {
            boolean letterA = m.group(1).equalsIgnoreCase("a") && m.group(2).isEmpty();
            if (!letterA || !readsAsArticle(text, m)) {
                return m;
            }
        }
        return null;
    }

    /**
     * Whether "a minor"/"A major" at {@code m} is the article "a" before a mode word rather than
     * the key of A: "a minor-key ballad" and "in a major key" name only a mode (read later),
     * "a minor hit" names nothing, while "ballad in a minor", "a minor, 80 bpm" and "A minor"
     * name the key.
     */
    private static boolean readsAsArticle(String text, Matcher m) {
        int end = m.end();
        if (MODE_NOUN.matcher(text).region(end, text.length()).lookingAt()) {
            return true;
        }
        if (Character.isUpperCase(m.group(1).charAt(0))) {
            return false;
        }
        if (text.startsWith("-", end) || m.group(3).length() < "minor".length()) {
            return true; // "a minor-ish", and "a min"/"a maj" are too short to trust
        }
        Matcher next = WORD_AFTER.matcher(text).region(end, text.length());
        String word = next.lookingAt() ? next.group(1).toLowerCase(Locale.ROOT) : "";
        return !WORDS_AFTER_A_KEY.contains(word);
    }

    private static int pitchClass(String letter, String accidental) {
        int natural = switch (Character.toUpperCase(letter.charAt(0))) {
            case 'C' -> 0;
            case 'D' -> 2;
            case 'E' -> 4;
            case 'F' -> 5;
            case 'G' -> 7;
            case 'A' -> 9;
            default -> 11;
        };
        int shift = switch (accidental) {
            case "#" -> 1;
            case "b" -> -1;
            default -> 0;
        };
        return Math.floorMod(natural + shift, 12);
    }

    private static Mode modeOf(String word) {
        return word.toLowerCase(Locale.ROOT).startsWith("maj") ? Mode.MAJOR : Mode.MINOR;
    }
}
