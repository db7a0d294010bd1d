package dev.cantor.engine.transcription;

import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.TranscribedNote;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A transcribed melody as a standard MIDI file, written with the JDK's own MIDI file writer
 * (javax.sound.midi). Format 1, as DAWs expect: track 1 holds the tempo and a 4/4 time
 * signature, track 2 the melody on channel 1 with a piano sound. At 480 ticks per quarter note
 * a tick is about a millisecond at 120 bpm, fine enough for notes left at their sung times.
 */
final class MelodyMidiFile {

    /** Ticks per quarter note. */
    static final int PPQ = 480;
    /** The tempo written when the melody was not quantized to one (MIDI's own default). */
    static final double UNQUANTIZED_TEMPO = 120;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int MIDI_FILE_TYPE = 1;

    private MelodyMidiFile() {
    }

    /** The melody as a MIDI sequence. */
    static Sequence sequence(MelodyTranscription melody) {
        double bpm = melody.quantized() ? melody.tempoBpm() : UNQUANTIZED_TEMPO;
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, PPQ);
            Track tempo = sequence.createTrack();
            tempo.add(meta(META_TRACK_NAME, text("Cantor: hummed melody"), 0));
            int microsPerQuarter = (int) Math.round(60_000_000 / bpm);
            tempo.add(meta(META_TEMPO, new byte[] {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8),
                    (byte) microsPerQuarter}, 0));
            // 4/4: numerator, log2 of the denominator, MIDI clocks per click, 32nd notes per quarter
            tempo.add(meta(META_TIME_SIGNATURE, new byte[] {4, 2, 24, 8}, 0));
            Track notes = sequence.createTrack();
            notes.add(meta(META_TRACK_NAME, text("Melody"), 0));
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
            for (TranscribedNote n : melody.notes()) {
                long on = tick(n.onsetSeconds(), bpm);
                long off = Math.max(on + 1, tick(n.endSeconds(), bpm));
                // the off is added before the next note's on: at one tick, Track keeps the order added
                notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, n.midiPitch(), n.velocity()), on));
                notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, n.midiPitch(), 0), off));
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a note the MIDI format cannot hold: " + e.getMessage(), e);
        }
    }

    /** Writes the melody to {@code out} atomically, replacing only what {@code replacing} allows. */
    static void write(MelodyTranscription melody, Path out, AtomicFiles.Replacing replacing) throws IOException {
        Sequence sequence = sequence(melody);
        AtomicFiles.write(out, replacing, stream -> MidiSystem.write(sequence, MIDI_FILE_TYPE, stream));
    }

    /** The tick of {@code seconds} at {@code bpm}. */
    static long tick(double seconds, double bpm) {
        return Math.round(seconds * bpm / 60 * PPQ);
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
