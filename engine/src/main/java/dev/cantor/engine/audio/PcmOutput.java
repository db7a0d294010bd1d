package dev.cantor.engine.audio;

/**
 * Where {@link AudioPlayer} sends 16-bit little-endian mono PCM: a speaker line in the studio
 * ({@link SpeakerOutput}), a buffer in tests.
 */
public interface PcmOutput extends AutoCloseable {

    /** Opens the output for mono 16-bit audio at {@code sampleRate}. */
    void open(int sampleRate) throws AudioDeviceException;

    /** Writes whole frames, blocking while the device's buffer is full; returns the bytes taken. */
    int write(byte[] pcm, int offset, int length);

    /** Frames written but not yet heard (still in the device's buffer). */
    int bufferedFrames();

    /** Drops what is buffered, so a stop or pause is heard at once. */
    void flush();

    /** Lets what is buffered play out. */
    void drain();

    @Override
    void close();
}
