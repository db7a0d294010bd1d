package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one entry point for turning a user's audio file into what the engine consumes: mono
 * float samples at the model's rate. Today it reads WAV; FLAC and MP3 will plug in here, so
 * callers never pick a reader themselves.
 */
public final class AudioLoader {

    private AudioLoader() {
    }

    /**
     * Loads a file, mixes it down to mono (channel average) and resamples it to {@code targetRate}.
     *
     * @param targetRate the rate the caller needs, e.g. 32 000 for the codec
     * @throws AudioFileException       if the file is not audio Cantor can read (the message says why,
     *                                  e.g. "not a WAV file: song.mp3 (looks like MP3; no RIFF header)")
     * @throws IOException              if the file system fails (missing file, no permission)
     * @throws IllegalArgumentException if {@code targetRate} is not a sensible sample rate
     */
    public static AudioClip loadMono(Path path, int targetRate) throws IOException {
        if (targetRate <= 0 || targetRate > WavReader.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("target sample rate out of range: " + targetRate);
        }
        AudioClip mono = WavReader.read(path).toMono();
        if (mono.sampleRate() == targetRate) {
            return mono;
        }
        return new AudioClip(Resampler.resample(mono.samples(), mono.sampleRate(), targetRate), targetRate);
    }
}
