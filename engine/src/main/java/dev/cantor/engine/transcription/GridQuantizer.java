package dev.cantor.engine.transcription;

import dev.cantor.engine.api.TranscribedNote;
import java.util.ArrayList;
import java.util.List;

/**
 * Snaps notes to a grid of sixteenth notes at a tempo, as a DAW's "quantize" does: each onset
 * and end moves to the nearest grid line, a note keeps at least one step, and where two notes
 * land on the same step the earlier one gives way (its end is cut to the later onset, and it
 * is dropped if nothing is left of it), so the melody stays one note at a time.
 */
final class GridQuantizer {

    /** Grid lines per beat: sixteenth notes in 4/4. */
    static final int STEPS_PER_BEAT = 4;

    private final double step;

    /** @param tempoBpm beats (quarter notes) per minute */
    GridQuantizer(double tempoBpm) {
        this.step = 60.0 / tempoBpm / STEPS_PER_BEAT;
    }

    /** The grid's step in seconds. */
    double stepSeconds() {
        return step;
    }

    /** {@code notes} (sorted, not overlapping) on the grid. */
    List<TranscribedNote> quantize(List<TranscribedNote> notes) {
        List<TranscribedNote> out = new ArrayList<>(notes.size());
        for (TranscribedNote n : notes) {
            long onset = Math.round(n.onsetSeconds() / step);
            long end = Math.max(onset + 1, Math.round(n.endSeconds() / step));
            if (!out.isEmpty()) {
                TranscribedNote previous = out.get(out.size() - 1);
                long previousOnset = Math.round(previous.onsetSeconds() / step);
                if (previousOnset >= onset) {
                    out.remove(out.size() - 1);         // both on one step: the later note is kept
                } else if (Math.round(previous.endSeconds() / step) > onset) {
                    out.set(out.size() - 1, new TranscribedNote(previous.onsetSeconds(), onset * step,
                            previous.midiPitch(), previous.velocity()));
                }
            }
            out.add(new TranscribedNote(onset * step, end * step, n.midiPitch(), n.velocity()));
        }
        return out;
    }
}
