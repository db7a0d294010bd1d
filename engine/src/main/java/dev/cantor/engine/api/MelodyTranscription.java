package dev.cantor.engine.api;

import java.util.Comparator;
import java.util.List;

/**
 * The notes heard in a melody recording, in order, ready to be written as MIDI.
 *
 * @param notes    the notes, one at a time (they never overlap), sorted by onset
 * @param seconds  the length of the recording
 * @param tempoBpm the tempo the notes were quantized to (sixteenth notes), or null when they
 *                 keep their exact times
 */
public record MelodyTranscription(List<TranscribedNote> notes, double seconds, Double tempoBpm) {

    public MelodyTranscription {
        notes = notes.stream().sorted(Comparator.comparingDouble(TranscribedNote::onsetSeconds)).toList();
        for (int i = 1; i < notes.size(); i++) {
            if (notes.get(i).onsetSeconds() < notes.get(i - 1).endSeconds() - 1e-9) {
                throw new IllegalArgumentException("a melody's notes must not overlap (note " + i + ")");
            }
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("recording length must be finite and >= 0, got " + seconds);
        }
        if (tempoBpm != null) {
            TranscriptionOptions.requireTempo(tempoBpm);
        }
    }

    /** Whether the notes sit on a sixteenth-note grid at {@link #tempoBpm}. */
    public boolean quantized() {
        return tempoBpm != null;
    }
}
