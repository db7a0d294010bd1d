package dev.cantor.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a model takes from a prompt as conditions of their own, beside the sentence embedding of
 * the whole text: so a musician can see that "in F# minor" was heard and "melancholic" was
 * not (a model trained without style, mood and instrument inputs leaves those to the text).
 * Absent parts are null or empty.
 *
 * @param tempoBpm    the stated tempo
 * @param key         the stated tonic ("C", "F#", "Bb")
 * @param mode        "major" or "minor"
 * @param style       the named style, e.g. "jazz"
 * @param mood        the named mood, e.g. "sad"
 * @param instruments the named instruments, in Cantor's names ("alto sax", "drums")
 */
public record PromptReading(Double tempoBpm, String key, String mode, String style, String mood,
                            List<String> instruments) {

    /** Nothing read. */
    public static final PromptReading NONE = new PromptReading(null, null, null, null, null, List.of());

    public PromptReading {
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
    }

    /**
     * This reading with the tempo, key and mode a caller set explicitly (a story section's own
     * settings) in place of those read from the prompt; null leaves the prompt's.
     */
    public PromptReading withSettings(Double tempo, String keyLabel, String modeLabel) {
        return new PromptReading(tempo == null ? tempoBpm : tempo, keyLabel == null ? key : keyLabel,
                modeLabel == null ? mode : modeLabel, style, mood, instruments);
    }

    /** One line, e.g. "70 bpm · F# minor · jazz · sad · piano, strings"; "nothing" when empty. */
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
        return parts.isEmpty() ? "nothing" : String.join(" · ", parts);
    }
}
