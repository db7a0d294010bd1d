package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;
import java.util.List;

/**
 * A story to render as one continuous piece (MusicLM's story mode): sections in order, each
 * with its own prompt, length and seed, and a transition over which the condition moves from
 * one section to the next.
 *
 * @param sections          the timeline (at least one)
 * @param transitionSeconds how long each change of section takes (0 = switch at the boundary)
 * @param sampling          how every section is drawn; its seed is not used, since each section
 *                          has a seed of its own
 */
public record StoryRequest(List<Section> sections, double transitionSeconds, SamplingParams sampling) {

    /**
     * One section.
     *
     * @param prompt   its prompt (may be blank when a melody is given)
     * @param seconds  its length
     * @param seed     its sampling seed
     * @param tempoBpm tempo overriding the prompt's, or null
     * @param key      tonic overriding the prompt's ("F#"), or null
     * @param mode     "major"/"minor" overriding the prompt's, or null
     * @param melody   a melody to follow in this section, or null
     */
    public record Section(String prompt, double seconds, long seed, Double tempoBpm, String key, String mode,
                          AudioClip melody) {

        public Section {
            prompt = prompt == null ? "" : prompt.strip();
            if (!(seconds > 0) || seconds > GenerationRequest.MAX_SECONDS) {
                throw new RequestException("a section must last more than 0 and at most "
                        + (int) GenerationRequest.MAX_SECONDS + " seconds, got " + seconds);
            }
            if (prompt.isEmpty() && melody == null) {
                throw new RequestException("every section needs a prompt or a melody");
            }
        }

        public static Section of(String prompt, double seconds, long seed) {
            return new Section(prompt, seconds, seed, null, null, null, null);
        }
    }

    /** Most sections in one story: each is a prompt to embed and a seam to render. */
    public static final int MAX_SECTIONS = 100;

    public StoryRequest {
        if (sections == null || sections.isEmpty()) {
            throw new RequestException("a story needs at least one section");
        }
        if (sections.size() > MAX_SECTIONS) {
            throw new RequestException("a story has at most " + MAX_SECTIONS + " sections, this one " + sections.size());
        }
        sections = List.copyOf(sections);
        if (!(transitionSeconds >= 0)) {
            throw new RequestException("the transition must last 0 seconds or more");
        }
        java.util.Objects.requireNonNull(sampling, "sampling");
    }

    /** Sections with Cantor's default sampling ({@link SamplingParams#defaults}). */
    public static StoryRequest of(List<Section> sections, double transitionSeconds) {
        return new StoryRequest(sections, transitionSeconds, SamplingParams.defaults(0));
    }

    /** Total length in seconds. */
    public double seconds() {
        return sections.stream().mapToDouble(Section::seconds).sum();
    }
}
