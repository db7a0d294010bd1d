package dev.cantor.engine.music;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One note of the lead melody exactly as rendered: onset and sounding duration in seconds
 * from the start of the clip, and MIDI pitch (60 = middle C).
 */
public record MelodyNote(
        @JsonProperty("onset_s") double onsetSeconds,
        @JsonProperty("duration_s") double durationSeconds,
        @JsonProperty("midi_pitch") int midiPitch) {

    public MelodyNote {
        if (onsetSeconds < 0 || durationSeconds <= 0 || midiPitch < 0 || midiPitch > 127) {
            throw new IllegalArgumentException("bad melody note " + onsetSeconds + "s +" + durationSeconds
                    + "s pitch " + midiPitch);
        }
    }

    /** Offset (end) time in seconds. */
    public double endSeconds() {
        return onsetSeconds + durationSeconds;
    }
}
