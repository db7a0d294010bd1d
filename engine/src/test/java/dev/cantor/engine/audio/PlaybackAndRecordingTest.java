package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The player and recorder against in-memory devices (CI machines have no sound card). */
class PlaybackAndRecordingTest {

    /** Keeps what it is given, holding at most {@code buffered} frames "in the device". */
    static class MemoryOutput implements PcmOutput {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int limitFrames;
        final CountDownLatch full = new CountDownLatch(1);

        MemoryOutput(int limitFrames) {
            this.limitFrames = limitFrames;
        }

        @Override
        public void open(int sampleRate) throws AudioDeviceException {
        }

        @Override
        public synchronized int write(byte[] pcm, int offset, int length) {
            if (bytes.size() / 2 >= limitFrames) {
                full.countDown();
                try {
                    wait(20);                                 // a full device: the writer waits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 0;
            }
            bytes.write(pcm, offset, length);
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

        short[] frames() {
            byte[] b = bytes.toByteArray();
            short[] s = new short[b.length / 2];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
            }
            return s;
        }
    }

    /** Sample i of the ramp is i / 10000 (so each sample says where it came from). */
    static AudioClip ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i / 10000f;
        }
        return new AudioClip(x, 8000);
    }

    static int index(short pcm) {
        return Math.round(pcm / 32767f * 10000f);
    }

    @Test
    void playsFromTheRequestedSampleToTheEndAndSaysSo() throws Exception {
        MemoryOutput out = new MemoryOutput(Integer.MAX_VALUE);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong last = new AtomicLong();
        try (AudioPlayer player = new AudioPlayer(() -> out)) {
            player.play(ramp(5000), 1200, 0, 0, new AudioPlayer.Listener() {
                @Override
                public void onPosition(long sample) {
                    last.set(sample);
                }

                @Override
                public void onFinished() {
                    finished.countDown();
                }
            });
            assertTrue(finished.await(5, TimeUnit.SECONDS));
        }
        short[] got = out.frames();
        assertEquals(3800, got.length);
        assertEquals(1200, index(got[0]));
        assertEquals(4999, index(got[got.length - 1]));
        assertEquals(5000, last.get());
    }

    @Test
    void aLoopRepeatsItsRangeUntilStopped() throws Exception {
        MemoryOutput out = new MemoryOutput(4000);
        try (AudioPlayer player = new AudioPlayer(() -> out)) {
            player.play(ramp(5000), 500, 1000, 2000, new AudioPlayer.Listener() {
                @Override
                public void onPosition(long sample) {
                }

                @Override
                public void onFinished() {
                }
            });
            assertTrue(out.full.await(5, TimeUnit.SECONDS));
            assertTrue(player.isPlaying());
            player.stop();
            assertFalse(player.isPlaying());
        }
        short[] got = out.frames();
        for (int i = 0; i < got.length; i++) {
            int expected = i < 1500 ? 500 + i : 1000 + (i - 1500) % 1000;     // to the loop's end, then laps
            assertEquals(expected, index(got[i]), "frame " + i);
        }
        assertTrue(got.length >= 3500, "at least two laps: " + got.length);
    }

    @Test
    void theRecorderKeepsEveryBlockAndReportsLevels() throws Exception {
        int rate = 16000;
        float[] sine = new float[rate];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / rate));
        }
        CountDownLatch done = new CountDownLatch(1);
        PcmInput input = new PcmInput() {
            int next;

            @Override
            public void open(int sampleRate) {
                assertEquals(rate, sampleRate);
            }

            @Override
            public int read(byte[] pcm, int offset, int length) {
                int n = Math.min(length / 2, sine.length - next);
                if (n == 0) {
                    done.countDown();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                }
                for (int i = 0; i < n; i++) {
                    int s = Math.round(sine[next + i] * 32767f);
                    pcm[offset + 2 * i] = (byte) s;
                    pcm[offset + 2 * i + 1] = (byte) (s >> 8);
                }
                next += n;
                return 2 * n;
            }

            @Override
            public void close() {
            }
        };
        MicrophoneRecorder recorder = new MicrophoneRecorder(() -> input, rate);
        float[] loudest = new float[1];
        long[] total = new long[1];
        recorder.start((block, peak, count) -> {
            loudest[0] = Math.max(loudest[0], peak);
            total[0] = count;
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        AudioClip take = recorder.stop();
        assertEquals(rate, take.length());
        assertEquals(rate, total[0]);
        assertEquals(0.5, loudest[0], 0.01);
        assertEquals(sine[1234], take.samples()[1234], 1e-4);
    }

    @Test
    void aMissingDeviceIsAClearErrorNotACrash() {
        PcmOutput broken = new MemoryOutput(0) {
            @Override
            public void open(int sampleRate) throws AudioDeviceException {
                throw new AudioDeviceException("cannot play sound: no usable output device (test)");
            }
        };
        try (AudioPlayer player = new AudioPlayer(() -> broken)) {
            AudioDeviceException e = assertThrows(AudioDeviceException.class,
                    () -> player.play(ramp(10), 0, 0, 0, null));
            assertTrue(e.getMessage().contains("no usable output device"));
            assertFalse(player.isPlaying());
        }
    }
}
