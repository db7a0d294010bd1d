package dev.cantor.engine.data;

/**
 * One note as it is sent to the synthesizer: MIDI channel (9 = drums), pitch, velocity, and
 * note-on / note-off times in microseconds from the start of the clip.
 */
public record NoteEvent(int channel, int pitch, int velocity, long onMicros, long offMicros) {

    public NoteEvent {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("MIDI channel must be 0..15, got " + channel);
        }
        if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("pitch/velocity out of MIDI range: " + pitch + "/" + velocity);
        }
        if (onMicros < 0 || offMicros <= onMicros) {
            throw new IllegalArgumentException("note must start at or after 0 and end after it starts");
        }
    }
}
