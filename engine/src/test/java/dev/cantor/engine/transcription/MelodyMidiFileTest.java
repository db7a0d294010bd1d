package dev.cantor.engine.transcription;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.TranscribedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MIDI file reads back (with the JDK's reader) as the notes and tempo written; a user's file is not replaced. */
class MelodyMidiFileTest {

    @TempDir
    Path dir;

    private final HumTranscriber transcriber = new HumTranscriber();

    private static final MelodyTranscription MELODY = new MelodyTranscription(List.of(
            new TranscribedNote(0.3, 0.9, 55, 100),
            new TranscribedNote(0.9, 1.2, 57, 80),
            new TranscribedNote(1.5, 1.65, 60, 64)), 2.0, 100.0);

    @Test
    void theFileReadsBackAsTheNotesAndTempoWritten() throws Exception {
        Path out = dir.resolve("hum.mid");
        transcriber.writeMidi(MELODY, out, false);
        MidiFileFormat format = MidiSystem.getMidiFileFormat(out.toFile());
        assertEquals(1, format.getType(), "format 1");
        Sequence read = MidiSystem.getSequence(out.toFile());
        assertEquals(Sequence.PPQ, read.getDivisionType());
        assertEquals(MelodyMidiFile.PPQ, read.getResolution());
        assertEquals(2, read.getTracks().length, "a tempo track and the melody");
        assertEquals(600_000, tempoMicros(read.getTracks()[0]), "100 bpm is 0.6 s per quarter note");
        // at 100 bpm and 480 ticks a quarter, a second is 800 ticks
        assertEquals(List.of(
                List.of(240L, 55L, 100L), List.of(720L, 55L, 0L),
                List.of(720L, 57L, 80L), List.of(960L, 57L, 0L),
                List.of(1200L, 60L, 64L), List.of(1320L, 60L, 0L)), noteEvents(read.getTracks()[1]));
    }

    @Test
    void anUnquantizedMelodyIsWrittenAt120Bpm() throws Exception {
        MelodyTranscription loose = new MelodyTranscription(List.of(new TranscribedNote(0.123, 0.456, 64, 90)), 1, null);
        Path out = dir.resolve("loose.mid");
        transcriber.writeMidi(loose, out, false);
        Sequence read = MidiSystem.getSequence(out.toFile());
        assertEquals(500_000, tempoMicros(read.getTracks()[0]));
        assertEquals(List.of(List.of(118L, 64L, 90L), List.of(438L, 64L, 0L)), noteEvents(read.getTracks()[1]),
                "0.123 s and 0.456 s at 960 ticks a second");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAllowed() throws IOException {
        Path out = dir.resolve("mine.mid");
        Files.writeString(out, "my own notes");
        assertThrows(FileAlreadyExistsException.class, () -> transcriber.writeMidi(MELODY, out, false));
        assertEquals("my own notes", Files.readString(out));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(out), listing.toList(), "no temporary file left behind");
        }
        transcriber.writeMidi(MELODY, out, true);
        assertArrayEquals("MThd".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(Files.readAllBytes(out), 4));
    }

    @Test
    void theGridKeepsOneNoteAtATime() {
        GridQuantizer grid = new GridQuantizer(100);          // 0.15 s steps
        List<TranscribedNote> snapped = grid.quantize(List.of(
                new TranscribedNote(0.02, 0.10, 60, 90),            // shorter than a step: kept one step long
                new TranscribedNote(0.14, 0.31, 62, 90),            // lands on the step the first ended on
                new TranscribedNote(0.33, 0.36, 64, 90),            // same step as the next: gives way
                new TranscribedNote(0.37, 0.58, 65, 90)));
        assertEquals(List.of(
                new TranscribedNote(0.0, 0.15, 60, 90),
                new TranscribedNote(0.15, 0.3, 62, 90),
                new TranscribedNote(0.3, 0.6, 65, 90)), snapped.stream().map(MelodyMidiFileTest::rounded).toList());
    }

    private static TranscribedNote rounded(TranscribedNote n) {
        return new TranscribedNote(Math.round(n.onsetSeconds() * 1e6) / 1e6, Math.round(n.endSeconds() * 1e6) / 1e6,
                n.midiPitch(), n.velocity());
    }

    private static int tempoMicros(Track track) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == 0x51) {
                byte[] d = m.getData();
                return (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | d[2] & 0xFF;
            }
        }
        throw new AssertionError("no tempo event");
    }

    /** [tick, pitch, velocity] of each note on (velocity 0 for note offs), in order. */
    private static List<List<Long>> noteEvents(Track track) throws InvalidMidiDataException {
        List<List<Long>> events = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent e = track.get(i);
            if (e.getMessage() instanceof ShortMessage s && (s.getCommand() == ShortMessage.NOTE_ON
                    || s.getCommand() == ShortMessage.NOTE_OFF)) {
                long velocity = s.getCommand() == ShortMessage.NOTE_OFF ? 0 : s.getData2();
                events.add(List.of(e.getTick(), (long) s.getData1(), velocity));
            }
        }
        return events;
    }
}
