package dev.cantor.engine.audio;

/**
 * Where {@link MicrophoneRecorder} reads 16-bit little-endian mono PCM from: a microphone line
 * in the studio ({@link MicrophoneInput}), a synthetic signal in tests.
 */
public interface PcmInput extends AutoCloseable {

    /** Opens the input for mono 16-bit audio at {@code sampleRate}. */
    void open(int sampleRate) throws AudioDeviceException;

    /** Reads up to {@code length} bytes (whole frames), blocking until some arrive; -1 at the end. */
    int read(byte[] pcm, int offset, int length);

    @Override
    void close();
}
