package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not what their name says, cut short, damaged or in formats Cantor does not
 * read give an AudioFileException naming the file, never an unchecked exception.
 */
class AudioFilesErrorsTest {

    @TempDir
    static Path dir;
    private static byte[] flac;
    private static byte[] mp3;
    private static byte[] ogg;

    @BeforeAll
    static void encode() throws IOException {
        Path wav = EncodedFixtures.sineWav(dir);
        flac = Files.readAllBytes(EncodedFixtures.flac(wav, "sine.flac", true));
        mp3 = Files.readAllBytes(EncodedFixtures.mp3(wav, "sine.mp3", true));
        ogg = Files.readAllBytes(EncodedFixtures.ogg(wav, "sine.ogg", true));
    }

    /** Writes {@code bytes} as {@code name}, reads it, expects failure naming the file and containing each phrase. */
    private static String failure(String name, byte[] bytes, String... phrases) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(file, 0));
        String message = e.getMessage();
        assertTrue(message.contains(name), "message should name the file: " + message);
        for (String phrase : phrases) {
            assertTrue(message.contains(phrase), "expected '" + phrase + "' in: " + message);
        }
        TrackTags.read(file); // never throws, whatever the file holds
        return message;
    }

    @Test
    void textNamedMp3() throws IOException {
        String message = failure("song.mp3", "These are my lyrics, not a song.\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("not an audio file Cantor reads: song.mp3 (it looks like text; Cantor reads WAV, FLAC, MP3,"
                + " Ogg Vorbis, Opus and M4A)", message);
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("empty file: empty.flac (0 bytes)", failure("empty.flac", new byte[0]));
    }

    @Test
    void truncatedFlac() throws IOException {
        failure("cut.flac", Arrays.copyOf(flac, flac.length * 6 / 10), "cut short");
        failure("cut-in-header.flac", Arrays.copyOf(flac, 20), "cut short");
        failure("magic-only.flac", Arrays.copyOf(flac, 4), "cut short");
    }

    @Test
    void truncatedMp3AndOgg() throws IOException {
        failure("cut.mp3", Arrays.copyOf(mp3, mp3.length * 6 / 10), "cut short");
        failure("cut.ogg", Arrays.copyOf(ogg, ogg.length * 6 / 10), "cut short");
        failure("cut-in-header.ogg", Arrays.copyOf(ogg, 200), "cut short");
    }

    @Test
    void aCutFileStillGivesItsIntactStartWhenOnlyTheStartIsAsked() throws IOException {
        Path file = dir.resolve("cut-but-start-wanted.flac");
        Files.write(file, Arrays.copyOf(flac, flac.length * 6 / 10));
        assertEquals(EncodedFixtures.RATE / 4, AudioFiles.readMono(file, 0.25).length());
    }

    @Test
    void damagedFlacFailsItsChecksum() throws IOException {
        byte[] damaged = flac.clone();
        for (int i = damaged.length / 2; i < damaged.length / 2 + 16; i++) {
            damaged[i] ^= 0x5A;
        }
        failure("damaged.flac", damaged, "damaged FLAC");
    }

    @Test
    void otherOggCodecsAreNamed() throws IOException {
        assertEquals("cannot read x.ogg: the file is cut short (it ends inside its Opus headers)",
                failure("x.ogg", oggPage("OpusHead\u0001\u0002\u0038\u0001\u0080\u00bb\0\0\0\0\0")),
                "Opus is read now: a lone header page is a file cut short");
        assertEquals("x.oga is Ogg FLAC, which Cantor does not read (Ogg Vorbis and Ogg Opus only)",
                failure("x.oga", oggPage("\u007fFLAC\u0001\0\0\0fLaC")));
        failure("film.ogg", oggPage("\u0080theora\u0003\u0002\u0001"), "Ogg video");
        failure("odd.ogg", oggPage("something else entirely"), "without Vorbis or Opus audio");
    }

    @Test
    void id3TagWithoutAudio() throws IOException {
        failure("tag-only.mp3", "ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1), "only an ID3 tag");
        failure("tag-then-text.mp3", concat("ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
                "hello there, no audio".getBytes(StandardCharsets.UTF_8)), "ID3 tag but no MP3 audio", "text");
        byte[] cutTag = "ID3\u0004\0\0\0\0\u0010\0abc".getBytes(StandardCharsets.ISO_8859_1);
        failure("cut-tag.mp3", cutTag, "cut short");
    }

    @Test
    void otherFormatsAreNamed() throws IOException {
        failure("clip.mp3", concat(new byte[4], "ftypM4A ".getBytes(StandardCharsets.ISO_8859_1), new byte[40]),
                "cut short or damaged", "MP4 index");
        failure("song.wav", concat("FORM".getBytes(StandardCharsets.ISO_8859_1), new byte[40]), "AIFF");
        failure("tune.flac", concat("MThd".getBytes(StandardCharsets.ISO_8859_1), new byte[20]), "MIDI");
        failure("noise.ogg", new byte[] {1, 2, 3, (byte) 0xFE, 0, 9, 8, 7}, "unknown content");
        failure("riff.mp3", concat("RIFF".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "AVI ".getBytes(StandardCharsets.ISO_8859_1)), "not a WAV file", "AVI");
    }

    @Test
    void missingFilesAndFolders() throws IOException {
        Path missing = dir.resolve("gone.mp3");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> AudioFiles.readMono(missing, 0));
        assertTrue(e.getMessage().contains("gone.mp3") && e.getMessage().contains("no such file"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> AudioFiles.probeSeconds(missing));
        Path folder = Files.createDirectories(dir.resolve("album.flac"));
        AudioFileException f = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(folder, 0));
        assertTrue(f.getMessage().contains("album.flac is a folder"), f.getMessage());
    }

    @Test
    void loadMonoStillRefusesBadTargetRates() {
        assertThrows(IllegalArgumentException.class, () -> AudioFiles.readMono(dir.resolve("x.wav"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.loadMono(dir.resolve("x.wav"), -5));
    }

    /**
     * Random bytes, random bytes behind each format's magic, and real files with bytes changed
     * or cut off: reading, probing and tag reading may fail, but only with an IOException.
     */
    @Test
    void fuzzedFilesOnlyEverFailWithIoExceptions() throws IOException {
        Random random = new Random(20_250_611L);
        List<byte[]> magics = List.of("fLaC".getBytes(StandardCharsets.ISO_8859_1),
                "ID3\u0003\0\0\0\0\0\u0020".getBytes(StandardCharsets.ISO_8859_1),
                new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64},
                Arrays.copyOf(ogg, 58), new byte[0]);
        List<byte[]> seeds = List.of(flac, mp3, ogg);
        String[] extensions = {"flac", "mp3", "ogg", "wav"};
        int failures = 0;
        for (int i = 0; i < 60; i++) {
            byte[] bytes;
            if (i < 30) {
                byte[] noise = new byte[random.nextInt(3000)];
                random.nextBytes(noise);
                bytes = concat(magics.get(i % magics.size()), noise);
            } else {
                bytes = seeds.get(i % seeds.size()).clone();
                for (int m = 0; m < 1 + random.nextInt(40); m++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (random.nextBoolean()) {
                    bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                }
            }
            String name = "fuzz" + i + "." + extensions[i % extensions.length];
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            try {
                AudioClip clip = AudioFiles.readMono(file, 0);
                for (float v : clip.samples()) {
                    assertTrue(Float.isFinite(v), name + " gave " + v);
                }
            } catch (AudioFileException expected) {
                assertTrue(expected.getMessage().contains(name), expected.getMessage());
                failures++;
            } catch (Throwable t) {
                fail(name + " threw " + t, t);
            }
            try {
                AudioFiles.probeSeconds(file);
            } catch (IOException expected) {
                // fine
            } catch (Throwable t) {
                fail(name + " probe threw " + t, t);
            }
            TrackTags.read(file); // must not throw
        }
        assertTrue(failures >= 30, "most fuzzed files should be refused, only " + failures + " were");
    }

    /** One Ogg page (CRC not filled in; the sniffer does not check it) holding {@code packet}. */
    private static byte[] oggPage(String packet) {
        byte[] body = packet.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("OggS".getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);    // version
        out.write(2);    // beginning of stream
        out.writeBytes(new byte[8 + 4 + 4 + 4]); // granule, serial, sequence, CRC
        out.write(1);    // one segment
        out.write(body.length);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
