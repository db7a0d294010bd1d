package dev.cantor.engine.api.story;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.music.Key;
import java.util.Arrays;
import java.util.List;

/**
 * One section of a story: what it should sound like and for how long. Only the prompt and the
 * length are required; the rest overrides what the prompt says or what the story sets.
 *
 * @param prompt    the section's text prompt
 * @param seconds   its length
 * @param seed      its own sampling seed, or null for one derived from the story's seed
 * @param tempoBpm  tempo, or null to take it from the prompt (or leave it free)
 * @param key       tonic such as "F#", or null
 * @param mode      "major" or "minor", or null
 * @param melody    a WAV file to follow (relative to the project file), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorySection(
        @JsonProperty("prompt") String prompt,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("seed") Long seed,
        @JsonProperty("tempo_bpm") Double tempoBpm,
        @JsonProperty("key") String key,
        @JsonProperty("mode") String mode,
        @JsonProperty("melody") String melody) {

    /** The key names a section may give, "C" to "B" (sharps and flats as the corpus spells them). */
    public static final List<String> KEY_NAMES = Arrays.stream(Key.values()).map(Key::label).toList();

    /** {@code key} spelled as in {@link #KEY_NAMES} ("f#" → "F#"). @throws IllegalArgumentException for no key */
    public static String keyName(String key) {
        return Key.fromLabel(key).label();
    }

    /** A section with only a prompt and a length. */
    public static StorySection of(String prompt, double seconds) {
        return new StorySection(prompt, seconds, null, null, null, null, null);
    }

    public StorySection withPrompt(String p) {
        return new StorySection(p, seconds, seed, tempoBpm, key, mode, melody);
    }

    public StorySection withSeconds(double s) {
        return new StorySection(prompt, s, seed, tempoBpm, key, mode, melody);
    }

    public StorySection withSeed(Long s) {
        return new StorySection(prompt, seconds, s, tempoBpm, key, mode, melody);
    }

    public StorySection withTempoBpm(Double bpm) {
        return new StorySection(prompt, seconds, seed, bpm, key, mode, melody);
    }

    public StorySection withKey(String k) {
        return new StorySection(prompt, seconds, seed, tempoBpm, k, mode, melody);
    }

    public StorySection withMode(String m) {
        return new StorySection(prompt, seconds, seed, tempoBpm, key, m, melody);
    }

    public StorySection withMelody(String file) {
        return new StorySection(prompt, seconds, seed, tempoBpm, key, mode, file);
    }
}
