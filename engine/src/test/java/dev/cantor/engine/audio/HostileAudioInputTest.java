package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantor.engine.conditioning.MelodyCondition;
import dev.cantor.engine.conditioning.MelodyException;
import dev.cantor.engine.io.Fifos;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, items 3, 6 and 12: long, piped and device inputs cost a bounded read or a clear refusal. */
class HostileAudioInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final int RATE = 8000;

    @TempDir
    Path dir;

    /**
     * A WAV whose header says ten hours (8 kHz mono 16-bit, 576 MB of data) in a sparse file: it
     * takes no disk space, and reading it whole would take more memory than the test has.
     */
    private Path tenHourWav() throws Exception {
        Path wav = dir.resolve("ten-hours.wav");
        byte[] header = WavWriter.toBytes(new AudioClip(new float[0], RATE), SampleFormat.PCM_16);
        long dataBytes = 10L * 3600 * RATE * 2;
        writeLe32(header, 4, 36 + dataBytes);
        writeLe32(header, header.length - 4, dataBytes);
        Files.write(wav, header);
        try (RandomAccessFile f = new RandomAccessFile(wav.toFile(), "rw")) {
            f.setLength(header.length + dataBytes);
        }
        return wav;
    }

    private static void writeLe32(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    @Test
    void aTenHourMelodyIsReadOnlyForTheLengthAsked() throws Exception {
        Path wav = tenHourWav();
        AudioClip start = assertTimeoutPreemptively(QUICKLY, () -> AudioFiles.readMono(wav, 32000, 10));
        assertEquals(10 * 32000, start.length());
    }

    @Test
    void aTenHourFileIsRefusedAboveTheStatedLengthAfterReadingOnlyThatMuch() throws Exception {
        Path wav = tenHourWav();
        AudioFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(AudioFileException.class,
                () -> AudioLoader.loadAtMost(wav, 32000, 600, "the audio to continue")));
        assertTrue(e.getMessage().contains("ten-hours.wav is longer than 600 s (10 minutes)")
                && e.getMessage().contains("the audio to continue"), e.getMessage());
        Path short_ = dir.resolve("short.wav");
        WavWriter.write(short_, new AudioClip(new float[RATE], RATE), SampleFormat.PCM_16);
        assertEquals(32000, AudioLoader.loadAtMost(short_, 32000, 1, "x").length(), "exactly the limit is accepted");
    }

    @Test
    void aPipeOrADeviceIsNamedAndNotOpened() throws Exception {
        Path fifo = Fifos.make(dir.resolve("hum.wav"));
        AudioFileException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(AudioFileException.class, () -> AudioFiles.readMono(fifo, 0)));
        assertTrue(e.getMessage().contains("hum.wav is a named pipe (FIFO), not an audio file"), e.getMessage());
        assertTimeoutPreemptively(QUICKLY, () -> assertThrows(AudioFileException.class, () -> AudioFiles.probeSeconds(fifo)));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(AudioFileException.class, () -> AudioLoader.loadMono(zero, 32000)));
        assertTrue(e.getMessage().contains("is a device"), e.getMessage());
    }

    @Test
    void aTooShortMelodySaysSoInsteadOfAHundredPercent() {
        float[] x = new float[RATE / 10];                       // 0.1 s of a clear tone: 5 frames at 50 Hz
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        MelodyException e = assertThrows(MelodyException.class,
                () -> MelodyCondition.fromAudio(new AudioClip(x, RATE), 50));
        assertTrue(e.getMessage().contains("too short") && !e.getMessage().contains("100%"), e.getMessage());
    }
}
