package dev.cantor.engine.dsp;

import java.util.Arrays;

/**
 * The codec's frame grid laid over audio: frame {@code t} covers {@code [t/rate, (t+1)/rate)}
 * seconds, and analysis windows are centred on the middle of each frame, so a per-frame
 * feature lines up with the token the LM emits for that frame.
 */
final class FrameGrid {

    private final int sampleRate;
    private final double frameRate;
    private final int frames;

    /**
     * @param samples    clip length in samples
     * @param sampleRate samples per second
     * @param frameRate  frames per second (50 for the codec: hop 640 at 32 kHz)
     */
    FrameGrid(int samples, int sampleRate, double frameRate) {
        if (sampleRate <= 0 || !(frameRate > 0) || frameRate > sampleRate) {
            throw new IllegalArgumentException("need 0 < frameRate <= sampleRate, got frame rate "
                    + frameRate + " at " + sampleRate + " Hz");
        }
        this.sampleRate = sampleRate;
        this.frameRate = frameRate;
        // as many frames as the codec makes: the audio is padded up to a whole frame
        double exact = samples * frameRate / sampleRate;
        this.frames = (int) Math.ceil(exact - 1e-9);
    }

    int frames() {
        return frames;
    }

    /** Sample index at the centre of frame {@code t}. */
    int centre(int t) {
        return (int) Math.round((t + 0.5) * sampleRate / frameRate);
    }

    /**
     * Copies the window of {@code window.length} samples centred on frame {@code t} into
     * {@code window}, with zeros where it reaches past either end of the clip.
     */
    void copyWindow(float[] samples, int t, float[] window) {
        int start = centre(t) - window.length / 2;
        int from = Math.max(0, start);
        int to = Math.min(samples.length, start + window.length);
        Arrays.fill(window, 0f);
        if (to > from) {
            System.arraycopy(samples, from, window, from - start, to - from);
        }
    }

    /** A power-of-two window length close to {@code seconds} at this sample rate (at least 256). */
    int powerOfTwoWindow(double seconds) {
        int target = (int) Math.round(seconds * sampleRate);
        int below = Integer.highestOneBit(Math.max(256, target));
        return target - below > below * 2 - target ? below * 2 : below;
    }

    /** Root-mean-square level of a window. */
    static double rms(float[] window) {
        double sum = 0;
        for (float x : window) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum / window.length);
    }
}
