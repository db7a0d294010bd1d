package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.data.SpecSampler;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One prompt of an evaluation set: the text given to the model, the labels its output is
 * scored against, the real piece it describes (the reference) and optionally the melody line to
 * hum as a melody condition.
 *
 * <p>The reference is the prompt's {@code piece} (its arrangement, written out in full) composed
 * with the prompt's seed and clip index; a line without {@code piece} (sets made before pieces
 * were written) has its arrangement drawn again by {@link SpecSampler#fullGeneralMidi()} from
 * seed and clip index, which only works while the composer still draws what it drew then.
 *
 * @param id         stable name within the set, e.g. "eval-007"
 * @param prompt     the text prompt; states the tempo in BPM and the key
 * @param seed       corpus seed of {@link SpecSampler#fullGeneralMidi()} that drew the piece
 * @param clipIndex  clip index within that seed
 * @param melody     notes to hum as the melody condition, or null for a text-only prompt
 * @param piece      the reference piece's arrangement, or null to draw it again from seed and clip index
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
        @JsonProperty("melody") List<MelodyNote> melody,
        @JsonProperty("piece") FrozenPiece piece) {

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

    /** The prompt for a drawn piece, with the piece written out. */
    static EvalPrompt of(String id, String prompt, PieceSpec spec, List<MelodyNote> melody) {
        Tonality t = spec.tonality();
        return new EvalPrompt(id, prompt, spec.style().label(), spec.mood().label(), spec.instrumentNames(),
                spec.tempoBpm(), t.key().label(), t.mode().label(), spec.hasDrums(), spec.seconds(),
                spec.corpusSeed(), spec.index(), melody, FrozenPiece.of(spec));
    }

    /** This prompt without its written-out piece (as sets were written before pieces were). */
    public EvalPrompt withoutPiece() {
        return new EvalPrompt(id, prompt, style, mood, instruments, tempoBpm, key, mode, hasDrums, seconds, seed,
                clipIndex, melody, null);
    }

    /** True when the reference piece is written out ({@code piece}), false when it is drawn again. */
    @JsonIgnore
    public boolean hasPiece() {
        return piece != null;
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
     * The piece this prompt describes: its {@code piece} composed with its seed and clip index, or,
     * for a line without {@code piece}, drawn again from seed and clip index.
     *
     * @throws EvalSetException when the piece does not have the prompt's labels (a written-out piece
     *                          that contradicts them, or a draw by another version of Cantor's composer)
     */
    public PieceSpec spec() {
        if (piece != null) {
            PieceSpec spec;
            try {
                spec = piece.toSpec(seed, clipIndex);
            } catch (IllegalArgumentException e) {
                throw new EvalSetException("evaluation prompt " + id + " has a piece that is not one: "
                        + e.getMessage());
            }
            String differences = differences(spec);
            if (!differences.isEmpty()) {
                throw new EvalSetException("evaluation prompt " + id + " contradicts its own piece: " + differences
                        + "; correct the line or make the set again with 'cantor make-eval-set'");
            }
            return spec;
        }
        PieceSpec spec = SpecSampler.fullGeneralMidi().sample(seed, clipIndex, seconds);
        String differences = differences(spec);
        if (!differences.isEmpty()) {
            throw new EvalSetException("evaluation prompt " + id + " no longer matches the piece of seed " + seed
                    + " clip " + clipIndex + " (" + differences + "): the composer draws another piece now and the"
                    + " line has no written-out 'piece'; make the set again with 'cantor make-eval-set'");
        }
        return spec;
    }

    /** The labels {@code spec} does not share with this prompt, e.g. "tempo_bpm 93, piece 94", or "". */
    private String differences(PieceSpec spec) {
        EvalPrompt of = of(id, prompt, spec, melody);
        List<String> diffs = new ArrayList<>();
        differ(diffs, "style", style, of.style);
        differ(diffs, "mood", mood, of.mood);
        differ(diffs, "tempo_bpm", tempoBpm, of.tempoBpm);
        differ(diffs, "key", key, of.key);
        differ(diffs, "mode", mode, of.mode);
        differ(diffs, "instruments", instruments, of.instruments);
        differ(diffs, "has_drums", hasDrums, of.hasDrums);
        differ(diffs, "seconds", seconds, of.seconds);
        return String.join("; ", diffs);
    }

    private static void differ(List<String> diffs, String field, Object label, Object piece) {
        if (!label.equals(piece)) {
            diffs.add(field + " " + label + ", piece " + piece);
        }
    }
}
