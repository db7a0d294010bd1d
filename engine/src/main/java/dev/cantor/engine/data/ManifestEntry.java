package dev.cantor.engine.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.music.Mode;
import dev.cantor.engine.music.Tonality;
import java.util.List;
import java.util.Objects;

/**
 * One line of a corpus manifest: a clip's file (relative to the corpus folder), its caption and
 * its labels, including the exact melody. Written and read with Jackson; unknown fields are
 * ignored so newer manifests stay readable.
 *
 * @param seed       the corpus seed (the clip is a function of seed and {@code clipIndex})
 * @param parts      the instrument of each role ("lead", "harmony", "pad", "bass", "drums")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestEntry(
        @JsonProperty("file") String file,
        @JsonProperty("caption") String caption,
        @JsonProperty("style") String style,
        @JsonProperty("mood") String mood,
        @JsonProperty("instruments") List<String> instruments,
        @JsonProperty("programs") List<Integer> programs,
        @JsonProperty("parts") List<PartLabel> parts,
        @JsonProperty("tempo_bpm") int tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("sample_rate") int sampleRate,
        @JsonProperty("seed") long seed,
        @JsonProperty("clip_index") int clipIndex,
        @JsonProperty("has_drums") boolean hasDrums,
        @JsonProperty("soundfont") String soundfont,
        @JsonProperty("melody") List<MelodyNote> melody) {

    /** One part of the arrangement: its role, GM program (or drum kit) and instrument name. */
    public record PartLabel(
            @JsonProperty("role") String role,
            @JsonProperty("program") int program,
            @JsonProperty("instrument") String instrument) {
    }

    public ManifestEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(caption, "caption");
        instruments = instruments == null ? List.of() : List.copyOf(instruments);
        programs = programs == null ? List.of() : List.copyOf(programs);
        parts = parts == null ? List.of() : List.copyOf(parts);
        melody = melody == null ? List.of() : List.copyOf(melody);
    }

    /** The labels of a composed clip. */
    public static ManifestEntry of(String file, String caption, PieceSpec spec, Score score, int sampleRate,
            String soundfont) {
        List<PartLabel> parts = spec.parts().stream()
                .map(p -> new PartLabel(p.role().label(), p.program(), p.instrumentName())).toList();
        return new ManifestEntry(file, caption, spec.style().label(), spec.mood().label(), spec.instrumentNames(),
                spec.programs(), parts, spec.tempoBpm(), spec.tonality().key().label(), spec.tonality().mode().label(),
                spec.seconds(), sampleRate, spec.corpusSeed(), spec.index(), spec.hasDrums(), soundfont,
                score.melody());
    }

    /** The labelled key and mode. */
    public Tonality tonality() {
        return new Tonality(Key.fromLabel(key), Mode.fromLabel(mode));
    }
}
