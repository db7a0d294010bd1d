package dev.cantor.engine.audio;

/**
 * The decoded contents of a WAV file: one {@code float[]} per channel, samples nominally in
 * [-1, 1], plus what the file said about its encoding (kept so the UI can show
 * "24-bit PCM, 48 kHz, stereo").
 *
 * @param channels      [channel][frame]; all channels have the same length
 * @param sampleRate    frames per second
 * @param bitsPerSample bits per sample in the file (8, 16, 24, 32 or 64)
 * @param encoding      integer PCM or IEEE float
 */
public record WavAudio(float[][] channels, int sampleRate, int bitsPerSample, Encoding encoding) {

    /** How samples were stored in the file. */
    public enum Encoding {
        /** Integer PCM (8-bit unsigned, wider signed). */
        PCM,
        /** IEEE 754 floating point. */
        FLOAT
    }

    public WavAudio {
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("at least one channel is required");
        }
        for (float[] channel : channels) {
            if (channel == null || channel.length != channels[0].length) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (encoding == null) {
            throw new IllegalArgumentException("encoding must not be null");
        }
    }

    /** Number of channels. */
    public int channelCount() {
        return channels.length;
    }

    /** Number of frames (samples per channel). */
    public int frames() {
        return channels[0].length;
    }

    /** Duration in seconds. */
    public double seconds() {
        return frames() / (double) sampleRate;
    }

    /**
     * Mixes all channels down to one by averaging them (not summing, so a full-scale stereo
     * file stays within [-1, 1]). Always returns a new array, never one of {@link #channels}.
     */
    public AudioClip toMono() {
        int n = frames();
        if (channels.length == 1) {
            return new AudioClip(channels[0].clone(), sampleRate);
        }
        // Sum in double: with many channels float accumulation would lose the low bits of 24-bit sources.
        float[] mono = new float[n];
        double scale = 1.0 / channels.length;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (float[] channel : channels) {
                sum += channel[i];
            }
            mono[i] = (float) (sum * scale);
        }
        return new AudioClip(mono, sampleRate);
    }
}
