package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.WavBytes.FLOAT;
import static dev.cantor.engine.audio.WavBytes.PCM;
import static dev.cantor.engine.audio.WavBytes.float64;
import static dev.cantor.engine.audio.WavBytes.wave;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged files must fail politely: whatever happens to the header bytes or the length, the
 * reader either returns finite audio or throws AudioFileException, never anything else.
 */
class WavReaderFuzzTest {

    private static final int ITERATIONS = 4000;

    private static List<byte[]> seeds() {
        float[] tone = new float[300];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(i * 0.05);
        }
        float[][] stereo = {tone, tone.clone()};
        return List.of(
                WavWriter.toBytes(new AudioClip(tone, 44100), SampleFormat.PCM_16),
                WavWriter.toBytes(new AudioClip(tone, 32000), SampleFormat.PCM_16, LoopPoints.whole(tone.length)),
                WavWriter.toBytes(stereo, 48000, SampleFormat.PCM_24),
                WavWriter.toBytes(stereo, 32000, SampleFormat.FLOAT_32),
                wave().chunk("LIST", new byte[5]).fmt(PCM, 1, 8000, 8).data(new byte[33]).build(),
                wave().fmtExtensible(2, 96000, 32, FLOAT).data(WavBytes.float32(tone)).build(),
                wave().fmt(FLOAT, 1, 11025, 64).data(float64(0.1, -0.2, 0.3, -0.4, 0.5)).build());
    }

    @Test
    void mutatedAndTruncatedFilesOnlyEverFailWithAudioFileException() {
        Random random = new Random(20240611L);
        List<byte[]> seeds = seeds();
        int successes = 0;
        int failures = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            byte[] file = seeds.get(random.nextInt(seeds.size())).clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(Math.min(80, file.length));
                // Extremes find overflow bugs faster than uniform bytes do.
                file[at] = switch (random.nextInt(4)) {
                    case 0 -> (byte) 0xFF;
                    case 1 -> 0;
                    default -> (byte) random.nextInt(256);
                };
            }
            if (random.nextInt(3) == 0) {
                file = Arrays.copyOf(file, random.nextInt(file.length + 1));
            }
            try {
                WavAudio audio = WavReader.read(file, "fuzz.wav");
                assertFinite(audio, iteration, file);
                successes++;
            } catch (AudioFileException expected) {
                assertTrue(expected.getMessage().contains("fuzz.wav"), expected.getMessage());
                failures++;
            } catch (Throwable t) {
                fail("iteration " + iteration + " threw " + t + " for " + HexFormat.of().formatHex(file, 0,
                        Math.min(80, file.length)), t);
            }
        }
        // Both outcomes must actually occur, or the mutations are not exercising the parser.
        assertTrue(successes > 100, "successes: " + successes);
        assertTrue(failures > 100, "failures: " + failures);
    }

    @Test
    void everyProperPrefixOfAFileIsRefused() {
        byte[] valid = WavBytes.simple16(64, 8000);
        for (int length = 0; length < valid.length; length++) {
            byte[] prefix = Arrays.copyOf(valid, length);
            assertThrows(AudioFileException.class, () -> WavReader.read(prefix, "prefix.wav"), "length " + length);
        }
    }

    @Test
    void randomBytesAreRefused() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] noise = new byte[random.nextInt(200)];
            random.nextBytes(noise);
            if (i % 2 == 0 && noise.length >= 12) {
                System.arraycopy("RIFF".getBytes(), 0, noise, 0, 4); // get past the magic check
                System.arraycopy("WAVE".getBytes(), 0, noise, 8, 4);
            }
            byte[] input = noise;
            try {
                assertFinite(WavReader.read(input, "noise.wav"), i, input);
            } catch (AudioFileException expected) {
                // fine: this is the only allowed failure
            } catch (Throwable t) {
                fail("noise " + i + " threw " + t, t);
            }
        }
    }

    private static void assertFinite(WavAudio audio, int iteration, byte[] file) {
        assertTrue(audio.sampleRate() > 0 && audio.sampleRate() <= WavReader.MAX_SAMPLE_RATE);
        assertTrue(audio.frames() > 0);
        for (float[] channel : audio.channels()) {
            assertEquals(audio.frames(), channel.length);
            for (float v : channel) {
                if (!Float.isFinite(v)) {
                    fail("iteration " + iteration + " returned " + v + " for "
                            + HexFormat.of().formatHex(file, 0, Math.min(80, file.length)));
                }
            }
        }
    }
}
