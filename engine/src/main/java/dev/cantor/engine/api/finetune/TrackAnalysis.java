package dev.cantor.engine.api.finetune;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Cantor hears in a track, for its caption and its training labels: tempo, key and mode,
 * loudness and how percussive it is. Estimated on (at most) a minute from the track's middle
 * ({@code library.TrackAnalyzer}).
 *
 * @param tempoBpm       estimated tempo, or null when the track has no clear beat
 * @param key            tonic ("C", "F#", "Eb"), or null when it has no clear key
 * @param mode           "major" / "minor", or null
 * @param loudnessDbfs   RMS level in dB below full scale
 * @param percussiveness share of the energy in hits rather than sustained tones, 0..1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackAnalysis(
        @JsonProperty("tempo_bpm") Double tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("loudness_dbfs") double loudnessDbfs,
        @JsonProperty("percussiveness") double percussiveness) {
}
