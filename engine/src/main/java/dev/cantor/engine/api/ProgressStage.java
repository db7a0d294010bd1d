package dev.cantor.engine.api;

/**
 * What long engine work is doing when it reports progress: a {@link Kind}, and for a story's
 * sections which section of how many. Listeners switch on {@link #kind()}; {@link #toString()}
 * is the word a progress bar shows ("decoding", "section 2 of 3").
 *
 * @param kind  the stage
 * @param index for {@link Kind#SECTION}, the section being made (0-based); else -1
 * @param count for {@link Kind#SECTION}, the number of sections; else 0
 */
public record ProgressStage(Kind kind, int index, int count) {

    /** The stages engine work goes through. */
    public enum Kind {
        /** Reading the prompt and the melody into the model's conditions. */
        CONDITIONING("conditioning"),
        /** Sampling tokens, in frames. */
        GENERATING("generating"),
        /** Sampling one section of a story, in frames of the whole story. */
        SECTION("section"),
        /** Turning tokens into audio. */
        DECODING("decoding"),
        /** Rendering corpus clips. */
        RENDERING("rendering"),
        /** Reading a library's files. */
        READING("reading"),
        /** Loading audio clips. */
        LOADING("loading"),
        /** Turning clips into tokens. */
        TOKENIZING("tokenizing"),
        /** Training steps, or seconds of a time budget. */
        TRAINING("training"),
        /** Scoring prompts or clips. */
        EVALUATING("evaluating"),
        /** Checking generations against the training tokens. */
        MEMORIZATION("memorization"),
        /** Making and scoring long pieces. */
        LONG_FORM("long form"),
        /** Following the pitch of a recording, to write its notes. */
        TRACKING_PITCH("tracking pitch");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The word a progress bar shows. */
        public String word() {
            return word;
        }
    }

    public static final ProgressStage CONDITIONING = of(Kind.CONDITIONING);
    public static final ProgressStage GENERATING = of(Kind.GENERATING);
    public static final ProgressStage DECODING = of(Kind.DECODING);
    public static final ProgressStage RENDERING = of(Kind.RENDERING);
    public static final ProgressStage READING = of(Kind.READING);
    public static final ProgressStage LOADING = of(Kind.LOADING);
    public static final ProgressStage TOKENIZING = of(Kind.TOKENIZING);
    public static final ProgressStage TRAINING = of(Kind.TRAINING);
    public static final ProgressStage EVALUATING = of(Kind.EVALUATING);
    public static final ProgressStage MEMORIZATION = of(Kind.MEMORIZATION);
    public static final ProgressStage LONG_FORM = of(Kind.LONG_FORM);
    public static final ProgressStage TRACKING_PITCH = of(Kind.TRACKING_PITCH);

    public ProgressStage {
        if (kind == null) {
            throw new IllegalArgumentException("no stage");
        }
        boolean isSection = kind == Kind.SECTION;
        if (isSection ? index < 0 || index >= count : index != -1 || count != 0) {
            throw new IllegalArgumentException("a section number belongs to a story's section stage: " + kind + " "
                    + index + " of " + count);
        }
    }

    private static ProgressStage of(Kind kind) {
        return new ProgressStage(kind, -1, 0);
    }

    /** Section {@code index} (0-based) of a story of {@code count} sections. */
    public static ProgressStage section(int index, int count) {
        return new ProgressStage(Kind.SECTION, index, count);
    }

    /** "decoding", "section 2 of 3" (sections counted from 1). */
    @Override
    public String toString() {
        return kind == Kind.SECTION ? "section " + (index + 1) + " of " + count : kind.word();
    }
}
