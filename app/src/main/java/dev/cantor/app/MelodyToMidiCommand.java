package dev.cantor.app;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.MelodyTranscriber;
import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.TranscribedNote;
import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.audio.AudioFiles;
import dev.cantor.engine.transcription.HumTranscriber;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cantor melody-to-midi}: the notes of a hummed melody as a standard MIDI file. */
@Command(name = "melody-to-midi", mixinStandardHelpOptions = true,
        description = {"Write the notes of a hummed, sung, whistled or played melody (one line at a time) as a "
                + "standard MIDI file for a DAW or a notation program.",
            "Without --tempo the notes keep the times they were sung at (the file says 120 bpm); with it they are "
                + "quantized to sixteenth notes at that tempo."})
final class MelodyToMidiCommand implements Callable<Integer> {

    /** Longest recording read: ten minutes of humming. */
    static final double MAX_SECONDS = 600;
    /** The rate recordings are analysed at: the studio's hum recorder's (YIN's window is then 2048 samples). */
    static final int ANALYSIS_RATE = 32_000;

    @Option(names = "--in", required = true, paramLabel = "HUM",
            description = "The melody recording (" + AudioFiles.FORMAT_NAMES + "; at most 10 minutes).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "HUM.mid", description = "The MIDI file to write.")
    Path out;

    @Option(names = "--tempo", paramLabel = "BPM",
            description = "Quantize to sixteenth notes at this tempo (20 to 400 bpm) and write it into the file.")
    Double tempo;

    @Option(names = "--min-note", defaultValue = "0.1", paramLabel = "SECONDS",
            description = "Drop notes shorter than this (default: ${DEFAULT-VALUE} s, a sixteenth at 150 bpm).")
    double minNote;

    @Mixin
    ForceOption force = new ForceOption();

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws Exception {
        TranscriptionOptions options = new TranscriptionOptions(tempo, minNote);
        InputAudio.requireFile(in, "melody");
        OutputFiles.checkWritable(out, force.given());
        AudioClip recording = InputAudio.readAtMost(in, "melody", ANALYSIS_RATE, MAX_SECONDS);
        MelodyTranscriber transcriber = new HumTranscriber();
        ConsoleProgress progress = new ConsoleProgress();
        CancellationToken cancel = new CancellationToken();
        MelodyTranscription melody;
        try (ShutdownGuard guard = new ShutdownGuard(cancel)) {
            melody = transcriber.transcribe(recording, options, progress, cancel);
        } catch (RequestException e) {
            throw new UserInputException(e.getMessage().replaceFirst("^no melody found", "no melody found in " + in));
        } finally {
            progress.finishLine();
        }
        transcriber.writeMidi(melody, out, force.given());
        if (json.requested()) {
            JsonOutput.print(System.out, summary(melody));
        } else {
            System.out.println("wrote " + out + ": " + describe(melody));
        }
        return 0;
    }

    /** "12 notes from G3 to C5 over 6.4 s, quantized to sixteenths at 100 bpm". */
    static String describe(MelodyTranscription melody) {
        List<TranscribedNote> notes = melody.notes();
        int low = notes.stream().mapToInt(TranscribedNote::midiPitch).min().orElse(0);
        int high = notes.stream().mapToInt(TranscribedNote::midiPitch).max().orElse(0);
        String range = low == high ? "all " + TranscribedNote.nameOf(low)
                : "from " + TranscribedNote.nameOf(low) + " to " + TranscribedNote.nameOf(high);
        return String.format(Locale.ROOT, "%d %s %s over %.1f s%s", notes.size(), notes.size() == 1 ? "note" : "notes",
                range, melody.seconds(), melody.quantized()
                        ? String.format(Locale.ROOT, ", quantized to sixteenths at %s bpm", bpm(melody.tempoBpm()))
                        : ", at the times sung (written at 120 bpm)");
    }

    private Map<String, Object> summary(MelodyTranscription melody) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("out", out.toString());
        m.put("seconds", melody.seconds());
        m.put("tempo_bpm", melody.tempoBpm());
        m.put("quantized", melody.quantized());
        List<Map<String, Object>> notes = new ArrayList<>();
        for (TranscribedNote n : melody.notes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("onset_s", round(n.onsetSeconds()));
            one.put("end_s", round(n.endSeconds()));
            one.put("midi_pitch", n.midiPitch());
            one.put("name", n.name());
            one.put("velocity", n.velocity());
            notes.add(one);
        }
        m.put("notes", notes);
        return m;
    }

    private static String bpm(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
