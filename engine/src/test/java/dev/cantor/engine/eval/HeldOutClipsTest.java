package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.ProgressListener;
import dev.cantor.engine.audio.AudioFileException;
import dev.cantor.engine.audio.EncodedFixtures;
import dev.cantor.engine.audio.SampleFormat;
import dev.cantor.engine.audio.WavWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus folder gives its clips whole; a folder of recordings gives the middle ten seconds of each. */
class HeldOutClipsTest {

    private static final int FILE_RATE = 44_100;
    private static final int MODEL_RATE = 32_000;

    /** A stereo WAV whose pitch steps up every second (200 Hz + 50 Hz per second), so an excerpt shows where it began. */
    private static Path steps(Path file, double seconds) throws IOException {
        float[] x = new float[(int) (FILE_RATE * seconds)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            phase += 2 * Math.PI * hzAt(i / FILE_RATE) / FILE_RATE;
            x[i] = (float) (0.4 * Math.sin(phase));
        }
        WavWriter.write(file, new float[][] {x, x}, FILE_RATE, SampleFormat.PCM_16);
        return file;
    }

    private static double hzAt(int second) {
        return 200 + 50 * second;
    }

    private static double openingHz(float[] clip) {
        return EncodedFixtures.frequency(clip, MODEL_RATE / 20, MODEL_RATE / 2, MODEL_RATE);
    }

    @Test
    void recordingsGiveTenSecondsFromTheirMiddleAndUnreadableFilesAreListed(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("music"));
        Path sources = Files.createDirectories(dir.resolve("sources"));
        steps(data.resolve("a-long.wav"), 25);
        Path flac = EncodedFixtures.flac(steps(sources.resolve("b.wav"), 16), "b-middle.flac", false);
        Files.move(flac, data.resolve("b-middle.flac"));
        Path ogg = EncodedFixtures.ogg(steps(sources.resolve("c.wav"), 3), "c-short.ogg", false);
        Files.move(ogg, data.resolve("c-short.ogg"));
        Files.writeString(data.resolve("d-broken.mp3"), "not really an mp3");
        Files.writeString(data.resolve("notes.txt"), "ignored: not audio");
        steps(data.resolve(".hidden.wav"), 1);

        HeldOutClips loaded = HeldOutClips.load(data, MODEL_RATE, 0, ProgressListener.NONE);

        assertEquals(3, loaded.clips().size(), "the long WAV, the FLAC and the short Ogg");
        float[] a = loaded.clips().get(0);
        float[] b = loaded.clips().get(1);
        float[] c = loaded.clips().get(2);
        assertEquals(10 * MODEL_RATE, a.length, 1);
        assertEquals(10 * MODEL_RATE, b.length, 1);
        assertEquals(3 * MODEL_RATE, c.length, 1, "a file under ten seconds is taken whole");
        // 25 s: the excerpt starts at 7.5 s (second 7); 16 s: at 3 s (second 3); the short one at 0
        assertEquals(hzAt(7), openingHz(a), 2);
        assertEquals(hzAt(3), openingHz(b), 2);
        assertEquals(hzAt(0), openingHz(c), 2);
        assertEquals(1, loaded.skipped().size());
        assertTrue(loaded.skipped().get(0).contains("d-broken.mp3"), loaded.skipped().get(0));

        assertEquals(2, HeldOutClips.load(data, MODEL_RATE, 2, ProgressListener.NONE).clips().size(), "--max-clips");
    }

    @Test
    void aCorpusFolderGivesItsListedClipsWhole(@TempDir Path dir) throws IOException {
        steps(dir.resolve("x.wav"), 12);
        steps(dir.resolve("y.wav"), 2);
        steps(dir.resolve("unlisted.wav"), 1);
        String labels = "\"tempo_bpm\": 90, \"seconds\": 0, \"sample_rate\": 44100, \"seed\": 1, \"clip_index\": 0,"
                + " \"has_drums\": false";
        Files.writeString(dir.resolve("manifest.jsonl"), "{\"file\": \"y.wav\", \"caption\": \"two seconds\", " + labels
                + "}\n{\"file\": \"x.wav\", \"caption\": \"twelve seconds\", " + labels + "}\n");

        HeldOutClips loaded = HeldOutClips.load(dir, MODEL_RATE, 0, ProgressListener.NONE);

        assertEquals(2, loaded.clips().size());
        assertEquals(2 * MODEL_RATE, loaded.clips().get(0).length, 1, "manifest order");
        assertEquals(12 * MODEL_RATE, loaded.clips().get(1).length, 1, "whole, not a ten-second excerpt");
        assertEquals(hzAt(0), openingHz(loaded.clips().get(1)), 2);
        assertTrue(loaded.skipped().isEmpty());
    }

    @Test
    void aFolderWithNothingReadableIsRefusedNamingWhatIsWrong(@TempDir Path dir) throws IOException {
        IOException empty = assertThrows(IOException.class, () -> HeldOutClips.load(dir, MODEL_RATE, 0,
                ProgressListener.NONE));
        assertTrue(empty.getMessage().contains("no audio files"), empty.getMessage());

        Files.writeString(dir.resolve("song.ogg"), "text, not Ogg");
        AudioFileException broken = assertThrows(AudioFileException.class, () -> HeldOutClips.load(dir, MODEL_RATE,
                0, ProgressListener.NONE));
        assertTrue(broken.getMessage().contains("song.ogg"), broken.getMessage());
        assertTrue(broken.getMessage().lines().count() == 1, broken.getMessage());
    }

    @Test
    void aSilentRecordingIsListedAndLeftOut(@TempDir Path dir) throws IOException {
        steps(dir.resolve("a-music.wav"), 3);
        float[] hush = new float[2 * FILE_RATE];
        for (int i = 0; i < hush.length; i++) {
            hush[i] = (float) (1e-5 * Math.sin(i * 0.05));          // about −103 dBFS
        }
        WavWriter.write(dir.resolve("b-silence.wav"), new float[][] {hush}, FILE_RATE, SampleFormat.FLOAT_32);

        HeldOutClips loaded = HeldOutClips.load(dir, MODEL_RATE, 0, ProgressListener.NONE);

        assertEquals(1, loaded.clips().size());
        assertEquals(1, loaded.skipped().size());
        assertTrue(loaded.skipped().get(0).contains("b-silence.wav") && loaded.skipped().get(0).contains("silent"),
                loaded.skipped().get(0));
    }
}
