package dev.cantor.engine.api;

import java.util.Locale;

/**
 * One note of a transcribed melody.
 *
 * @param onsetSeconds where it starts, from the start of the recording
 * @param endSeconds   where it ends (after the onset)
 * @param midiPitch    MIDI note number, 0 to 127 (60 = middle C, C4)
 * @param velocity     how loud it was sung, 1 to 127 (MIDI's scale)
 */
public record TranscribedNote(double onsetSeconds, double endSeconds, int midiPitch, int velocity) {

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    public TranscribedNote {
        if (!(onsetSeconds >= 0) || !(endSeconds > onsetSeconds) || Double.isInfinite(endSeconds)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a note needs 0 <= onset < end, got %.3f to %.3f s",
                    onsetSeconds, endSeconds));
        }
        if (midiPitch < 0 || midiPitch > 127 || velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("MIDI pitch 0-127 and velocity 1-127, got " + midiPitch + " and "
                    + velocity);
        }
    }

    /** Its length in seconds. */
    public double seconds() {
        return endSeconds - onsetSeconds;
    }

    /** Its name in scientific pitch notation, e.g. "C4" for 60, "F#3" for 54. */
    public String name() {
        return nameOf(midiPitch);
    }

    /** The name of MIDI pitch {@code midi} in scientific pitch notation (60 = "C4"). */
    public static String nameOf(int midi) {
        return NAMES[Math.floorMod(midi, 12)] + (Math.floorDiv(midi, 12) - 1);
    }
}
