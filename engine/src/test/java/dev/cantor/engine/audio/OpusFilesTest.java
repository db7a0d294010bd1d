package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.EncodedFixtures.FREQUENCY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ogg Opus files made by {@code opusenc} decode through {@link AudioFiles} (Concentus) at
 * 48 kHz, to the source's length, pitch and mono level; damage is reported, not decoded.
 */
class OpusFilesTest {

    private static final int OPUS_RATE = 48_000;
    private static final int FRAMES = (int) (EncodedFixtures.SECONDS * OPUS_RATE);

    @TempDir
    static Path dir;
    private static Path opus;
    private static Path wav;

    @BeforeAll
    static void encode() throws IOException {
        wav = EncodedFixtures.sineWav(dir);
        opus = EncodedFixtures.opus(wav, "sine.opus", true);
    }

    @Test
    void decodesToTheSourcesLengthPitchAndMonoLevelAt48kHz() throws IOException {
        AudioClip clip = AudioFiles.readMono(opus, 0);
        assertEquals(OPUS_RATE, clip.sampleRate());
        assertEquals(FRAMES, clip.length(), "pre-skip dropped and the end trimmed at the last granule position");
        float[] x = clip.samples();
        assertEquals(FREQUENCY, EncodedFixtures.frequency(x, OPUS_RATE / 4, OPUS_RATE * 5 / 4, OPUS_RATE),
                FREQUENCY * 0.01);
        double level = EncodedFixtures.amplitude(x, OPUS_RATE / 4, OPUS_RATE * 5 / 4, FREQUENCY, OPUS_RATE);
        assertEquals((EncodedFixtures.LEFT + EncodedFixtures.RIGHT) / 2, level, 0.02, "the mean of 0.6 and 0.2");
    }

    @Test
    void followsTheSourceSampleBySample() throws IOException {
        AudioClip source = AudioFiles.readMono(wav, OPUS_RATE, 0);
        AudioClip decoded = AudioFiles.readMono(opus, 0);
        assertEquals(0, EncodedFixtures.bestLag(source.samples(), decoded.samples(), 200), "aligned to the sample");
        double error = 0;
        double power = 0;
        for (int i = OPUS_RATE / 10; i < FRAMES - OPUS_RATE / 10; i++) {
            double d = decoded.samples()[i] - source.samples()[i];
            error += d * d;
            power += source.samples()[i] * (double) source.samples()[i];
        }
        assertTrue(10 * Math.log10(power / error) > 15, "SNR " + 10 * Math.log10(power / error) + " dB");
    }

    @Test
    void limitsExcerptsAndProbeWork() throws IOException {
        AudioClip whole = AudioFiles.readMono(opus, 0);
        AudioClip start = AudioFiles.readMono(opus, 0.5);
        assertArrayEquals(Arrays.copyOf(whole.samples(), OPUS_RATE / 2), start.samples(), 0f);
        AudioClip middle = AudioFiles.readExcerpt(opus, OPUS_RATE, 0.5, 0.25);
        assertArrayEquals(Arrays.copyOfRange(whole.samples(), OPUS_RATE / 2, OPUS_RATE * 3 / 4), middle.samples(), 0f);
        assertEquals(EncodedFixtures.SECONDS, AudioFiles.probeSeconds(opus), 1e-9);
        assertEquals(32_000 * 3 / 2, AudioFiles.readMono(opus, 32_000, 0).length(), 1);
    }

    @Test
    void theFormatComesFromTheContent() throws IOException {
        Path renamed = dir.resolve("opus-named.ogg");
        Files.copy(opus, renamed);
        assertEquals(FRAMES, AudioFiles.readMono(renamed, 0).length());
        assertTrue(AudioFiles.hasAudioExtension(Path.of("a/Voice Memo.OPUS")));
    }

    @Test
    void itsTagsAreRead() {
        TrackTags tags = TrackTags.read(opus);
        assertEquals(new TrackTags(EncodedFixtures.TITLE, EncodedFixtures.ARTIST, EncodedFixtures.ALBUM,
                EncodedFixtures.GENRE, EncodedFixtures.COMMENT), tags);
    }

    @Test
    void surroundFilesDecodeThroughTheMultistreamDecoder(@TempDir Path own) throws IOException {
        int rate = 48_000;
        float[][] channels = new float[6][rate];
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < rate; i++) {
                channels[c][i] = (float) (0.3 * Math.sin(2 * Math.PI * FREQUENCY * i / rate));
            }
        }
        Path surround = own.resolve("surround.wav");
        WavWriter.write(surround, channels, rate, SampleFormat.PCM_16);
        AudioClip clip = AudioFiles.readMono(EncodedFixtures.opus(surround, "surround.opus", false), 0);
        assertEquals(rate, clip.length());
        assertEquals(FREQUENCY, EncodedFixtures.frequency(clip.samples(), rate / 4, rate * 3 / 4, rate), 4);
    }

    @Test
    void damageAndCutsAreReportedNotDecoded() throws IOException {
        byte[] bytes = Files.readAllBytes(opus);
        // opusenc writes a page a second: this cuts the last one
        Path cut = Files.write(dir.resolve("cut.opus"), Arrays.copyOf(bytes, bytes.length * 9 / 10));
        AudioFileException cutShort = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(cut, 0));
        assertTrue(cutShort.getMessage().contains("cut.opus") && cutShort.getMessage().contains("cut short"),
                cutShort.getMessage());
        assertEquals(0.5 * OPUS_RATE, AudioFiles.readMono(cut, 0.5).length(), "what is there before the cut reads");

        byte[] flipped = bytes.clone();
        for (int i = bytes.length / 2; i < bytes.length / 2 + 40; i++) {
            flipped[i] ^= 0x5A;
        }
        Path damaged = Files.write(dir.resolve("damaged.opus"), flipped);
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(damaged, 0));
        assertTrue(e.getMessage().startsWith("damaged Ogg Opus") && e.getMessage().contains("damaged.opus"),
                e.getMessage());
    }

    @Test
    void aHeaderThatLiesIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(opus);
        int head = OggPage.firstPacketOffset(bytes);
        byte[] noChannels = bytes.clone();
        noChannels[head + 9] = 0;
        Path zero = Files.write(dir.resolve("zero-channels.opus"), noChannels);
        assertEquals("cannot read zero-channels.opus: its Opus header is damaged",
                assertThrows(AudioFileException.class, () -> AudioFiles.readMono(zero, 0)).getMessage());
        byte[] later = bytes.clone();
        later[head + 8] = 0x10;
        Path v2 = Files.write(dir.resolve("v2.opus"), later);
        assertTrue(assertThrows(AudioFileException.class, () -> AudioFiles.readMono(v2, 0)).getMessage()
                .contains("later version"));
    }
}
