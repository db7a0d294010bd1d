package dev.cantor.engine.conditioning;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.MelodyChroma;
import dev.cantor.engine.dsp.PitchTracker;
import java.util.Locale;

/**
 * Turns a user's melody recording (a hum, a whistle, a played line) into the LM's melody
 * condition: one {@link MelodyChroma} symbol per codec frame, pitch class or rest.
 */
public final class MelodyCondition {

    /** Fewer voiced frames than this share of the clip means there is no melody to follow. */
    static final double MIN_VOICED_SHARE = 0.05;
    /** ... and fewer than this many (a fifth of a second at 50 Hz) is too little to use. */
    static final int MIN_VOICED_FRAMES = 10;

    private MelodyCondition() {
    }

    /**
     * Tracks the pitch of {@code clip} at its own sample rate and returns the pitch class per
     * frame ({@link MelodyChroma#REST} where the melody is silent).
     *
     * @param frameRate frames per second (50 for the codec)
     * @throws MelodyException if the clip is empty, or too little of it is pitched (silence,
     *                         noise, drums, speech-like mumbling)
     */
    public static int[] fromAudio(AudioClip clip, double frameRate) throws MelodyException {
        if (clip.length() == 0) {
            throw new MelodyException("no melody found: the recording is empty");
        }
        float[] f0 = new PitchTracker().track(clip.samples(), clip.sampleRate(), frameRate);
        int[] classes = MelodyChroma.fromPitchTrack(f0);
        int voiced = MelodyChroma.voicedFrames(classes);
        if (classes.length < MIN_VOICED_FRAMES) {
            throw new MelodyException(String.format(Locale.ROOT,
                    "no melody found: the recording is too short (%.2f s; a melody needs at least %.1f s)",
                    clip.seconds(), MIN_VOICED_FRAMES / frameRate));
        }
        if (voiced < MIN_VOICED_FRAMES || voiced < MIN_VOICED_SHARE * classes.length) {
            String detail = voiced == 0
                    ? "the recording has no voiced (pitched) frames"
                    : voiced < MIN_VOICED_FRAMES
                    ? String.format(Locale.ROOT, "only %d of %d frames (%.2f s) have a clear pitch, at least %d "
                            + "(%.1f s) are needed", voiced, classes.length, voiced / frameRate, MIN_VOICED_FRAMES,
                            MIN_VOICED_FRAMES / frameRate)
                    : String.format(Locale.ROOT, "only %d of %d frames (%.0f%%) have a clear pitch, at least %.0f%% "
                            + "should", voiced, classes.length, 100.0 * voiced / classes.length, 100 * MIN_VOICED_SHARE);
            throw new MelodyException("no melody found: " + detail
                    + "; hum, sing or play a single line, clearly and close to the microphone");
        }
        return classes;
    }
}
