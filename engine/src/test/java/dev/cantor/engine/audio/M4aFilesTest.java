package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.EncodedFixtures.FREQUENCY;
import static dev.cantor.engine.audio.EncodedFixtures.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * M4A (AAC in MP4) through {@link AudioFiles}: decoded by FFmpeg when it is there (scripts/setup.sh
 * --tests installs it, so CI takes the real path), refused with "install ffmpeg to read M4A" when
 * it is not; an FFmpeg that hangs is stopped, and an interrupted reader stops it too.
 */
class M4aFilesTest {

    @TempDir
    static Path dir;
    private static Path m4a;
    private static Path indexFirst;

    @BeforeAll
    static void encode() throws IOException {
        Path wav = EncodedFixtures.sineWav(dir);
        m4a = EncodedFixtures.m4a(wav, "sine.m4a", true, false);
        indexFirst = EncodedFixtures.m4a(wav, "sine-faststart.m4a", false, true);
    }

    @Test
    void decodesToTheRightRatePitchLengthAndMonoLevel() throws IOException {
        for (Path file : List.of(m4a, indexFirst)) {
            AudioClip clip = AudioFiles.readMono(file, 0);
            assertEquals(RATE, clip.sampleRate(), "the file's own rate");
            // FFmpeg's AAC encoder pads the end by up to a frame (1024 samples) and records no exact length
            assertEquals(EncodedFixtures.FRAMES, clip.length(), 1024, "length");
            float[] x = clip.samples();
            assertEquals(FREQUENCY, EncodedFixtures.frequency(x, RATE / 4, RATE * 5 / 4, RATE), FREQUENCY * 0.01);
            double level = EncodedFixtures.amplitude(x, RATE / 4, RATE * 5 / 4, FREQUENCY, RATE);
            assertEquals((EncodedFixtures.LEFT + EncodedFixtures.RIGHT) / 2, level, 0.03,
                    "the mean of the channels (0.6 and 0.2), not FFmpeg's own mono mix");
        }
    }

    @Test
    void limitsExcerptsProbeAndTags() throws IOException {
        AudioClip whole = AudioFiles.readMono(m4a, 0);
        AudioClip start = AudioFiles.readMono(m4a, 0.5);
        assertEquals(RATE / 2, start.length());
        assertArrayEquals(Arrays.copyOf(whole.samples(), RATE / 2), start.samples(), 1e-6f);
        AudioClip middle = AudioFiles.readExcerpt(m4a, RATE, 0.5, 0.25);
        assertEquals(RATE / 4, middle.length());
        int lag = EncodedFixtures.bestLag(Arrays.copyOfRange(whole.samples(), RATE / 2, RATE * 3 / 4),
                middle.samples(), 200);
        assertTrue(Math.abs(lag) <= 2, "the excerpt starts where asked (lag " + lag + ")");
        assertEquals(EncodedFixtures.SECONDS, AudioFiles.probeSeconds(m4a), 0.03, "from the movie header");
        AudioFileException past = assertThrows(AudioFileException.class, () -> AudioFiles.readExcerpt(m4a, RATE, 5, 1));
        assertEquals("cannot read sine.m4a from 5.0 s on: it ends before that", past.getMessage());
        TrackTags tags = TrackTags.read(m4a);
        assertEquals(EncodedFixtures.TITLE, tags.title());
        assertEquals(EncodedFixtures.ARTIST, tags.artist());
    }

    @Test
    void withoutFfmpegTheReasonSaysToInstallIt() throws IOException {
        FfmpegDecoder none = new FfmpegDecoder(null, FfmpegDecoder.BASE_TIMEOUT);
        assertFalse(none.installed());
        AudioFileException e = assertThrows(AudioFileException.class, () -> none.read(m4a, "sine.m4a", 0, 0));
        assertTrue(e.getMessage().startsWith("cannot read sine.m4a: ") && e.getMessage().contains("install ffmpeg to "
                + "read M4A"), e.getMessage());

        String before = System.getProperty(FfmpegDecoder.PROGRAM_PROPERTY);
        System.setProperty(FfmpegDecoder.PROGRAM_PROPERTY, dir.resolve("no-such-ffmpeg").toString());
        try {
            AudioFileException front = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(m4a, 0));
            assertTrue(front.getMessage().contains("install ffmpeg to read M4A"), front.getMessage());
            assertEquals(EncodedFixtures.SECONDS, AudioFiles.probeSeconds(m4a), 0.03, "the length needs no FFmpeg");
        } finally {
            if (before == null) {
                System.clearProperty(FfmpegDecoder.PROGRAM_PROPERTY);
            } else {
                System.setProperty(FfmpegDecoder.PROGRAM_PROPERTY, before);
            }
        }
    }

    @Test
    void anFfmpegThatHangsIsStopped(@TempDir Path own) throws IOException {
        FfmpegDecoder hanging = new FfmpegDecoder(sleeper(own), Duration.ofSeconds(1));
        AudioFileException e = assertThrows(AudioFileException.class, () -> hanging.read(m4a, "sine.m4a", 0, 0));
        assertTrue(e.getMessage().contains("did not finish") && e.getMessage().contains("stopped it"), e.getMessage());
    }

    @Test
    void interruptingTheReaderStopsFfmpeg(@TempDir Path own) throws Exception {
        FfmpegDecoder hanging = new FfmpegDecoder(sleeper(own), Duration.ofMinutes(5));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                hanging.read(m4a, "sine.m4a", 0, 0);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        reader.start();
        Thread.sleep(300);
        reader.interrupt();
        reader.join(60_000);
        assertFalse(reader.isAlive(), "the read returned");
        assertTrue(outcome.get() instanceof InterruptedIOException, String.valueOf(outcome.get()));
    }

    @Test
    void damageAndMissingPartsAreReported() throws IOException {
        byte[] bytes = Files.readAllBytes(m4a);
        Path cut = Files.write(dir.resolve("cut.m4a"), Arrays.copyOf(bytes, bytes.length / 2));
        String cutMessage = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(cut, 0)).getMessage();
        assertTrue(cutMessage.startsWith("cannot read cut.m4a: the file is cut short"), cutMessage);

        byte[] noisy = bytes.clone();
        Random random = new Random(1);
        for (int i = 0; i < 30; i++) {
            noisy[2000 + random.nextInt(bytes.length / 2)] = (byte) random.nextInt(256);
        }
        Path damaged = Files.write(dir.resolve("damaged.m4a"), noisy);
        String message = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(damaged, 0)).getMessage();
        assertTrue(message.startsWith("cannot read damaged.m4a: the M4A/AAC data is damaged"), message);
        assertFalse(message.contains("\n") || message.contains("@ 0x"), message);
    }

    @Test
    void aVideoWithoutSoundHasNoAudioTrack(@TempDir Path own) throws IOException {
        Path video = own.resolve("silent-film.mp4");
        EncodedFixtures.run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i",
                "color=c=black:s=16x16:d=0.5", "-c:v", "mpeg4", video.toString()), "ffmpeg");
        assertEquals("cannot read silent-film.mp4: it has no audio track",
                assertThrows(AudioFileException.class, () -> AudioFiles.readMono(video, 0)).getMessage());
    }

    @Test
    void picturesInMp4BoxesAreNotTakenForAudio(@TempDir Path own) throws IOException {
        byte[] heif = new byte[64];
        byte[] head = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, heif, 0, head.length);
        Path photo = Files.write(own.resolve("photo.m4a"), heif);
        String message = assertThrows(AudioFileException.class, () -> AudioFiles.readMono(photo, 0)).getMessage();
        assertTrue(message.startsWith("not an audio file Cantor reads: photo.m4a (it looks like an image"), message);
    }

    /** A stand-in "ffmpeg" that never answers: a shell script that sleeps. */
    private static Path sleeper(Path folder) throws IOException {
        Path script = folder.resolve("ffmpeg");
        Files.writeString(script, "#!/bin/sh\nexec sleep 600\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
