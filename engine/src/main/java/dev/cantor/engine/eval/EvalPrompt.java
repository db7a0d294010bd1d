package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.data.Key;
import dev.cantor.engine.data.MelodyNote;
import dev.cantor.engine.data.Mode;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import dev.cantor.engine.data.Style;
import dev.cantor.engine.data.Tonality;
import java.util.List;
import java.util.Objects;

/**
 * One prompt of an evaluation set: the text given to the model, the labels its output is
 * scored against, the corpus seed and clip index that re-create the real piece it describes
 * (the reference), and optionally the melody line to hum as a melody condition.
 *
 * @param id         stable name within the set, e.g. "eval-007"
 * @param prompt     the text prompt; states the tempo in BPM and the key
 * @param seed       corpus seed of {@link SpecSampler#fullGeneralMidi()} that drew the piece
 * @param clipIndex  clip index within that seed
 * @param melody     notes to hum as the melody condition, or null for a text-only prompt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalPrompt(
        @JsonProperty("id") String id,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("style") String style,
        @JsonProperty("mood") String mood,
        @JsonProperty("instruments") List<String> instruments,
        @JsonProperty("tempo_bpm") int tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("has_drums") boolean hasDrums,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("seed") long seed,
        @JsonProperty("clip_index") int clipIndex,
        @JsonProperty("melody") List<MelodyNote> melody) {

    public EvalPrompt {
        Objects.requireNonNull(id, "id");
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt " + id + " has no text");
        }
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        melody = melody == null || melody.isEmpty() ? null : List.copyOf(melody);
        if (tempoBpm < 20 || tempoBpm > 400) {
            throw new IllegalArgumentException("prompt " + id + ": tempo_bpm must be 20..400, got " + tempoBpm);
        }
        if (!(seconds > 0 && seconds <= 600)) {
            throw new IllegalArgumentException("prompt " + id + ": seconds must be in (0, 600], got " + seconds);
        }
        Style.fromLabel(Objects.requireNonNull(style, "style"));
        Key.fromLabel(Objects.requireNonNull(key, "key"));
        Mode.fromLabel(Objects.requireNonNull(mode, "mode"));
    }

    /** The prompt for a drawn piece. */
    static EvalPrompt of(String id, String prompt, PieceSpec spec, List<MelodyNote> melody) {
        Tonality t = spec.tonality();
        return new EvalPrompt(id, prompt, spec.style().label(), spec.mood().label(), spec.instrumentNames(),
                spec.tempoBpm(), t.key().label(), t.mode().label(), spec.hasDrums(), spec.seconds(),
                spec.corpusSeed(), spec.index(), melody);
    }

    @JsonIgnore
    public boolean hasMelody() {
        return melody != null;
    }

    @JsonIgnore
    public Tonality tonality() {
        return new Tonality(Key.fromLabel(key), Mode.fromLabel(mode));
    }

    @JsonIgnore
    public Style styleLabel() {
        return Style.fromLabel(style);
    }

    /**
     * The piece this prompt describes, drawn again from its seed and index.
     *
     * @throws EvalSetException when the draw no longer matches the labels (the set was made by
     *                          another version of Cantor's composer and must be made again)
     */
    public PieceSpec spec() {
        PieceSpec spec = SpecSampler.fullGeneralMidi().sample(seed, clipIndex, seconds);
        EvalPrompt again = of(id, prompt, spec, melody);
        if (!again.style.equals(style) || again.tempoBpm != tempoBpm || !again.key.equals(key)
                || !again.mode.equals(mode) || !again.instruments.equals(instruments)) {
            throw new EvalSetException("evaluation prompt " + id + " no longer matches the piece of seed " + seed
                    + " clip " + clipIndex + " (labels " + style + ", " + tempoBpm + " BPM, " + key + " " + mode
                    + "; the composer now draws " + again.style + ", " + again.tempoBpm + " BPM, " + again.key + " "
                    + again.mode + "); make the set again with 'cantor make-eval-set'");
        }
        return spec;
    }
}
