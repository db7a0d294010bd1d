package dev.cantor.engine.audio;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Records from a {@link PcmInput} on a background thread, handing each block to a listener (for
 * the level meter and the live pitch contour) and keeping the whole take for {@link #stop()}.
 * Listener calls come from the recording thread.
 */
public final class MicrophoneRecorder {

    /** About 50 ms per block at 32 kHz: a lively meter without flooding the UI. */
    private static final int BLOCK_FRAMES = 1600;

    /** What recording reports. */
    public interface Listener {
        /**
         * A new block of samples.
         *
         * @param block   the samples (owned by the listener)
         * @param peak    the block's peak level, 0..1
         * @param total   samples recorded so far, this block included
         */
        void onBlock(float[] block, float peak, long total);
    }

    private final Supplier<PcmInput> inputs;
    private final int sampleRate;
    private StoppableWorker worker;
    private float[] recorded = new float[0];
    private int size;

    public MicrophoneRecorder(Supplier<PcmInput> inputs, int sampleRate) {
        this.inputs = inputs;
        this.sampleRate = sampleRate;
    }

    /**
     * Starts recording (discarding any previous take).
     *
     * @throws AudioDeviceException when there is no usable microphone or access is denied
     */
    public void start(Listener listener) throws AudioDeviceException {
        stopThread();
        PcmInput input = inputs.get();
        try {
            input.open(sampleRate);
        } catch (AudioDeviceException e) {
            input.close();
            throw e;
        }
        synchronized (this) {
            recorded = new float[sampleRate * 10];
            size = 0;
            worker = StoppableWorker.start("cantor-recording", flag -> run(input, listener, flag));
        }
    }

    private void run(PcmInput input, Listener listener, AtomicBoolean flag) {
        byte[] pcm = new byte[2 * BLOCK_FRAMES];
        try {
            while (flag.get()) {
                int got = input.read(pcm, 0, pcm.length);
                if (got < 0) {
                    break;
                }
                int frames = got / 2;
                if (frames == 0) {
                    continue;
                }
                float[] block = new float[frames];
                float peak = 0;
                for (int i = 0; i < frames; i++) {
                    block[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8)) / 32768f;
                    peak = Math.max(peak, Math.abs(block[i]));
                }
                long total = append(block, flag);
                if (total >= 0) {
                    listener.onBlock(block, peak, total);
                }
            }
        } finally {
            input.close();
        }
    }

    /** Adds a block to the take; -1 (and nothing added) when this recording was stopped meanwhile. */
    private synchronized long append(float[] block, AtomicBoolean flag) {
        if (!flag.get()) {
            return -1;
        }
        if (size + block.length > recorded.length) {
            recorded = java.util.Arrays.copyOf(recorded, Math.max(2 * recorded.length, size + block.length));
        }
        System.arraycopy(block, 0, recorded, size, block.length);
        size += block.length;
        return size;
    }

    public synchronized boolean isRecording() {
        return worker != null && worker.isAlive();
    }

    /** Stops recording and returns the take (empty if nothing was recorded). */
    public AudioClip stop() {
        stopThread();
        synchronized (this) {
            return new AudioClip(java.util.Arrays.copyOf(recorded, size), sampleRate);
        }
    }

    private void stopThread() {
        StoppableWorker w;
        synchronized (this) {
            w = worker;
            worker = null;
            if (w != null) {
                w.requestStop();                // under the lock: no block is appended after this
            }
        }
        if (w != null) {
            w.awaitEnd();
        }
    }
}
