package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.io.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 24: mutated WAV, FLAC, MP3 and Ogg Vorbis files through the front door, {@link
 * AudioFiles}. Each try decodes to finite samples or fails with an {@link AudioFileException}
 * whose message is one line and names the file — never another exception, never out of
 * memory, never a hang. The seeds are made by the reference encoders (as in {@link EncodedFixtures}).
 */
class AudioFilesFuzzTest {

    private static final Mutations.Tally WAV = new Mutations.Tally("WAV");
    private static final Mutations.Tally FLAC = new Mutations.Tally("FLAC");
    private static final Mutations.Tally MP3 = new Mutations.Tally("MP3");
    private static final Mutations.Tally OGG = new Mutations.Tally("Ogg Vorbis");
    private static Path dir;
    private static byte[] wav;
    private static byte[] flac;
    private static byte[] mp3;
    private static byte[] ogg;

    @BeforeContainer
    static void encode() throws IOException {
        dir = Files.createTempDirectory("audio-fuzz");
        Path sine = EncodedFixtures.sineWav(dir);
        wav = Files.readAllBytes(sine);
        flac = Files.readAllBytes(EncodedFixtures.flac(sine, "s.flac", true));
        mp3 = Files.readAllBytes(EncodedFixtures.mp3(sine, "s.mp3", true));
        ogg = Files.readAllBytes(EncodedFixtures.ogg(sine, "s.ogg", true));
    }

    @AfterContainer
    static void report() throws IOException {
        for (Mutations.Tally t : List.of(WAV, FLAC, MP3, OGG)) {
            t.print();
        }
        Mutations.deleteTree(dir);
    }

    @Provide
    Arbitrary<byte[]> wavs() {
        return Mutations.mutated(List.of(wav));
    }

    @Provide
    Arbitrary<byte[]> flacs() {
        return Mutations.mutated(List.of(flac));
    }

    @Provide
    Arbitrary<byte[]> mp3s() {
        return Mutations.mutated(List.of(mp3));
    }

    @Provide
    Arbitrary<byte[]> oggs() {
        return Mutations.mutated(List.of(ogg));
    }

    @Property
    void mutatedWav(@ForAll("wavs") byte[] bytes) throws IOException {
        decodeOrRefuse(bytes, "fuzz.wav", WAV);
    }

    @Property
    void mutatedFlac(@ForAll("flacs") byte[] bytes) throws IOException {
        decodeOrRefuse(bytes, "fuzz.flac", FLAC);
    }

    @Property
    void mutatedMp3(@ForAll("mp3s") byte[] bytes) throws IOException {
        decodeOrRefuse(bytes, "fuzz.mp3", MP3);
    }

    @Property
    void mutatedOgg(@ForAll("oggs") byte[] bytes) throws IOException {
        decodeOrRefuse(bytes, "fuzz.ogg", OGG);
    }

    private static void decodeOrRefuse(byte[] bytes, String name, Mutations.Tally tally) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        assertTimeoutPreemptively(Mutations.TRY_LIMIT, () -> {
            try {
                AudioClip clip = AudioFiles.readMono(file, 32000, 0);
                for (float v : clip.samples()) {
                    assertTrue(Float.isFinite(v), name + " decoded to " + v);
                }
                AudioFiles.readExcerpt(file, 16000, 0.5, 0.5);
                tally.read();
            } catch (AudioFileException expected) {
                Mutations.assertCleanMessage(expected);
                assertTrue(expected.getMessage().contains(name), expected.getMessage());
                tally.refused();
            }
        });
    }
}
