package dev.cantor.engine.api;

/**
 * The engine as the studio and the CLI see it: a request in, audio out, with progress and
 * cancellation. Implementations keep every tensor inside; only Java arrays cross this line.
 */
public interface MusicEngine extends AutoCloseable {

    /**
     * Generates music. Progress comes in stages ({@link ProgressStage}: conditioning, generating in frames,
     * decoding); cancelling stops within one sampling step.
     *
     * @throws RequestException   when the request cannot be honoured (e.g. a melody with no pitch)
     * @throws CancelledException when cancelled
     */
    GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * Renders a story as one continuous piece: each section under its own condition, the
     * condition moving across each transition, progress in {@link ProgressStage#section} stages (frames done
     * of all frames) then decoding.
     *
     * @throws RequestException   when a section cannot be honoured
     * @throws CancelledException when cancelled
     */
    StoryResult generateStory(StoryRequest request, ProgressListener progress, CancellationToken cancel);

    /**
     * Renders section {@code section} of a story anew (with the seed the request now gives it),
     * keeping the tokens before it from {@code previous} exactly, and its audio to the sample up to
     * a short blend (0.1 s) just before the section; the sections after it are rendered anew too
     * ({@code regenerateFollowing}) or kept as they were, with the audio blended across the seam.
     *
     * @throws RequestException when {@code previous} does not match the request's timeline
     */
    StoryResult regenerateSection(StoryRequest request, StoryResult previous, int section, boolean regenerateFollowing,
                                  ProgressListener progress, CancellationToken cancel);

    /**
     * What is read from {@code prompt} as conditions of their own: tempo, key, mode, style, mood and
     * instruments (words outside the vocabulary mapped by meaning, or reported as not understood),
     * and which of them the model conditions on. Cheap: at most the small sentence encoder runs on
     * a few words (and, the first time, on the vocabulary, about a second).
     */
    PromptReading read(String prompt);

    /** Sample rate of the audio it returns. */
    int sampleRate();

    /** Token frames per second. */
    double frameRate();

    @Override
    void close();
}
