package dev.cantor.engine.api;

/**
 * Hears a take's audio while it is made ("hear it while it is made"): a player starts on the
 * first chunk and keeps appending. For each take the chunks come in order, each starting where
 * the previous ended, from sample 0 to the take's end, the last with {@link AudioChunk#isLast()};
 * joined they are the finished take's audio, sample for sample. Takes made together interleave
 * (take 0's chunk, take 1's chunk, …, each at the same offset).
 *
 * <p>When the first chunk comes depends on the model, not the listener: the language model's
 * delay pattern completes a frame K−1 steps after it starts it, and the codec decoder needs some
 * frames beyond a frame to finish its audio (16, 0.32 s, for the shipped codec). So the first
 * chunk, 0.2 s of audio, comes once about 0.55 s of music has been sampled: a third of a second
 * with the shipped model on a 2-core CPU ({@code cantor bench} reports it as {@code first_audio_s}).
 * Later chunks are about 1 s long.
 *
 * <p>Called on the generating thread between sampling steps: be quick (hand the chunk to a
 * queue, a player, a view); time spent here delays the music. A listener that throws ends the
 * generation with that exception.
 */
@FunctionalInterface
public interface AudioStreamListener {

    /** A listener that ignores every chunk. */
    AudioStreamListener NONE = chunk -> { };

    void onChunk(AudioChunk chunk);
}
