package dev.cantor.engine.api;

/**
 * A stretch of a take's audio, handed out while the take is still being made (see
 * {@link AudioStreamListener}). Mono, at {@code sampleRate}; samples are the receiver's to keep.
 *
 * @param take         which take it belongs to: 0 for a single generation, 0..N−1 for
 *                     {@link MusicEngine#generateTakes}
 * @param offset       index of its first sample in the take's finished audio
 * @param samples      the audio
 * @param sampleRate   samples per second
 * @param totalSamples length of the take's finished audio, known from the start
 */
public record AudioChunk(int take, int offset, float[] samples, int sampleRate, int totalSamples) {

    public AudioChunk {
        if (take < 0 || offset < 0 || samples == null || sampleRate <= 0
                || (long) offset + samples.length > totalSamples) {
            throw new IllegalArgumentException("a chunk must lie inside its take: take " + take + ", offset " + offset
                    + ", " + (samples == null ? 0 : samples.length) + " samples of " + totalSamples);
        }
    }

    /** Index just past its last sample. */
    public int end() {
        return offset + samples.length;
    }

    /** True for the take's last chunk: the take's audio is complete with it. */
    public boolean isLast() {
        return end() == totalSamples;
    }
}
