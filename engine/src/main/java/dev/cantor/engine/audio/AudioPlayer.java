package dev.cantor.engine.audio;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Plays a clip on a background thread: from any sample, optionally looping a range, with pause
 * and stop that take effect within one device buffer. The position reported is the sample being
 * heard (written minus what the device still holds), which is what a playhead should show.
 * Listener calls come from the playback thread.
 */
public final class AudioPlayer implements AutoCloseable {

    /** Frames per write: small, so stop and the playhead respond quickly. */
    private static final int CHUNK = 1024;

    /** What playback reports. */
    public interface Listener {
        /** The sample now heard. */
        void onPosition(long sample);

        /** Playback reached the end of the clip (not called after stop or pause). */
        void onFinished();
    }

    private final Supplier<PcmOutput> outputs;
    private StoppableWorker worker;
    private volatile long position;

    /** @param outputs makes the output for each playback (e.g. {@code () -> new SpeakerOutput(null)}) */
    public AudioPlayer(Supplier<PcmOutput> outputs) {
        this.outputs = outputs;
    }

    /**
     * Starts playing {@code clip} at sample {@code from}, stopping whatever was playing. With
     * {@code loopEnd > loopStart} the range [loopStart, loopEnd) repeats until stopped.
     *
     * @throws AudioDeviceException when there is no usable output device
     */
    public void play(AudioClip clip, long from, long loopStart, long loopEnd, Listener listener)
            throws AudioDeviceException {
        stop();
        int length = clip.length();
        boolean loop = loopEnd > loopStart && loopStart >= 0 && loopEnd <= length;
        long start = Math.max(0, Math.min(from, length));
        PcmOutput output = outputs.get();
        try {
            output.open(clip.sampleRate());
        } catch (AudioDeviceException e) {
            output.close();
            throw e;
        }
        synchronized (this) {
            position = start;
            worker = StoppableWorker.start("cantor-playback",
                    flag -> run(clip.samples(), output, start, loop, loopStart, loopEnd, listener, flag));
        }
    }

    private void run(float[] samples, PcmOutput output, long start, boolean loop, long loopStart, long loopEnd,
                     Listener listener, AtomicBoolean flag) {
        byte[] pcm = new byte[2 * CHUNK];
        long written = start;
        try {
            while (flag.get()) {
                if (loop && written >= loopEnd) {
                    written = loopStart;
                }
                long end = loop && written < loopEnd ? loopEnd : samples.length;
                int n = (int) Math.min(CHUNK, end - written);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    float v = Math.max(-1f, Math.min(1f, samples[(int) written + i]));
                    int s = Math.round(v * 32767f);
                    pcm[2 * i] = (byte) s;
                    pcm[2 * i + 1] = (byte) (s >> 8);
                }
                output.write(pcm, 0, 2 * n);
                written += n;
                long heard = written - output.bufferedFrames();
                if (loop && heard < loopStart && written >= loopStart) {
                    heard += loopEnd - loopStart;            // the tail of the previous lap is still playing
                }
                position = Math.max(0, heard);
                listener.onPosition(position);
            }
            if (flag.get()) {
                output.drain();
                position = samples.length;
                listener.onPosition(position);
                listener.onFinished();
            }
        } finally {
            if (!flag.get()) {
                output.flush();                             // silence now, not after the buffer
            }
            output.close();
        }
    }

    /** The sample being heard (or where playback stopped). */
    public long position() {
        return position;
    }

    public synchronized boolean isPlaying() {
        return worker != null && worker.isAlive();
    }

    /** Stops playback; {@link #position()} keeps where it stopped, so pause is stop plus resume from there. */
    public void stop() {
        StoppableWorker w;
        synchronized (this) {
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.requestStop();
            w.awaitEnd();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
