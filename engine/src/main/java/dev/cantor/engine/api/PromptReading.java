package dev.cantor.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Cantor reads from a prompt as conditions of their own, beside the sentence embedding of the
 * whole text, so a musician can see that "in F# minor" was heard, that "ukulele" was taken as an
 * acoustic guitar and that "flurb" was not understood. Style, mood and instruments are reported
 * whether or not the loaded model conditions on them; {@link #musicAttributesUsed} says which.
 * Absent parts are null or empty.
 *
 * @param tempoBpm            the stated tempo
 * @param key                 the stated tonic ("C", "F#", "Bb")
 * @param mode                "major" or "minor"
 * @param style               the named style, e.g. "jazz"
 * @param mood                the named mood, e.g. "sad"
 * @param instruments         the named instruments, in Cantor's names ("alto sax", "drums")
 * @param mapped              prompt words read as a term of another name ("ukulele" → "acoustic guitar")
 * @param unknown             words that looked like they could name a style, mood or instrument but
 *                            matched none; the model hears them only through the text embedding
 * @param musicAttributesUsed whether the loaded model conditions on style, mood and instruments
 *                            (tempo, key and mode it always does)
 */
public record PromptReading(Double tempoBpm, String key, String mode, String style, String mood,
                            List<String> instruments, List<Mapped> mapped, List<String> unknown,
                            boolean musicAttributesUsed) {

    /** Nothing read. */
    public static final PromptReading NONE = new PromptReading(null, null, null, null, null, List.of());

    /** The parts a model always conditions on, by their JSON names. */
    public static final List<String> BASIC_PARTS = List.of("tempo_bpm", "key", "mode");
    /** The parts a model with music attributes conditions on as well. */
    public static final List<String> MUSIC_PARTS = List.of("style", "mood", "instruments");

    /**
     * A word of the prompt read as a term of another name.
     *
     * @param word       the prompt's word or phrase, lower case
     * @param to         the term it stands for
     * @param kind       "style", "mood" or "instrument"
     * @param similarity cosine similarity of their sentence embeddings when the mapping was found by
     *                   meaning; null when Cantor's lexicon names it
     */
    public record Mapped(String word, String to, String kind, Double similarity) {
    }

    /** A reading with nothing mapped or unknown, for a model that uses every part. */
    public PromptReading(Double tempoBpm, String key, String mode, String style, String mood,
                         List<String> instruments) {
        this(tempoBpm, key, mode, style, mood, instruments, List.of(), List.of(), true);
    }

    public PromptReading {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        mapped = mapped == null ? List.of() : List.copyOf(mapped);
        unknown = unknown == null ? List.of() : List.copyOf(unknown);
    }

    /** The JSON names of the parts the loaded model conditions on. */
    public List<String> usedByModel() {
        if (!musicAttributesUsed) {
            return BASIC_PARTS;
        }
        List<String> all = new ArrayList<>(BASIC_PARTS);
        all.addAll(MUSIC_PARTS);
        return List.copyOf(all);
    }

    /**
     * This reading with the tempo, key and mode a caller set explicitly (a story section's own
     * settings) in place of those read from the prompt; null leaves the prompt's.
     */
    public PromptReading withSettings(Double tempo, String keyLabel, String modeLabel) {
        return new PromptReading(tempo == null ? tempoBpm : tempo, keyLabel == null ? key : keyLabel,
                modeLabel == null ? mode : modeLabel, style, mood, instruments, mapped, unknown, musicAttributesUsed);
    }

    /**
     * One line, e.g. "70 bpm · F# minor · jazz · sad · piano, strings"; "nothing" when empty. Then,
     * when there are any, the mapped words "(ukulele → acoustic guitar)", the words not understood
     * "; not understood: flurb", and "; this model does not use style, mood or instruments" when
     * some were read but the model ignores them.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (tempoBpm != null) {
            parts.add(tempoBpm == Math.rint(tempoBpm) ? String.format(Locale.ROOT, "%.0f bpm", tempoBpm)
                    : String.format(Locale.ROOT, "%.1f bpm", tempoBpm));
        }
        if (key != null || mode != null) {
            parts.add(key == null ? mode : mode == null ? key : key + " " + mode);
        }
        if (style != null) {
            parts.add(style);
        }
        if (mood != null) {
            parts.add(mood);
        }
        if (!instruments.isEmpty()) {
            parts.add(String.join(", ", instruments));
        }
        StringBuilder line = new StringBuilder(parts.isEmpty() ? "nothing" : String.join(" · ", parts));
        if (!mapped.isEmpty()) {
            line.append(" (").append(String.join(", ", mapped.stream().map(m -> m.word() + " → " + m.to()).toList()))
                    .append(')');
        }
        if (!unknown.isEmpty()) {
            line.append("; not understood: ").append(String.join(", ", unknown));
        }
        boolean musicRead = style != null || mood != null || !instruments.isEmpty();
        if (musicRead && !musicAttributesUsed) {
            line.append("; this model does not use style, mood or instruments");
        }
        return line.toString();
    }
}
