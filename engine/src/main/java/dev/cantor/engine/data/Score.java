package dev.cantor.engine.data;

import java.util.List;

/**
 * A composed clip ready to render: its parts (instrument per MIDI channel), every note sorted by
 * onset, the lead melody as labels, and the exact length. Times are microseconds; no note starts
 * at or after {@code lengthMicros} and none ends after it.
 */
public record Score(List<Part> parts, List<NoteEvent> notes, List<MelodyNote> melody, long lengthMicros) {

    public Score {
        parts = List.copyOf(parts);
        notes = List.copyOf(notes);
        melody = List.copyOf(melody);
        for (NoteEvent n : notes) {
            if (n.offMicros() > lengthMicros) {
                throw new IllegalArgumentException("note ends after the clip: " + n);
            }
        }
    }

    /** Length in seconds. */
    public double seconds() {
        return lengthMicros / 1e6;
    }
}
