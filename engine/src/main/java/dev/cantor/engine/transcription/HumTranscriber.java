package dev.cantor.engine.transcription;

import dev.cantor.engine.api.CancellationToken;
import dev.cantor.engine.api.MelodyTranscriber;
import dev.cantor.engine.api.MelodyTranscription;
import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.api.ProgressStage;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.TranscribedNote;
import dev.cantor.engine.api.TranscriptionOptions;
import dev.cantor.engine.audio.AudioClip;
import dev.cantor.engine.dsp.NoteSegmenter;
import dev.cantor.engine.dsp.PitchTracker;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The melody-to-MIDI service: {@link PitchTracker} (TarsosDSP's YIN, the tracker the melody
 * condition uses) at 100 frames a second, {@link NoteSegmenter} for the notes, a velocity from
 * each note's level against the loudest, {@link GridQuantizer} when a tempo is given, and
 * {@link MelodyMidiFile} to write them.
 */
public final class HumTranscriber implements MelodyTranscriber {

    /** Pitch frames per second: 10 ms steps, finer than the codec's 20 ms, for onsets a DAW can use. */
    static final double FRAME_RATE = 100;
    /** The stage of the progress reports. */
    public static final ProgressStage STAGE = ProgressStage.TRACKING_PITCH;
    /** Velocity of the loudest note; quieter ones lose {@value #VELOCITY_PER_DB} per dB below it. */
    private static final int LOUDEST_VELOCITY = 100;
    private static final double VELOCITY_PER_DB = 1.5;
    private static final int SOFTEST_VELOCITY = 20;

    @Override
    public MelodyTranscription transcribe(AudioClip recording, TranscriptionOptions options, ProgressListener progress,
                                          CancellationToken cancel) {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(options, "options");
        float[] samples = recording.samples();
        long frames = (long) Math.ceil(recording.seconds() * FRAME_RATE);
        float[] f0 = new PitchTracker().track(samples, recording.sampleRate(), FRAME_RATE, done -> {
            cancel.throwIfCancelled();
            progress.onProgress(done, frames, STAGE);
        });
        List<NoteSegmenter.Segment> segments = new NoteSegmenter(options.minNoteSeconds())
                .segment(f0, FRAME_RATE, samples, recording.sampleRate());
        cancel.throwIfCancelled();
        if (segments.isEmpty()) {
            throw new RequestException(noMelody(f0, recording.seconds()));
        }
        double loudest = segments.stream().mapToDouble(NoteSegmenter.Segment::level).max().orElse(1);
        List<TranscribedNote> notes = new ArrayList<>(segments.size());
        for (NoteSegmenter.Segment s : segments) {
            double end = Math.min(recording.seconds(), s.endSeconds());   // the envelope's last window may reach past
            if (end > s.onsetSeconds()) {
                notes.add(new TranscribedNote(s.onsetSeconds(), end, s.midiPitch(), velocity(s.level(), loudest)));
            }
        }
        if (options.tempoBpm() != null) {
            notes = new GridQuantizer(options.tempoBpm()).quantize(notes);
        }
        return new MelodyTranscription(notes, recording.seconds(), options.tempoBpm());
    }

    @Override
    public void writeMidi(MelodyTranscription melody, Path out, boolean replaceExisting) throws IOException {
        MelodyMidiFile.write(melody, out, replaceExisting ? AtomicFiles.Replacing.REGULAR_FILE
                : AtomicFiles.Replacing.NOTHING);
    }

    /** MIDI velocity of a note at {@code level} (RMS) when the loudest is at {@code loudest}. */
    static int velocity(double level, double loudest) {
        double db = 20 * Math.log10(Math.max(level, 1e-9) / loudest);
        return (int) Math.max(SOFTEST_VELOCITY, Math.min(127, Math.round(LOUDEST_VELOCITY + VELOCITY_PER_DB * db)));
    }

    /** Why no note was found, in words that say what to do. */
    private static String noMelody(float[] f0, double seconds) {
        int voiced = 0;
        for (float hz : f0) {
            if (hz > 0) {
                voiced++;
            }
        }
        String why = seconds == 0 ? "the recording is empty"
                : voiced == 0 ? "no pitch is heard in it (silence, noise or drums)"
                : String.format(Locale.ROOT, "only %.2f s of it has a clear pitch, in pieces too short to be"
                        + " notes", voiced / FRAME_RATE);
        return "no melody found: " + why + "; hum, sing or play a single line, clearly and close to the microphone";
    }
}
