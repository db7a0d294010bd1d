package dev.cantor.engine.api;

import java.util.Locale;

/**
 * How a melody recording is turned into notes.
 *
 * @param tempoBpm       quantize onsets and ends to sixteenth notes at this tempo, and write it
 *                       into the MIDI file; null keeps the times as sung (the file then says 120 bpm)
 * @param minNoteSeconds shorter notes are dropped (the slide between two notes, a click)
 */
public record TranscriptionOptions(Double tempoBpm, double minNoteSeconds) {

    /** Slowest and fastest tempo taken: beyond them the sixteenth-note grid stops making sense. */
    public static final double MIN_TEMPO = 20;
    public static final double MAX_TEMPO = 400;
    /** A sixteenth note at 150 bpm: shorter is rarely a sung note. */
    public static final double DEFAULT_MIN_NOTE_SECONDS = 0.1;
    public static final double MAX_MIN_NOTE_SECONDS = 2;

    /**
     * @throws RequestException when the tempo or the minimum note length is out of range (the message says which)
     */
    public TranscriptionOptions {
        if (tempoBpm != null) {
            requireTempo(tempoBpm);
        }
        if (!(minNoteSeconds >= 0 && minNoteSeconds <= MAX_MIN_NOTE_SECONDS)) {
            throw new RequestException(String.format(Locale.ROOT, "the shortest note must be 0 to %.0f s, got %s",
                    MAX_MIN_NOTE_SECONDS, minNoteSeconds));
        }
    }

    /** Exact times, the default shortest note. */
    public static TranscriptionOptions unquantized() {
        return new TranscriptionOptions(null, DEFAULT_MIN_NOTE_SECONDS);
    }

    /** Quantized to sixteenths at {@code tempoBpm}, the default shortest note. */
    public static TranscriptionOptions atTempo(double tempoBpm) {
        return new TranscriptionOptions(tempoBpm, DEFAULT_MIN_NOTE_SECONDS);
    }

    static void requireTempo(double bpm) {
        if (!(bpm >= MIN_TEMPO && bpm <= MAX_TEMPO)) {
            throw new RequestException(String.format(Locale.ROOT, "the tempo must be %.0f to %.0f bpm, got %s",
                    MIN_TEMPO, MAX_TEMPO, bpm));
        }
    }
}
