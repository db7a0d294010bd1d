package dev.cantor.engine.api;

/**
 * What the studio's views measure in audio: the waveform of a take and the pitch of a hummed
 * melody. Both take time on long clips: call them off the UI thread.
 */
public interface AudioAnalysis {

    /** The waveform of {@code mono}, for drawing at any zoom. */
    Waveform waveform(float[] mono);

    /**
     * The pitch of a monophonic line (a hum, a whistle) from 50 Hz to 2 kHz.
     *
     * @param sampleRate samples per second of {@code mono}
     * @param frameRate  frames per second of the result
     * @return f0 in Hz per frame, 0 where the frame is unvoiced
     */
    float[] pitch(float[] mono, int sampleRate, double frameRate);
}
