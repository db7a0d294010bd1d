package dev.cantor.engine.audio;

import static dev.cantor.engine.io.PropertyRunner.forAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.io.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: mutated WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus and M4A files through the front door, {@link
 * AudioFiles}. Each try decodes to finite samples or fails with an {@link AudioFileException}
 * whose message is one line and names the file — never another exception, never out of
 * memory, never a hang. The seeds are made by the reference encoders (as in {@link EncodedFixtures}).
 * M4A goes through FFmpeg, so its property also checks that no damaged file makes FFmpeg hang
 * or print its way into the message.
 */
class AudioFilesFuzzTest {

    private static Path dir;
    private static byte[] wav;
    private static byte[] flac;
    private static byte[] mp3;
    private static byte[] ogg;
    private static byte[] opus;
    private static byte[] m4a;

    @BeforeAll
    static void encode() throws IOException {
        dir = Files.createTempDirectory("audio-fuzz");
        Path sine = EncodedFixtures.sineWav(dir);
        wav = Files.readAllBytes(sine);
        flac = Files.readAllBytes(EncodedFixtures.flac(sine, "s.flac", true));
        mp3 = Files.readAllBytes(EncodedFixtures.mp3(sine, "s.mp3", true));
        ogg = Files.readAllBytes(EncodedFixtures.ogg(sine, "s.ogg", true));
        opus = Files.readAllBytes(EncodedFixtures.opus(sine, "s.opus", true));
        m4a = Files.readAllBytes(EncodedFixtures.m4a(sine, "s.m4a", true, true));
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        Mutations.deleteTree(dir);
    }

    @Test
    void mutatedWav() {
        forAll(Mutations.mutated(List.of(wav)), m -> decodeOrRefuse(m.bytes(), "fuzz.wav"));
    }

    @Test
    void mutatedFlac() {
        forAll(Mutations.mutated(List.of(flac)), m -> decodeOrRefuse(m.bytes(), "fuzz.flac"));
    }

    @Test
    void mutatedMp3() {
        forAll(Mutations.mutated(List.of(mp3)), m -> decodeOrRefuse(m.bytes(), "fuzz.mp3"));
    }

    @Test
    void mutatedOgg() {
        forAll(Mutations.mutated(List.of(ogg)), m -> decodeOrRefuse(m.bytes(), "fuzz.ogg"));
    }

    @Test
    void mutatedOpus() {
        forAll(Mutations.mutated(List.of(opus)), m -> decodeOrRefuse(m.bytes(), "fuzz.opus"));
    }

    @Test
    void mutatedM4a() {
        forAll(Mutations.mutated(List.of(m4a)), m -> decodeOrRefuse(m.bytes(), "fuzz.m4a"));
    }

    private static String decodeOrRefuse(byte[] bytes, String name) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        try {
            AudioClip clip = AudioFiles.readMono(file, 32000, 0);
            for (float v : clip.samples()) {
                assertTrue(Float.isFinite(v), name + " decoded to " + v);
            }
            AudioFiles.readExcerpt(file, 16000, 0.5, 0.5);
            AudioFiles.probeSeconds(file);
            return "read";
        } catch (AudioFileException expected) {
            Mutations.assertCleanMessage(expected);
            assertTrue(expected.getMessage().contains(name), expected.getMessage());
            return "clean errors";
        }
    }
}
