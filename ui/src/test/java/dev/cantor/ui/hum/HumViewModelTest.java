package dev.cantor.ui.hum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.PcmInput;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import dev.cantor.ui.prompt.LiveTake;
import dev.cantor.ui.prompt.PromptViewModel;
import dev.cantor.ui.shared.CountingOutput;
import dev.cantor.ui.shared.EngineWorker;
import dev.cantor.ui.shared.FakeEngine;
import dev.cantor.ui.shared.LocalServices;
import dev.cantor.ui.shared.StudioSettings;
import dev.cantor.ui.takes.TakesViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HumViewModelTest {

    static final int RATE = 32000;

    /** A "hummed" line: A3 (220 Hz) then E4 (329.6 Hz), 1 s each. */
    static float[] twoNotes() {
        float[] x = new float[2 * RATE];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double hz = i < RATE ? 220 : 329.63;
            phase += 2 * Math.PI * hz / RATE;
            x[i] = (float) (0.4 * Math.sin(phase) + 0.1 * Math.sin(2 * phase));
        }
        return x;
    }

    static HumDevices none() {
        return new HumDevices() {
            @Override
            public List<String> names() {
                return List.of();
            }

            @Override
            public PcmInput open(String name) {
                throw new AssertionError("no device to open");
            }
        };
    }

    @Test
    void withoutAMicrophoneImportStillWorksAndTheContourFollowsThePitch(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("hum.wav");
        WavWriter.write(wav, new AudioClip(twoNotes(), RATE), SampleFormat.PCM_16);
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            HumViewModel vm = new HumViewModel(none(), worker, RATE, null, LocalServices.create().analysis(),
                    LocalServices.create().melodies());
            assertTrue(vm.message().get().contains("No microphone"), vm.message().get());
            assertTrue(vm.message().get().contains("import"), "it says what still works");
            vm.importFile(wav);
            assertTrue(worker.awaitIdle(20));
            assertNotNull(vm.hum().get());
            assertEquals(2.0, vm.trimEnd().get(), 1e-6);
            float[] contour = vm.contour().get();
            assertEquals(100, contour.length, 2);
            int near = 0;
            for (int f = 10; f < 40; f++) {
                near += Math.abs(contour[f] - 220) < 5 ? 1 : 0;
            }
            for (int f = 60; f < 90; f++) {
                near += Math.abs(contour[f] - 329.63) < 7 ? 1 : 0;
            }
            assertTrue(near >= 54, "frames on the right pitch: " + near + " of 60");
        }
    }

    @Test
    void trimmingAndHandingTheMelodyToTheGenerator(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("hum.wav");
        WavWriter.write(wav, new AudioClip(twoNotes(), RATE), SampleFormat.PCM_16);
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            HumViewModel vm = new HumViewModel(none(), worker, RATE, null, LocalServices.create().analysis(),
                    LocalServices.create().melodies());
            PromptViewModel generator = new PromptViewModel(worker, m -> new FakeEngine(),
                    new SimpleObjectProperty<>(), StudioSettings.defaults(), () -> { },
                    LocalServices.create().analysis(), new TakesViewModel(),
                    new LiveTake(CountingOutput::new, Runnable::run,
                            LocalServices.create().analysis()));
            assertFalse(vm.useAsMelody(generator), "nothing to hand over yet");
            vm.importFile(wav);
            assertTrue(worker.awaitIdle(20));
            vm.trimStart().set(0.5);
            vm.trimEnd().set(1.5);
            assertTrue(vm.useAsMelody(generator));
            assertEquals(RATE, generator.melody().get().length());
            assertEquals(twoNotes()[RATE / 2 + 5], generator.melody().get().samples()[5], 1e-4);
            vm.trimEnd().set(0.52);
            assertNull(vm.trimmed(), "a sliver is not a melody");
        }
    }

    /** A view model holding the two-note hum, imported from a WAV in {@code dir}. */
    private static HumViewModel withTwoNotes(Path dir, EngineWorker worker) throws Exception {
        Path wav = dir.resolve("hum.wav");
        WavWriter.write(wav, new AudioClip(twoNotes(), RATE), SampleFormat.PCM_16);
        HumViewModel vm = new HumViewModel(none(), worker, RATE, null, LocalServices.create().analysis(),
                LocalServices.create().melodies());
        vm.importFile(wav);
        assertTrue(worker.awaitIdle(20));
        return vm;
    }

    /** The note-on events of a MIDI file, in order. */
    private static java.util.List<javax.sound.midi.MidiEvent> noteOns(Path mid) throws Exception {
        java.util.List<javax.sound.midi.MidiEvent> on = new java.util.ArrayList<>();
        for (javax.sound.midi.Track track : javax.sound.midi.MidiSystem.getSequence(mid.toFile()).getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof javax.sound.midi.ShortMessage m
                        && m.getCommand() == javax.sound.midi.ShortMessage.NOTE_ON && m.getData2() > 0) {
                    on.add(track.get(i));
                }
            }
        }
        return on;
    }

    @Test
    void exportMidiWritesTheHummedNotesAndSilenceIsAOneLineMessage(@TempDir Path dir) throws Exception {
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            HumViewModel vm = withTwoNotes(dir, worker);
            Path mid = dir.resolve("hum.mid");
            vm.exportMidi(mid, false);
            assertTrue(worker.awaitIdle(20));
            assertEquals(mid, vm.midiFile().get(), vm.message().get());
            java.util.List<Integer> notes = noteOns(mid).stream()
                    .map(e -> ((javax.sound.midi.ShortMessage) e.getMessage()).getData1()).toList();
            assertEquals(java.util.List.of(57, 64), notes, "A3 then E4, as hummed");
            assertTrue(vm.message().get().startsWith("Wrote 2 notes"), vm.message().get());

            // an existing file is not replaced unless the view asked
            vm.exportMidi(mid, false);
            assertTrue(worker.awaitIdle(20));
            assertTrue(vm.message().get().startsWith("No MIDI written"), vm.message().get());

            // silence: one line, no file
            Path quiet = dir.resolve("quiet.wav");
            WavWriter.write(quiet, new AudioClip(new float[RATE], RATE), SampleFormat.PCM_16);
            vm.importFile(quiet);
            assertTrue(worker.awaitIdle(20));
            Path none = dir.resolve("none.mid");
            vm.exportMidi(none, false);
            assertTrue(worker.awaitIdle(20));
            assertFalse(java.nio.file.Files.exists(none));
            assertNull(vm.midiFile().get());
            assertTrue(vm.message().get().startsWith("No MIDI written: ") && !vm.message().get().contains("\n"),
                    vm.message().get());
        }
    }

    @Test
    void snappedMidiSitsOnSixteenthsAtTheChosenTempoAndSaysSo(@TempDir Path dir) throws Exception {
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            HumViewModel vm = withTwoNotes(dir, worker);
            Path sung = dir.resolve("sung.mid");
            vm.exportMidi(sung, false);
            assertTrue(worker.awaitIdle(20));
            assertEquals(500_000, microsecondsPerQuarter(sung), "as sung: the file says 120 bpm");

            vm.snapToGrid().set(true);
            vm.gridTempo().set(100);
            Path snapped = dir.resolve("snapped.mid");
            vm.exportMidi(snapped, false);
            assertTrue(worker.awaitIdle(20));
            assertEquals(snapped, vm.midiFile().get(), vm.message().get());
            assertTrue(vm.message().get().contains("on sixteenths at 100 bpm"), vm.message().get());
            assertEquals(600_000, microsecondsPerQuarter(snapped), "100 bpm written into the file");
            int sixteenth = javax.sound.midi.MidiSystem.getSequence(snapped.toFile()).getResolution() / 4;
            java.util.List<javax.sound.midi.MidiEvent> onsets = noteOns(snapped);
            assertEquals(2, onsets.size());
            for (javax.sound.midi.MidiEvent e : onsets) {
                assertEquals(0, e.getTick() % sixteenth, "onset on the grid: " + e.getTick());
            }

            vm.gridTempo().set(5);
            Path slow = dir.resolve("slow.mid");
            vm.exportMidi(slow, false);
            assertTrue(worker.awaitIdle(20));
            assertFalse(java.nio.file.Files.exists(slow));
            assertTrue(vm.message().get().startsWith("No MIDI written: the tempo must be 20 to 400 bpm"),
                    vm.message().get());
        }
    }

    /** The file's first tempo (meta event 0x51), in microseconds per quarter note. */
    private static int microsecondsPerQuarter(Path mid) throws Exception {
        for (javax.sound.midi.Track track : javax.sound.midi.MidiSystem.getSequence(mid.toFile()).getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof javax.sound.midi.MetaMessage m && m.getType() == 0x51) {
                    byte[] d = m.getData();
                    return (d[0] & 0xff) << 16 | (d[1] & 0xff) << 8 | d[2] & 0xff;
                }
            }
        }
        throw new AssertionError("no tempo in " + mid);
    }

    @Test
    void aBrokenFileIsAMessage(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("hum.wav");
        java.nio.file.Files.writeString(junk, "not audio at all");
        try (EngineWorker worker = new EngineWorker(Runnable::run)) {
            HumViewModel vm = new HumViewModel(none(), worker, RATE, null, LocalServices.create().analysis(),
                    LocalServices.create().melodies());
            vm.importFile(junk);
            assertTrue(worker.awaitIdle(20));
            assertNull(vm.hum().get());
            assertTrue(vm.message().get().startsWith("Cannot import"), vm.message().get());
        }
    }
}
