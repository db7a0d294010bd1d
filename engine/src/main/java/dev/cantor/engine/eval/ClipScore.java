package dev.cantor.engine.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the estimators and the judge heard in one clip, beside what its prompt asked, so a figure
 * of {@code cantor eval} can be traced to the prompts that make it (which keys are missed, and for
 * what: the relative minor, the dominant, …).
 *
 * @param prompt    the prompt's id in its set; a prompt made with several seeds has one entry per seed, in order
 * @param askedKey  the key the prompt asks for ("F# minor")
 * @param key       the key heard, or null when the clip has no pitched content to estimate
 * @param keyHit    tonic and mode both as asked (what {@code key_accuracy} counts)
 * @param modeHit   mode as asked
 * @param tempoBpm  the tempo heard, or null for audio with no steady pulse
 * @param tempoHit  within {@link ConditionScores#TEMPO_TOLERANCE} of the prompt's tempo
 * @param style     the judge's most likely style, or null without a judge
 * @param styleHit  whether that is the prompt's style, or null without a judge
 */
public record ClipScore(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("asked_key") String askedKey,
        @JsonProperty("key") String key,
        @JsonProperty("key_hit") boolean keyHit,
        @JsonProperty("mode_hit") boolean modeHit,
        @JsonProperty("tempo_bpm") Double tempoBpm,
        @JsonProperty("tempo_hit") boolean tempoHit,
        @JsonProperty("style") String style,
        @JsonProperty("style_hit") Boolean styleHit) {
}
