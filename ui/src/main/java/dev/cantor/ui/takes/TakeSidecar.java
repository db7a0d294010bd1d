package dev.cantor.ui;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.GenerationRequest;
import java.nio.file.Path;

/**
 * The JSON written beside an exported WAV: everything needed to make the take again (prompt,
 * seed, length, sampling settings, model) and how the file was written.
 */
public record TakeSidecar(
        @JsonProperty("format") String format,
        @JsonProperty("version") int version,
        @JsonProperty("prompt") String prompt,
        @JsonProperty("seed") long seed,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("temperature") double temperature,
        @JsonProperty("top_k") int topK,
        @JsonProperty("top_p") double topP,
        @JsonProperty("guidance") double guidance,
        @JsonProperty("melody_seconds") Double melodySeconds,
        @JsonProperty("model") String model,
        @JsonProperty("created") String created,
        @JsonProperty("wav_sample_rate") int wavSampleRate,
        @JsonProperty("wav_format") String wavFormat) {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static TakeSidecar of(Take take, int wavSampleRate, String wavFormat) {
        GenerationRequest r = take.request();
        return new TakeSidecar("cantor-take", 1, r.prompt(), r.seed(), r.seconds(), r.temperature(), r.topK(), r.topP(),
                r.guidance(), r.melody() == null ? null : r.melody().seconds(), take.model(), take.created().toString(),
                wavSampleRate, wavFormat);
    }

    /** {@code song.wav} → {@code song.json}, beside it. */
    public static Path pathFor(Path wav) {
        String name = wav.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return wav.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".json");
    }
}
