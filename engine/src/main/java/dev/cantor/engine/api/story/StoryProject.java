package dev.cantor.engine.story;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.SamplingParams;
import java.util.List;

/**
 * A story project ({@code "format": "cantor-project", "version": 1}): sections in order, the
 * transition between them, the story's seed and sampling settings, and the takes rendered from
 * it. Every field but the sections (each with a prompt and a length) is optional; {@link
 * #normalized()} fills in the defaults, so the smallest valid project is one a person can write
 * by hand. Read and written by {@link StoryProjects}.
 *
 * @param format            always {@link #FORMAT}
 * @param version           the schema version, {@link #VERSION}
 * @param seed              the story's seed; a section without its own seed derives one from it
 * @param transitionSeconds how long the condition takes to move from one section to the next
 * @param sampling          temperature, top-k, top-p and guidance for every section
 * @param sections          the timeline, in order
 * @param takes             renders of this story (newest last)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryProject(
        @JsonProperty("format") String format,
        @JsonProperty("version") Integer version,
        @JsonProperty("seed") Long seed,
        @JsonProperty("transition_seconds") Double transitionSeconds,
        @JsonProperty("sampling") Sampling sampling,
        @JsonProperty("sections") List<StorySection> sections,
        @JsonProperty("takes") List<StoryTake> takes) {

    public static final String FORMAT = "cantor-project";
    public static final int VERSION = 1;
    public static final double DEFAULT_TRANSITION_SECONDS = 2.0;
    public static final long DEFAULT_SEED = 1;

    /** Sampling settings for the whole story (each null field takes Cantor's default, {@link SamplingParams#defaults}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sampling(
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("top_k") Integer topK,
            @JsonProperty("top_p") Double topP,
            @JsonProperty("guidance") Double guidance) {

        public static Sampling defaults() {
            return new Sampling(SamplingParams.DEFAULT_TEMPERATURE, SamplingParams.DEFAULT_TOP_K,
                    SamplingParams.DEFAULT_TOP_P, SamplingParams.DEFAULT_GUIDANCE);
        }

        Sampling normalized() {
            Sampling d = defaults();
            return new Sampling(temperature == null ? d.temperature : temperature, topK == null ? d.topK : topK,
                    topP == null ? d.topP : topP, guidance == null ? d.guidance : guidance);
        }
    }

    /**
     * A render of the story.
     *
     * @param file     the WAV (relative to the project file)
     * @param seed     the story seed it was made with
     * @param created  when (ISO-8601)
     * @param sections where each section landed, in seconds from the start
     * @param codes    its tokens (relative to the project file), which "regenerate this section"
     *                 continues from; null when only the audio was kept
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoryTake(
            @JsonProperty("file") String file,
            @JsonProperty("seed") long seed,
            @JsonProperty("created") String created,
            @JsonProperty("sections") List<Span> sections,
            @JsonProperty("codes") String codes) {

        public StoryTake(String file, long seed, String created, List<Span> sections) {
            this(file, seed, created, sections, null);
        }
    }

    /** A section's place in a render: [start, end) in seconds. */
    public record Span(@JsonProperty("start") double start, @JsonProperty("end") double end) {
    }

    /** A new project with these sections and every default. */
    public static StoryProject of(long seed, List<StorySection> sections) {
        return new StoryProject(FORMAT, VERSION, seed, DEFAULT_TRANSITION_SECONDS, Sampling.defaults(),
                List.copyOf(sections), List.of());
    }

    /** This project with every missing optional field set to its default. */
    public StoryProject normalized() {
        return new StoryProject(FORMAT, VERSION, seed == null ? DEFAULT_SEED : seed,
                transitionSeconds == null ? DEFAULT_TRANSITION_SECONDS : transitionSeconds,
                sampling == null ? Sampling.defaults() : sampling.normalized(),
                sections == null ? List.of() : List.copyOf(sections), takes == null ? List.of() : List.copyOf(takes));
    }

    /** Total length in seconds. */
    public double seconds() {
        return sections == null ? 0 : sections.stream().mapToDouble(StorySection::seconds).sum();
    }

    public StoryProject withSections(List<StorySection> newSections) {
        return new StoryProject(format, version, seed, transitionSeconds, sampling, List.copyOf(newSections), takes);
    }

    public StoryProject withSeed(long newSeed) {
        return new StoryProject(format, version, newSeed, transitionSeconds, sampling, sections, takes);
    }

    public StoryProject withTransitionSeconds(double t) {
        return new StoryProject(format, version, seed, t, sampling, sections, takes);
    }

    public StoryProject withSampling(Sampling s) {
        return new StoryProject(format, version, seed, transitionSeconds, s, sections, takes);
    }

    public StoryProject withTakes(List<StoryTake> all) {
        return new StoryProject(format, version, seed, transitionSeconds, sampling, sections, List.copyOf(all));
    }

    /** The newest take, or null. */
    public StoryTake latestTake() {
        return takes == null || takes.isEmpty() ? null : takes.get(takes.size() - 1);
    }

    public StoryProject withTake(StoryTake take) {
        List<StoryTake> all = new java.util.ArrayList<>(takes == null ? List.of() : takes);
        all.add(take);
        return new StoryProject(format, version, seed, transitionSeconds, sampling, sections, List.copyOf(all));
    }
}
