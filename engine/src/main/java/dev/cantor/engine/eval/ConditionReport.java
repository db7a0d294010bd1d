package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The figures of one kind of clip in an evaluation (the model's, the real references, the
 * unconditional floor). A figure that does not apply or could not be measured is null.
 *
 * @param clips                     clips scored
 * @param tempoHitRate              share of clips whose estimated tempo is within ±8 % of the prompt's
 * @param tempoHitRateOctave        the same, also accepting double and half the tempo
 * @param modeAccuracy              share with the prompt's mode (major/minor) by key profiles
 * @param keyAccuracy               share with the prompt's tonic and mode
 * @param keyMirexScore             mean MIREX key score (partial credit for fifths, relative, parallel)
 * @param styleAccuracy             share the judge files under the prompt's style
 * @param instrumentF1              micro F1 of the judge's instruments against the prompt's
 * @param melodyChromaCosine        frame chroma agreement with the hummed melody (melody prompts)
 * @param melodyChromaCosineNoMelody the same for the model's text-only clips of those prompts
 * @param fdEmbed                   Fréchet distance of judge embeddings to the reference renders
 * @param memorizationExactRate     share of generated first-codebook windows found verbatim in training
 * @param rtf                       wall seconds per second of audio made
 * @param perClip                   what was heard in each clip, in the order made ({@link ClipScore})
 */
public record ConditionReport(
        @JsonProperty("clips") int clips,
        @JsonProperty("tempo_hit_rate") Double tempoHitRate,
        @JsonProperty("tempo_hit_rate_octave") Double tempoHitRateOctave,
        @JsonProperty("mode_accuracy") Double modeAccuracy,
        @JsonProperty("key_accuracy") Double keyAccuracy,
        @JsonProperty("key_mirex_score") Double keyMirexScore,
        @JsonProperty("style_accuracy") Double styleAccuracy,
        @JsonProperty("instrument_f1") Double instrumentF1,
        @JsonProperty("melody_chroma_cosine") Double melodyChromaCosine,
        @JsonProperty("melody_chroma_cosine_no_melody") Double melodyChromaCosineNoMelody,
        @JsonProperty("fd_embed") Double fdEmbed,
        @JsonProperty("memorization_exact_rate") Double memorizationExactRate,
        @JsonProperty("rtf") Double rtf,
        @JsonProperty("per_clip") List<ClipScore> perClip) {
}
