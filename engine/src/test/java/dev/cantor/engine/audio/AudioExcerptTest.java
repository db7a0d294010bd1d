package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Excerpts from inside a file: the same samples as the whole decode, and the middle of a song. */
class AudioExcerptTest {

    private static final int RATE = EncodedFixtures.RATE;
    private static final double SECONDS = 25;

    @TempDir
    static Path dir;
    private static Path wav;
    private static Path flac;
    private static Path mp3;
    private static Path ogg;

    /** The frequency the fixture plays during second {@code s}: it tells where an excerpt came from. */
    private static double hzAt(int s) {
        return 200 + 50 * s;
    }

    @BeforeAll
    static void encode() throws IOException {
        float[] x = new float[(int) (RATE * SECONDS)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += 2 * Math.PI * hzAt(i / RATE) / RATE;
            x[i] = (float) (0.4 * Math.sin(phase));
        }
        wav = dir.resolve("steps.wav");
        WavWriter.write(wav, new float[][] {x, x}, RATE, SampleFormat.PCM_16);
        flac = EncodedFixtures.flac(wav, "steps.flac", false);
        mp3 = EncodedFixtures.mp3(wav, "steps.mp3", false);
        ogg = EncodedFixtures.ogg(wav, "steps.ogg", false);
    }

    private static Path file(String format) {
        return switch (format) {
            case "wav" -> wav;
            case "flac" -> flac;
            case "mp3" -> mp3;
            case "ogg" -> ogg;
            default -> throw new IllegalArgumentException(format);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    void anExcerptHoldsTheSameSamplesAsTheWholeDecodeThere(String format) throws IOException {
        float[] whole = AudioFiles.readMono(file(format), 0).samples();
        AudioClip excerpt = AudioFiles.readExcerpt(file(format), RATE, 7.5, 10);
        int start = (int) (7.5 * RATE);
        assertEquals(RATE, excerpt.sampleRate());
        assertArrayEquals(Arrays.copyOfRange(whole, start, start + 10 * RATE), excerpt.samples());

        AudioClip tail = AudioFiles.readExcerpt(file(format), RATE, 20, 10);
        assertEquals(whole.length - 20 * RATE, tail.length(), "an excerpt past the end is cut short");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    void theMiddleTenSecondsAreTakenAtTheCodecRate(String format) throws IOException {
        AudioClip middle = AudioLoader.loadMiddle(file(format), 32_000, 10);
        assertEquals(32_000, middle.sampleRate());
        assertEquals(320_000, middle.length(), 1);
        // 25 s: the excerpt runs from 7.5 s to 17.5 s, so it opens in second 7 and closes in second 17
        float[] x = middle.samples();
        assertEquals(hzAt(7), EncodedFixtures.frequency(x, 1_600, 14_400, 32_000), 2);
        assertEquals(hzAt(17), EncodedFixtures.frequency(x, x.length - 14_400, x.length - 1_600, 32_000), 2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "ogg"})
    void aFileShorterThanTheExcerptIsTakenWhole(String format) throws IOException {
        AudioClip all = AudioLoader.loadMono(file(format), 32_000);
        assertArrayEquals(all.samples(), AudioLoader.loadMiddle(file(format), 32_000, 60).samples());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wav", "flac", "mp3", "ogg"})
    void startingPastTheEndIsRefusedNamingTheFile(String format) {
        AudioFileException e = assertThrows(AudioFileException.class,
                () -> AudioFiles.readExcerpt(file(format), RATE, 40, 10));
        assertTrue(e.getMessage().contains("steps." + format) && e.getMessage().contains("ends before"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.loadMiddle(file(format), 32_000, 0));
    }
}
