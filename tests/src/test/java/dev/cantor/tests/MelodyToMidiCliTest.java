package dev.cantor.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.eval.HumSynth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cantor melody-to-midi} end to end through the packaged jar: a hummed tune in (WAV, and
 * M4A through FFmpeg) and its notes out as a MIDI file; a file already there kept; silence, a bad
 * tempo and M4A without FFmpeg refused with one line and exit 2.
 */
class MelodyToMidiCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** C4 D4 E4 C4 G3 at 120 bpm (an eighth is 0.25 s), after a quarter second of silence. */
    private static final List<MelodyNote> TUNE = List.of(
            new MelodyNote(0.25, 0.5, 60), new MelodyNote(0.75, 0.25, 62), new MelodyNote(1.0, 0.25, 64),
            new MelodyNote(1.5, 0.5, 60), new MelodyNote(2.0, 0.75, 55));

    private static Path hum(Path dir) throws Exception {
        AudioClip clip = HumSynth.render(TUNE, 3.0, 32_000);
        Path wav = dir.resolve("hum.wav");
        WavWriter.write(wav, clip, SampleFormat.PCM_16);
        return wav;
    }

    @Test
    void aHummedTuneBecomesItsNotesAndAnExistingFileIsKept(@TempDir Path dir) throws Exception {
        Path wav = hum(dir);
        Path mid = dir.resolve("hum.mid");
        CliHarness.Result made = CliHarness.run(dir, "melody-to-midi", "--in", wav.toString(), "--out", mid.toString(),
                "--tempo", "120", "--json");
        assertEquals(0, made.exitCode(), made.stderr());
        JsonNode result = JSON.readTree(made.stdout());
        assertEquals(120.0, result.get("tempo_bpm").asDouble());
        List<Integer> pitches = new ArrayList<>();
        result.get("notes").forEach(n -> pitches.add(n.get("midi_pitch").asInt()));
        List<Integer> expected = TUNE.stream().map(MelodyNote::midiPitch).toList();
        assertEquals(expected, pitches);
        assertEquals(0.25, result.get("notes").get(0).get("onset_s").asDouble(), 1e-9, "on the grid");
        assertEquals(expected, notesOn(MidiSystem.getSequence(mid.toFile())), "the file holds the same notes");

        byte[] before = Files.readAllBytes(mid);
        CliHarness.Result again = CliHarness.run(dir, "melody-to-midi", "--in", wav.toString(), "--out",
                mid.toString());
        assertEquals(2, again.exitCode(), again.stderr());
        assertTrue(again.stderr().startsWith("cantor: ") && again.stderr().strip().lines().count() == 1,
                again.stderr());
        assertArrayEquals(before, Files.readAllBytes(mid), "kept as it was");

        CliHarness.Result forced = CliHarness.run(dir, "melody-to-midi", "--in", wav.toString(), "--out",
                mid.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertTrue(forced.stdout().contains("5 notes from G3 to E4"), forced.stdout());
    }

    @Test
    void silenceABadTempoAndM4aWithoutFfmpegAreRefused(@TempDir Path dir) throws Exception {
        Path silence = dir.resolve("silence.wav");
        WavWriter.write(silence, new AudioClip(new float[32_000], 32_000), SampleFormat.PCM_16);
        CliHarness.Result quiet = CliHarness.run(dir, "melody-to-midi", "--in", silence.toString(), "--out",
                dir.resolve("quiet.mid").toString());
        assertEquals(2, quiet.exitCode(), quiet.stderr());
        assertTrue(lastLine(quiet.stderr()).startsWith("cantor: no melody found in " + silence), quiet.stderr());
        assertFalse(Files.exists(dir.resolve("quiet.mid")));

        Path wav = hum(dir);
        CliHarness.Result tempo = CliHarness.run(dir, "melody-to-midi", "--in", wav.toString(), "--out",
                dir.resolve("fast.mid").toString(), "--tempo", "9000");
        assertEquals(2, tempo.exitCode(), tempo.stderr());
        assertTrue(tempo.stderr().contains("tempo must be 20 to 400 bpm"), tempo.stderr());

        Path m4a = dir.resolve("hum.m4a");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-nostdin", "-loglevel", "error", "-i", wav.toString(), "-c:a",
                "aac", m4a.toString()).redirectErrorStream(true).start();
        ffmpeg.getInputStream().readAllBytes();
        assertTrue(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0,
                "ffmpeg makes the M4A (scripts/setup.sh --tests installs it)");
        CliHarness.Result read = CliHarness.run(dir, "melody-to-midi", "--in", m4a.toString(), "--out",
                dir.resolve("from-m4a.mid").toString(), "--tempo", "120", "--json");
        assertEquals(0, read.exitCode(), read.stderr());
        assertEquals(TUNE.size(), JSON.readTree(read.stdout()).get("notes").size(), read.stdout());

        CliHarness.Result noFfmpeg = CliHarness.run(dir, Map.of("PATH", dir.resolve("empty").toString()),
                "melody-to-midi", "--in", m4a.toString(), "--out", dir.resolve("none.mid").toString());
        assertEquals(2, noFfmpeg.exitCode(), noFfmpeg.stderr());
        assertTrue(noFfmpeg.stderr().contains("install ffmpeg to read M4A"), noFfmpeg.stderr());
    }

    /** The error line comes after the progress lines on stderr. */
    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static List<Integer> notesOn(Sequence sequence) {
        List<Integer> pitches = new ArrayList<>();
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (e.getMessage() instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON
                        && s.getData2() > 0) {
                    pitches.add(s.getData1());
                }
            }
        }
        return pitches;
    }
}
