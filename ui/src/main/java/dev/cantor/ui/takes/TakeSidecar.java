package dev.cantor.ui.takes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.SamplingParams;

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
        @JsonProperty("key_guidance") double keyGuidance,
        @JsonProperty("melody_seconds") Double melodySeconds,
        @JsonProperty("model") String model,
        @JsonProperty("created") String created,
        @JsonProperty("wav_sample_rate") int wavSampleRate,
        @JsonProperty("wav_format") String wavFormat) {

    public static TakeSidecar of(Take take, int wavSampleRate, String wavFormat) {
        GenerationRequest r = take.request();
        SamplingParams s = r.sampling();
        return new TakeSidecar("cantor-take", 1, r.prompt(), r.seed(), r.seconds(), s.temperature(), s.topK(),
                s.topP(), s.guidance(), s.keyGuidance(), r.melody() == null ? null : r.melody().seconds(),
                take.model(), take.created().toString(), wavSampleRate, wavFormat);
    }
}
