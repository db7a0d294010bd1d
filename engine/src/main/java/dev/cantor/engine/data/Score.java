package dev.cantor.engine.data;

import dev.cantor.engine.music.MelodyNote;
import java.util.List;

/**
 * A composed clip ready to render: its parts (instrument per MIDI channel), every note sorted by
 * onset, the lead melody as labels, and the exact length. Times are microseconds; no note starts
 * at or after {@code lengthMicros} and none ends after it. {@code lowPassHz} (0: none) is the
 * corner of a low-pass the renderer puts on the whole clip, the muffled "lo-fi recording".
 */
public record Score(List<Part> parts, List<NoteEvent> notes, List<MelodyNote> melody, long lengthMicros,
        int lowPassHz) {

    /** A score rendered as the synthesizer plays it, with no filter. */
    public Score(List<Part> parts, List<NoteEvent> notes, List<MelodyNote> melody, long lengthMicros) {
        this(parts, notes, melody, lengthMicros, 0);
    }

    public Score {
        if (lowPassHz < 0) {
            throw new IllegalArgumentException("low-pass corner must be >= 0 Hz");
        }
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
