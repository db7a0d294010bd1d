package dev.cantor.ui.shared;

import dev.cantor.engine.audio.AudioDeviceException;
import dev.cantor.engine.audio.PcmOutput;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sound output for tests: takes everything at once, never holds a buffer, and counts the samples
 * it was given. Not final, so a test can make one that fails to open.
 */
public class CountingOutput implements PcmOutput {

    public final AtomicLong samples = new AtomicLong();
    public volatile boolean opened;

    @Override
    public void open(int sampleRate) throws AudioDeviceException {
        opened = true;
    }

    @Override
    public int write(byte[] pcm, int offset, int length) {
        samples.addAndGet(length / 2);
        return length;
    }

    @Override
    public int bufferedFrames() {
        return 0;
    }

    @Override
    public void flush() {
    }

    @Override
    public void drain() {
    }

    @Override
    public void close() {
    }
}
