package dev.cantor.engine.audio;

/**
 * Mono audio in memory: samples nominally in [-1, 1] at {@code sampleRate} Hz.
 * This is the type that crosses the engine boundary for sound.
 */
public record AudioClip(float[] samples, int sampleRate) {

    public AudioClip {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    /** Number of samples. */
    public int length() {
        return samples.length;
    }

    /** Duration in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }
}
