package dev.cantor.engine.audio;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plays audio that arrives in pieces while it is still being made (a take streamed by the
 * engine): {@link #append} queues each piece and a playback thread writes them to the output in
 * order, starting with the first. When the queue runs dry before {@link #finish} the output waits
 * for more (a gap in the sound, counted by {@link #stalls()}); after {@code finish} it plays out
 * what is queued and ends. The queue holds 16-bit samples, so a take costs 2 bytes per sample
 * until it is played.
 */
public final class StreamPlayer implements AutoCloseable {

    /** Bytes per write: small, so a stop is heard within one device buffer. */
    private static final int WRITE_BYTES = 2048;
    /** How often a waiting playback thread looks at its stop flag. */
    private static final long POLL_MILLIS = 50;

    private final PcmOutput output;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final StoppableWorker worker;
    private boolean finished;
    private boolean ended;
    private int stalls;
    private volatile long framesWritten;

    /**
     * Opens {@code output} for mono audio at {@code sampleRate} and starts the playback thread,
     * silent until the first {@link #append}.
     *
     * @throws AudioDeviceException when the output cannot be opened (no sound device)
     */
    public StreamPlayer(PcmOutput output, int sampleRate) throws AudioDeviceException {
        this.output = output;
        try {
            output.open(sampleRate);
        } catch (AudioDeviceException e) {
            output.close();
            throw e;
        }
        this.worker = StoppableWorker.start("cantor-stream-playback", this::run);
    }

    /** Queues {@code samples} (clipped to [−1, 1]) after what was appended before. */
    public void append(float[] samples) {
        byte[] pcm = new byte[2 * samples.length];
        for (int i = 0; i < samples.length; i++) {
            int s = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767f);
            pcm[2 * i] = (byte) s;
            pcm[2 * i + 1] = (byte) (s >> 8);
        }
        synchronized (this) {
            if (finished) {
                throw new IllegalStateException("the stream was already finished");
            }
            queue.add(pcm);
            notifyAll();
        }
    }

    /** No more audio will come: play out what is queued, then end. */
    public synchronized void finish() {
        finished = true;
        notifyAll();
    }

    /**
     * Waits up to {@code millis} for playback to end (played out after {@link #finish}, or
     * stopped); returns whether it has.
     */
    public synchronized boolean awaitEnd(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!ended) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Times the output caught up with the audio appended before the end and had to wait for more. */
    public synchronized int stalls() {
        return stalls;
    }

    /** Samples written to the output so far. */
    public long samplesWritten() {
        return framesWritten;
    }

    /** Stops at once, dropping what is queued or buffered in the device. */
    public void stop() {
        worker.requestStop();
        synchronized (this) {
            notifyAll();
        }
        worker.awaitEnd();
    }

    @Override
    public void close() {
        stop();
    }

    private void run(AtomicBoolean running) {
        try {
            boolean started = false;
            while (running.get()) {
                byte[] next = take(running, started);
                if (next == null) {
                    break;
                }
                started = true;
                write(next, running);
            }
            if (running.get()) {
                output.drain();
            }
        } finally {
            if (!running.get()) {
                output.flush();                           // silence now, not after the device's buffer
            }
            output.close();
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** The next piece, waiting for one while the stream is open; null at the end or on stop. */
    private synchronized byte[] take(AtomicBoolean running, boolean started) {
        boolean counted = false;
        while (queue.isEmpty() && !finished && running.get()) {
            if (started && !counted) {
                stalls++;
                counted = true;
            }
            try {
                wait(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return running.get() ? queue.poll() : null;
    }

    private void write(byte[] pcm, AtomicBoolean running) {
        int offset = 0;
        while (offset < pcm.length && running.get()) {
            int n = output.write(pcm, offset, Math.min(WRITE_BYTES, pcm.length - offset));
            offset += n;
            framesWritten += n / 2;
        }
    }
}
