package dev.cantor.engine.api;

/**
 * The engine as the studio and the CLI see it: a request in, audio out, with progress and
 * cancellation. Implementations keep every tensor inside; only Java arrays cross this line.
 */
public interface MusicEngine extends AutoCloseable {

    /**
     * Generates music. Progress comes in stages ("conditioning", "generating" in frames,
     * "decoding"); cancelling stops within one sampling step.
     *
     * @throws RequestException   when the request cannot be honoured (e.g. a melody with no pitch)
     * @throws CancelledException when cancelled
     */
    GenerationResult generate(GenerationRequest request, ProgressListener progress, CancellationToken cancel);

    /** Sample rate of the audio it returns. */
    int sampleRate();

    /** Token frames per second. */
    double frameRate();

    @Override
    void close();
}
