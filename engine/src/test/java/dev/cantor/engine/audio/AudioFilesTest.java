package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.EncodedFixtures.ALBUM;
import static dev.cantor.engine.audio.EncodedFixtures.ARTIST;
import static dev.cantor.engine.audio.EncodedFixtures.COMMENT;
import static dev.cantor.engine.audio.EncodedFixtures.FRAMES;
import static dev.cantor.engine.audio.EncodedFixtures.FREQUENCY;
import static dev.cantor.engine.audio.EncodedFixtures.GENRE;
import static dev.cantor.engine.audio.EncodedFixtures.RATE;
import static dev.cantor.engine.audio.EncodedFixtures.TITLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * WAV, FLAC, MP3 and Ogg Vorbis files made by the reference encoders decode to the right
 * length, rate, pitch and mono level, and their tags read back.
 */
class AudioFilesTest {

    @TempDir
    static Path dir;
    private static Path wav;
    private static Path flac;
    private static Path mp3;
    private static Path ogg;

    @BeforeAll
    static void encode() throws IOException {
        wav = EncodedFixtures.sineWav(dir);
        flac = EncodedFixtures.flac(wav, "sine.flac", true);
        mp3 = EncodedFixtures.mp3(wav, "sine.mp3", true);
        ogg = EncodedFixtures.ogg(wav, "sine.ogg", true);
    }

    /**
     * Each format with its tolerances: length in samples (MP3 and Vorbis are exact too when the
     * encoder records its delay and padding, which lame and oggenc do) and mono level.
     */
    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("wav", 0, 0.001),
                Arguments.of("flac", 0, 0.001),
                Arguments.of("mp3", 0, 0.03),
                Arguments.of("ogg", 0, 0.02));
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
    @MethodSource("formats")
    void decodesToTheRightLengthRatePitchAndMonoLevel(String format, int lengthTolerance, double levelTolerance)
            throws IOException {
        AudioClip clip = AudioFiles.readMono(file(format), 0);
        assertEquals(RATE, clip.sampleRate());
        assertEquals(FRAMES, clip.length(), lengthTolerance, format + " length");
        float[] x = clip.samples();
        // One second in the middle holds exactly 440 periods.
        double f = EncodedFixtures.frequency(x, RATE / 4, RATE / 4 + RATE, RATE);
        assertEquals(FREQUENCY, f, FREQUENCY * 0.01, format + " pitch");
        double level = EncodedFixtures.amplitude(x, RATE / 4, RATE / 4 + RATE, FREQUENCY, RATE);
        assertEquals((EncodedFixtures.LEFT + EncodedFixtures.RIGHT) / 2, level, levelTolerance,
                format + " mono level (the mean of 0.6 and 0.2)");
        for (float v : x) {
            assertTrue(Float.isFinite(v) && Math.abs(v) <= 1.01f, format + " sample " + v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void maxSecondsReadsOnlyTheStart(String format) throws IOException {
        AudioClip whole = AudioFiles.readMono(file(format), 0);
        AudioClip start = AudioFiles.readMono(file(format), 0.5);
        assertEquals(RATE / 2, start.length());
        assertArrayEquals(Arrays.copyOf(whole.samples(), RATE / 2), start.samples(), 1e-6f);
        assertEquals(FRAMES, AudioFiles.readMono(file(format), 10).length(), "a limit past the end changes nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void resamplesToTheTargetRate(String format) throws IOException {
        AudioClip clip = AudioFiles.readMono(file(format), 32_000, 0);
        assertEquals(32_000, clip.sampleRate());
        assertEquals(48_000, clip.length(), 1);
        assertEquals(FREQUENCY, EncodedFixtures.frequency(clip.samples(), 8000, 40_000, 32_000), FREQUENCY * 0.01);
        assertEquals(clip.length(), AudioLoader.loadMono(file(format), 32_000).length(), "AudioLoader reads it too");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void probeGivesTheDuration(String format) throws IOException {
        assertEquals(EncodedFixtures.SECONDS, AudioFiles.probeSeconds(file(format)), 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void theFormatComesFromTheContentNotTheName(String format) throws IOException {
        Path renamed = dir.resolve("renamed-" + format + ".mp3");
        Files.copy(file(format), renamed);
        assertEquals(FRAMES, AudioFiles.readMono(renamed, 0).length());
    }

    @Test
    void wavLimitsHoldWhateverTheChunkOrder(@TempDir Path own) throws IOException {
        int[] ramp = new int[8000];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i * 4;
        }
        // "data" before "fmt ": legal but unusual, so the quick header look gives up and WavReader reads it all.
        Path dataFirst = own.resolve("data-first.wav");
        Files.write(dataFirst, WavBytes.wave().data(WavBytes.pcm16(ramp)).fmt(WavBytes.PCM, 1, 8000, 16).build());
        AudioClip start = AudioFiles.readMono(dataFirst, 0.25);
        assertEquals(2000, start.length());
        assertEquals(1999 * 4 / 32768f, start.samples()[1999], 1e-6f);
        assertEquals(8000, AudioFiles.readMono(dataFirst, 0).length());
        assertEquals(1.0, AudioFiles.probeSeconds(dataFirst), 1e-9);
    }

    @Test
    void mp3AndVorbisAreGaplessAndAlignedToTheSample(@TempDir Path own) throws IOException {
        Path source = EncodedFixtures.chirpWav(own);
        float[] reference = WavReader.read(source).toMono().samples();
        for (Path encoded : List.of(EncodedFixtures.mp3(source, "chirp.mp3", false),
                EncodedFixtures.ogg(source, "chirp.ogg", false), EncodedFixtures.flac(source, "chirp.flac", false))) {
            float[] decoded = AudioFiles.readMono(encoded, 0).samples();
            assertEquals(reference.length, decoded.length, encoded.getFileName().toString());
            assertEquals(0, EncodedFixtures.bestLag(reference, decoded, 1200), encoded.getFileName() + " offset");
            double quiet = 0;
            for (int i = 0; i < RATE / 5; i++) {
                quiet = Math.max(quiet, Math.abs(decoded[i]));
            }
            assertTrue(quiet < 0.02, encoded.getFileName() + ": the leading silence stays silent, peak " + quiet);
        }
    }

    @Test
    void mp3WithoutAnId3TagAndMonoSourcesWork(@TempDir Path own) throws IOException {
        Path source = EncodedFixtures.chirpWav(own);
        Path plain = EncodedFixtures.mp3(source, "plain.mp3", false);
        assertFalse(FileBytes.matches(Files.readAllBytes(plain), 0, "ID3"));
        AudioClip clip = AudioFiles.readMono(plain, 0);
        assertEquals(FRAMES, clip.length());
        assertTrue(TrackTags.read(plain).isEmpty());
    }

    @Test
    void leadingId3TagsAndPaddingAreSkipped(@TempDir Path own) throws IOException {
        // An ID3v2.4 tag of 290 bytes (syncsafe size 2·128 + 34), all padding, as some taggers put before FLAC too.
        byte[] tag = new byte[10 + 290];
        System.arraycopy("ID3".getBytes(StandardCharsets.ISO_8859_1), 0, tag, 0, 3);
        tag[3] = 4;
        tag[8] = 2;
        tag[9] = 34;
        Path taggedFlac = own.resolve("tagged.flac");
        Files.write(taggedFlac, concat(tag, Files.readAllBytes(flac)));
        assertEquals(FRAMES, AudioFiles.readMono(taggedFlac, 0).length());
        assertEquals(EncodedFixtures.SECONDS, AudioFiles.probeSeconds(taggedFlac), 1e-6);
        Path paddedFlac = own.resolve("padded.flac");
        Files.write(paddedFlac, concat(tag, new byte[64], Files.readAllBytes(flac)));
        assertEquals(FRAMES, AudioFiles.readMono(paddedFlac, 0).length());

        // Two stacked tags, then zero padding before the first MPEG frame.
        byte[] frames = Files.readAllBytes(EncodedFixtures.mp3(wav, "untagged.mp3", false));
        Path padded = own.resolve("padded.mp3");
        Files.write(padded, concat(tag, tag, new byte[700], frames));
        assertArrayEquals(AudioFiles.readMono(mp3, 0).samples(), AudioFiles.readMono(padded, 0).samples());
    }

    @Test
    void mp3WithoutInfoTagKeepsTheCodecDelayAndIsProbedByCountingFrames(@TempDir Path own) throws IOException {
        Path plain = own.resolve("no-info.mp3");
        EncodedFixtures.run(List.of("lame", "--quiet", "-t", wav.toString(), plain.toString()), "lame");
        AudioClip clip = AudioFiles.readMono(plain, 0);
        // Whole frames: encoder delay and padding stay in, about 1 152 + 576 samples more.
        assertEquals(0, clip.length() % 1152);
        assertEquals(FRAMES, clip.length(), 2500);
        assertEquals(clip.seconds(), AudioFiles.probeSeconds(plain), 1e-9);
        assertEquals(FREQUENCY, EncodedFixtures.frequency(clip.samples(), RATE / 4, RATE, RATE), FREQUENCY * 0.01);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void tagsRoundTrip(String format) throws IOException {
        Path file = file(format);
        byte[] before = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        TrackTags tags = TrackTags.read(file);
        if (format.equals("wav")) {
            assertTrue(tags.isEmpty(), "WavWriter writes no tags: " + tags);
            assertEquals(TrackTags.NONE, tags);
        } else {
            assertEquals(new TrackTags(TITLE, ARTIST, ALBUM, GENRE, COMMENT), tags, format);
            assertFalse(tags.isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "reading tags must not change the file");
        assertEquals(modified, Files.getLastModifiedTime(file));
    }

    @Test
    void tagValuesAreTrimmedAndBlankMeansAbsent() {
        TrackTags tags = new TrackTags("  Song ", " ", "", null, "\tnote\n");
        assertEquals("Song", tags.title());
        assertEquals(null, tags.artist());
        assertEquals(null, tags.album());
        assertEquals("note", tags.comment());
        assertFalse(tags.isEmpty());
        assertTrue(new TrackTags(" ", null, "\n", "", null).isEmpty());
    }

    @Test
    void numericId3GenresBecomeNames() {
        assertEquals("Rock", TrackTags.genreName("(17)"));
        assertEquals("Rock", TrackTags.genreName("17"));
        assertEquals("Blues", TrackTags.genreName("0"));
        assertEquals("Hard Rock", TrackTags.genreName("(17)Hard Rock"));
        assertEquals("Remix", TrackTags.genreName("(RX)"));
        assertEquals("Cover", TrackTags.genreName("(CR)"));
        assertEquals("Synthwave", TrackTags.genreName(" Synthwave "));
        assertEquals("(999)", TrackTags.genreName("(999)"));
        assertEquals(null, TrackTags.genreName("  "));
    }

    @Test
    void tagsOfMissingOrNonAudioFilesAreEmpty() throws IOException {
        assertEquals(TrackTags.NONE, TrackTags.read(dir.resolve("nothing-here.mp3")));
        Path text = dir.resolve("notes.flac");
        Files.writeString(text, "just some notes\n");
        assertEquals(TrackTags.NONE, TrackTags.read(text));
        assertEquals(TrackTags.NONE, TrackTags.read(dir));
        assertEquals(TrackTags.NONE, TrackTags.read(null));
    }

    @Test
    void extensions() {
        assertEquals(List.of("wav", "flac", "mp3", "ogg", "oga", "opus", "m4a"), AudioFiles.EXTENSIONS);
        assertTrue(AudioFiles.hasAudioExtension(Path.of("a/b/Song.MP3")));
        assertTrue(AudioFiles.hasAudioExtension(Path.of("take.Flac")));
        assertTrue(AudioFiles.hasAudioExtension(Path.of("x.oga")));
        assertTrue(AudioFiles.hasAudioExtension(Path.of("x.wav")));
        assertTrue(AudioFiles.hasAudioExtension(Path.of("x.opus")));
        assertTrue(AudioFiles.hasAudioExtension(Path.of("Voice Memo.M4A")));
        assertFalse(AudioFiles.hasAudioExtension(Path.of("x.mp4")));
        assertFalse(AudioFiles.hasAudioExtension(Path.of("mp3")));
        assertFalse(AudioFiles.hasAudioExtension(Path.of("x.mp3.txt")));
        assertFalse(AudioFiles.hasAudioExtension(Path.of("/")));
        assertFalse(AudioFiles.hasAudioExtension(null));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
