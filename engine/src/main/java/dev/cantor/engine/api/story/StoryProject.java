package dev.cantor.engine.api.story;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import java.util.List;
import java.util.Locale;

/**
 * A story project ({@code "format": "cantor-project", "version": 1}): sections in order, the
 * transition between them, the story's seed and sampling settings, and the takes rendered from
 * it. Every field but the sections (each with a prompt and a length) is optional; {@link
 * #normalized()} fills in the defaults, so the smallest valid project is one a person can write
 * by hand. Read and written by the {@link StoryService}.
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
    /** Longest story one project may ask for (30 minutes). */
    public static final double MAX_TOTAL_SECONDS = 1800;
    /** Longest section. */
    public static final double MAX_SECTION_SECONDS = 600;
    /** Most sections in one story (each is a prompt to embed and a seam to render). */
    public static final int MAX_SECTIONS = StoryRequest.MAX_SECTIONS;

    /**
     * Sampling settings for the whole story (each null field takes Cantor's default, {@link
     * SamplingParams#defaults}); {@code key_guidance} came after version 1's first files, which
     * therefore get the default.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sampling(
            @JsonProperty("temperature") Double temperature,
            @JsonProperty("top_k") Integer topK,
            @JsonProperty("top_p") Double topP,
            @JsonProperty("guidance") Double guidance,
            @JsonProperty("key_guidance") Double keyGuidance) {

        public static Sampling defaults() {
            return of(SamplingParams.defaults(0));
        }

        /** The settings of {@code p} (its seed aside: a story's sections each have their own). */
        private static Sampling of(SamplingParams p) {
            return new Sampling(p.temperature(), p.topK(), p.topP(), p.guidance(), p.keyGuidance());
        }

        /**
         * These settings as the engine draws with them, with seed 0 (unused: each section has its own).
         *
         * @throws RequestException naming a setting out of the engine's range
         */
        public SamplingParams params() {
            Sampling n = normalized();
            return new SamplingParams(n.temperature, n.topK, n.topP, n.guidance, 0, n.keyGuidance);
        }

        Sampling normalized() {
            Sampling d = defaults();
            return new Sampling(temperature == null ? d.temperature : temperature, topK == null ? d.topK : topK,
                    topP == null ? d.topP : topP, guidance == null ? d.guidance : guidance,
                    keyGuidance == null ? d.keyGuidance : keyGuidance);
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

    /**
     * Checks every value a person may have typed (call it on a {@link #normalized()} project).
     *
     * @return this project
     * @throws IllegalArgumentException naming the section and field at fault
     */
    public StoryProject checked() {
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("a story needs at least one section");
        }
        if (sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("the story has " + sections.size() + " sections; at most "
                    + MAX_SECTIONS);
        }
        double shortest = Double.MAX_VALUE;
        for (int i = 0; i < sections.size(); i++) {
            StorySection s = sections.get(i);
            String where = "section " + (i + 1);
            if (s == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            if ((s.prompt() == null || s.prompt().isBlank()) && s.melody() == null) {
                throw new IllegalArgumentException(where + " needs a \"prompt\" (or a \"melody\")");
            }
            if (!(s.seconds() > 0) || s.seconds() > MAX_SECTION_SECONDS) {
                throw new IllegalArgumentException(where + ": \"seconds\" must be more than 0 and at most "
                        + (int) MAX_SECTION_SECONDS + ", got " + s.seconds());
            }
            if (s.tempoBpm() != null && !(s.tempoBpm() >= 20 && s.tempoBpm() <= 400)) {
                throw new IllegalArgumentException(where + ": \"tempo_bpm\" must be 20..400, got " + s.tempoBpm());
            }
            try {
                if (s.key() != null) {
                    Key.fromLabel(s.key());
                }
                if (s.mode() != null) {
                    Mode.fromLabel(s.mode());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            shortest = Math.min(shortest, s.seconds());
        }
        if (seconds() > MAX_TOTAL_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the story is %.0f s long; at most %.0f s", seconds(), MAX_TOTAL_SECONDS));
        }
        double t = transitionSeconds;
        if (!(t >= 0) || (sections.size() > 1 && t >= shortest)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "\"transition_seconds\" must be at least 0 and shorter than every section (the shortest is "
                            + "%.1f s), got %s", shortest, t));
        }
        Sampling s = sampling;
        try {
            s.params();
        } catch (RequestException e) {
            throw new IllegalArgumentException("\"sampling\": " + e.getMessage(), e);
        }
        return this;
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
