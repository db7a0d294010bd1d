package dev.cantor.engine.transcription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.CancelledException;
import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.TranscribedNote;
import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.music.MelodyNote;
import dev.cantor.engine.eval.HumSynth;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A hummed tune made from known notes (HumSynth: partials, vibrato, soft attacks) comes back as
 * those notes: the pitches exactly, the onsets and ends within a few hundredths of a second, on
 * the sixteenth-note grid when a tempo is given.
 */
class HumTranscriberTest {

    private static final int RATE = 32_000;
    /** At 100 bpm a sixteenth is 0.15 s; every time below sits on that grid. */
    private static final double BPM = 100;
    /** G3 A3 B3 C4, C4 again (legato: only the attack tells), B3, a rest, A3 G3. */
    static final List<MelodyNote> TUNE = List.of(
            new MelodyNote(0.30, 0.60, 55),
            new MelodyNote(0.90, 0.30, 57),
            new MelodyNote(1.20, 0.30, 59),
            new MelodyNote(1.50, 0.60, 60),
            new MelodyNote(2.10, 0.30, 60),
            new MelodyNote(2.40, 0.30, 59),
            new MelodyNote(3.00, 0.45, 57),
            new MelodyNote(3.45, 0.90, 55));
    private static final double SECONDS = 4.8;

    private final HumTranscriber transcriber = new HumTranscriber();

    static AudioClip hum() {
        return HumSynth.render(TUNE, SECONDS, RATE);
    }

    @Test
    void theNotesOfAHummedTuneComeBack() {
        MelodyTranscription melody = transcriber.transcribe(hum(), TranscriptionOptions.unquantized(),
                ProgressListener.NONE, CancellationToken.NEVER);
        assertEquals(TUNE.stream().map(MelodyNote::midiPitch).toList(),
                melody.notes().stream().map(TranscribedNote::midiPitch).toList(), melody.notes().toString());
        for (int i = 0; i < TUNE.size(); i++) {
            MelodyNote want = TUNE.get(i);
            TranscribedNote got = melody.notes().get(i);
            assertEquals(want.onsetSeconds(), got.onsetSeconds(), 0.04, "onset of note " + i + ": " + got);
            assertEquals(want.endSeconds(), got.endSeconds(), 0.08, "end of note " + i + ": " + got);
        }
        assertEquals(SECONDS, melody.seconds(), 1e-9);
        assertTrue(!melody.quantized());
    }

    @Test
    void withATempoTheNotesSitOnTheSixteenthGrid() {
        MelodyTranscription melody = transcriber.transcribe(hum(), TranscriptionOptions.atTempo(BPM),
                ProgressListener.NONE, CancellationToken.NEVER);
        assertEquals(BPM, melody.tempoBpm());
        assertEquals(TUNE.size(), melody.notes().size(), melody.notes().toString());
        for (int i = 0; i < TUNE.size(); i++) {
            MelodyNote want = TUNE.get(i);
            TranscribedNote got = melody.notes().get(i);
            assertEquals(want.midiPitch(), got.midiPitch());
            assertEquals(want.onsetSeconds(), got.onsetSeconds(), 1e-9, "note " + i + " onset on the grid");
            assertEquals(want.endSeconds(), got.endSeconds(), 1e-9, "note " + i + " end on the grid");
        }
    }

    @Test
    void octaveSlipsAndVibratoDoNotMakeNotes() {
        // a plain sine with a deep (±40 cent) vibrato, one long note: still one note
        float[] x = new float[RATE * 2];
        double phase = 0;
        for (int i = RATE / 4; i < x.length - RATE / 4; i++) {
            double hz = 220 * Math.pow(2, 0.4 / 12 * Math.sin(2 * Math.PI * 6 * i / RATE));
            phase += 2 * Math.PI * hz / RATE;
            x[i] = (float) (0.4 * Math.sin(phase));
        }
        MelodyTranscription melody = transcriber.transcribe(new AudioClip(x, RATE), TranscriptionOptions.unquantized(),
                ProgressListener.NONE, CancellationToken.NEVER);
        assertEquals(1, melody.notes().size(), melody.notes().toString());
        assertEquals(57, melody.notes().get(0).midiPitch(), "A3");
    }

    @Test
    void silenceAndNoiseAreRefusedWithAReason() {
        RequestException silence = assertThrows(RequestException.class, () -> transcriber.transcribe(
                new AudioClip(new float[RATE * 2], RATE), TranscriptionOptions.unquantized(), ProgressListener.NONE,
                CancellationToken.NEVER));
        assertTrue(silence.getMessage().startsWith("no melody found: no pitch is heard in it"), silence.getMessage());
        Random random = new Random(3);
        float[] noise = new float[RATE * 2];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.3 * random.nextGaussian());
        }
        RequestException hiss = assertThrows(RequestException.class, () -> transcriber.transcribe(
                new AudioClip(noise, RATE), TranscriptionOptions.unquantized(), ProgressListener.NONE,
                CancellationToken.NEVER));
        assertTrue(hiss.getMessage().startsWith("no melody found"), hiss.getMessage());
        assertThrows(RequestException.class, () -> transcriber.transcribe(new AudioClip(new float[0], RATE),
                TranscriptionOptions.unquantized(), ProgressListener.NONE, CancellationToken.NEVER));
    }

    @Test
    void progressIsReportedAndCancellingStops() {
        long[] last = {0};
        transcriber.transcribe(hum(), TranscriptionOptions.unquantized(), (done, total, stage) -> {
            assertEquals(HumTranscriber.STAGE, stage);
            assertTrue(done <= total && done >= last[0], done + " of " + total);
            last[0] = done;
        }, CancellationToken.NEVER);
        assertEquals((long) Math.ceil(SECONDS * HumTranscriber.FRAME_RATE), last[0], "ends at all frames");

        CancellationToken cancel = new CancellationToken();
        assertThrows(CancelledException.class, () -> transcriber.transcribe(hum(), TranscriptionOptions.unquantized(),
                (done, total, stage) -> cancel.cancel(), cancel));
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(RequestException.class, () -> TranscriptionOptions.atTempo(0));
        assertThrows(RequestException.class, () -> TranscriptionOptions.atTempo(Double.NaN));
        assertThrows(RequestException.class, () -> new TranscriptionOptions(null, -1));
    }
}
