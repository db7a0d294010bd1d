package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cantor.engine.data.BassStyle;
import dev.cantor.engine.data.ChordSymbol;
import dev.cantor.engine.data.CompStyle;
import dev.cantor.engine.data.DrumPattern;
import dev.cantor.engine.data.PieceSpec;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Mood;
import dev.cantor.engine.music.Style;
import dev.cantor.engine.music.Tonality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arrangement of an evaluation prompt's reference piece, written out in full (the {@code piece}
 * object of a {@code prompts.jsonl} line), so the piece no longer depends on what Cantor's
 * {@link dev.cantor.engine.data.SpecSampler} draws from the prompt's seed and clip index: a set
 * stays the same set when the composer's styles, palettes or tempo ranges change. Only the notes
 * are still composed from seed and clip index ({@link #toSpec}).
 *
 * <p>Style, mood, key and mode are written as their labels ("bossa nova", "dreamy", "C#",
 * "minor"); drum pattern, comp and bass style as the names of {@link DrumPattern},
 * {@link CompStyle} and {@link BassStyle}; the progression as Roman numerals
 * ({@link ChordSymbol#numeral()}, read back with {@link ChordSymbol#parse} in the piece's mode).
 *
 * @param padProgram  GM program of the pad, or -1 for none
 * @param drumKit     GM drum kit, or -1 for no drums
 * @param drumPattern groove name, or null when there are no drums
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"style", "mood", "key", "mode", "tempo_bpm", "seconds", "lead_program", "harmony_program",
        "bass_program", "pad_program", "drum_kit", "drum_pattern", "comp", "bass_style", "progression",
        "beats_per_chord", "pentatonic"})
public record FrozenPiece(
        @JsonProperty("style") String style,
        @JsonProperty("mood") String mood,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("tempo_bpm") Integer tempoBpm,
        @JsonProperty("seconds") Double seconds,
        @JsonProperty("lead_program") Integer leadProgram,
        @JsonProperty("harmony_program") Integer harmonyProgram,
        @JsonProperty("bass_program") Integer bassProgram,
        @JsonProperty("pad_program") Integer padProgram,
        @JsonProperty("drum_kit") Integer drumKit,
        @JsonProperty("drum_pattern") String drumPattern,
        @JsonProperty("comp") String comp,
        @JsonProperty("bass_style") String bassStyle,
        @JsonProperty("progression") List<String> progression,
        @JsonProperty("beats_per_chord") Integer beatsPerChord,
        @JsonProperty("pentatonic") Boolean pentatonic) {

    /**
     * Checks that every field is there and names something Cantor knows; whether the fields make a
     * piece together (tempo range, a kit with its pattern) is checked by {@link #toSpec}.
     */
    public FrozenPiece {
        Style.fromLabel(required(style, "style"));
        Mood.fromLabel(required(mood, "mood"));
        Key.fromLabel(required(key, "key"));
        Mode parsedMode = Mode.fromLabel(required(mode, "mode"));
        required(tempoBpm, "tempo_bpm");
        if (!(required(seconds, "seconds") > 0)) {
            throw new IllegalArgumentException("piece: seconds must be positive, got " + seconds);
        }
        program(leadProgram, "lead_program", false);
        program(harmonyProgram, "harmony_program", false);
        program(bassProgram, "bass_program", false);
        program(padProgram, "pad_program", true);
        program(drumKit, "drum_kit", true);
        if (drumPattern != null) {
            named(DrumPattern.class, drumPattern, "drum_pattern");
        }
        named(CompStyle.class, required(comp, "comp"), "comp");
        named(BassStyle.class, required(bassStyle, "bass_style"), "bass_style");
        progression = List.copyOf(required(progression, "progression"));
        if (progression.isEmpty()) {
            throw new IllegalArgumentException("piece: progression is empty");
        }
        for (String numeral : progression) {
            ChordSymbol.parse(parsedMode, required(numeral, "progression chord"));
        }
        if (required(beatsPerChord, "beats_per_chord") <= 0) {
            throw new IllegalArgumentException("piece: beats_per_chord must be positive, got " + beatsPerChord);
        }
        required(pentatonic, "pentatonic");
    }

    /** The arrangement of {@code spec}, to write beside its prompt. */
    public static FrozenPiece of(PieceSpec spec) {
        Tonality t = spec.tonality();
        return new FrozenPiece(spec.style().label(), spec.mood().label(), t.key().label(), t.mode().label(),
                spec.tempoBpm(), spec.seconds(), spec.leadProgram(), spec.harmonyProgram(), spec.bassProgram(),
                spec.padProgram(), spec.drumKit(), spec.drumPattern() == null ? null : spec.drumPattern().name(),
                spec.comp().name(), spec.bass().name(), spec.progression().stream().map(ChordSymbol::numeral).toList(),
                spec.beatsPerChord(), spec.pentatonic());
    }

    /**
     * The piece, with the notes composed from {@code corpusSeed} and {@code index} (the prompt's
     * seed and clip index), as the corpus composes them.
     *
     * @throws IllegalArgumentException when the fields do not make a piece (e.g. a drum kit without a pattern)
     */
    public PieceSpec toSpec(long corpusSeed, int index) {
        Mode m = Mode.fromLabel(mode);
        List<ChordSymbol> chords = new ArrayList<>();
        for (String numeral : progression) {
            chords.add(ChordSymbol.parse(m, numeral));
        }
        return new PieceSpec(corpusSeed, index, Style.fromLabel(style), Mood.fromLabel(mood),
                new Tonality(Key.fromLabel(key), m), tempoBpm, seconds, leadProgram, harmonyProgram, bassProgram,
                padProgram, drumKit, drumPattern == null ? null : DrumPattern.valueOf(drumPattern),
                CompStyle.valueOf(comp), BassStyle.valueOf(bassStyle), chords, beatsPerChord, pentatonic);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("piece: " + field + " is missing");
        }
        return value;
    }

    private static void program(Integer value, String field, boolean noneAllowed) {
        int p = required(value, field);
        if (p < (noneAllowed ? -1 : 0) || p > 127) {
            throw new IllegalArgumentException("piece: " + field + " must be " + (noneAllowed ? "-1" : "0")
                    + "..127, got " + p);
        }
    }

    private static <E extends Enum<E>> void named(Class<E> type, String name, String field) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return;
            }
        }
        throw new IllegalArgumentException("piece: " + field + " '" + name + "' is not one of "
                + List.of(type.getEnumConstants()).toString().toUpperCase(Locale.ROOT));
    }
}
