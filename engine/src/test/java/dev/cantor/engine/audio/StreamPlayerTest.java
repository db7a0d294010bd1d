package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Playing a take while it is made, against an in-memory device. */
class StreamPlayerTest {

    /** Waits (at most 5 s) until the player has written {@code samples}. */
    private static void awaitWritten(StreamPlayer player, long samples) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (player.samplesWritten() < samples && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(samples, player.samplesWritten());
    }

    @Test
    void playsEachPieceAsItComesInOrderAndEndsAfterTheLast() throws Exception {
        PlaybackAndRecordingTest.MemoryOutput out = new PlaybackAndRecordingTest.MemoryOutput(Integer.MAX_VALUE);
        float[] ramp = PlaybackAndRecordingTest.ramp(9000).samples();
        try (StreamPlayer player = new StreamPlayer(out, 8000)) {
            player.append(Arrays.copyOfRange(ramp, 0, 2000));
            awaitWritten(player, 2000);                     // heard before the rest exists
            assertFalse(player.awaitEnd(20), "the stream is still open");
            player.append(Arrays.copyOfRange(ramp, 2000, 2500));
            player.append(Arrays.copyOfRange(ramp, 2500, 9000));
            player.finish();
            assertTrue(player.awaitEnd(5000));
            assertTrue(player.stalls() >= 1, "it waited for the second piece");
            assertThrows(IllegalStateException.class, () -> player.append(new float[1]));
        }
        short[] got = out.frames();
        assertEquals(9000, got.length);
        for (int i = 0; i < got.length; i++) {
            assertEquals(i, PlaybackAndRecordingTest.index(got[i]), "sample " + i);
        }
    }

    @Test
    void stopEndsPlaybackAtOnceWhateverIsQueued() throws Exception {
        PlaybackAndRecordingTest.MemoryOutput out = new PlaybackAndRecordingTest.MemoryOutput(3000);
        StreamPlayer player = new StreamPlayer(out, 8000);
        player.append(new float[100_000]);
        assertTrue(out.full.await(5, TimeUnit.SECONDS), "the device filled up");
        player.stop();
        assertTrue(player.awaitEnd(0), "ended");
        assertTrue(player.samplesWritten() < 100_000);
    }

    @Test
    void aMissingDeviceIsTheDevicesMessage() {
        PcmOutput broken = new PlaybackAndRecordingTest.MemoryOutput(0) {
            @Override
            public void open(int sampleRate) throws AudioDeviceException {
                throw new AudioDeviceException("cannot play sound: no usable output device (test)");
            }
        };
        AudioDeviceException e = assertThrows(AudioDeviceException.class, () -> new StreamPlayer(broken, 8000));
        assertEquals("cannot play sound: no usable output device (test)", e.getMessage());
    }
}
