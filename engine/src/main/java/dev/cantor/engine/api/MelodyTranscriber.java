package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;

/**
 * Turns a hummed, sung, whistled or played melody into notes and writes them as a standard
 * MIDI file, for a DAW or a notation program: what {@code cantor melody-to-midi} does and the
 * hum tab's "Export MIDI" will do. Needs no model; the work is pitch tracking (seconds for
 * minutes of audio). The implementation is {@code dev.cantor.engine.transcription.HumTranscriber}.
 */
public interface MelodyTranscriber {

    /**
     * The notes of a monophonic recording. Progress comes in stage {@link ProgressStage#TRACKING_PITCH}
     * (frames of the recording); cancelling stops within a few hundred frames.
     *
     * @throws RequestException   when the recording has no melody to transcribe (silence, noise,
     *                            drums), saying so in words a musician can act on
     * @throws CancelledException when cancelled
     */
    MelodyTranscription transcribe(AudioClip recording, TranscriptionOptions options, ProgressListener progress,
                                   CancellationToken cancel);

    /**
     * Writes {@code melody} as a standard MIDI file (format 1: a tempo track, then the melody on
     * channel 1), atomically: the file appears whole or not at all.
     *
     * @param replaceExisting whether a regular file already at {@code out} may be replaced
     * @throws FileAlreadyExistsException when {@code out} exists and may not be replaced
     * @throws IOException                when the file cannot be written
     */
    void writeMidi(MelodyTranscription melody, Path out, boolean replaceExisting) throws IOException;
}
