package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WavWriter and AudioLoader against the real file system. */
class WavFilesTest {

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writingOverAnExistingFileReplacesItFullyAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("mix.wav");
        Files.write(target, new byte[100_000]); // bigger than the new file: no stale tail may survive
        float[] x = {0.5f, -0.25f, 0.125f};
        WavWriter.write(target, new AudioClip(x, 32000), SampleFormat.PCM_16);

        assertEquals(44 + 6, Files.size(target));
        assertArrayEquals(x, WavReader.read(target).channels()[0]);
        assertEquals(List.of("mix.wav"), namesIn(dir));

        WavWriter.write(target, new float[][] {x, x}, 48000, SampleFormat.FLOAT_32);
        WavAudio again = WavReader.read(target);
        assertEquals(2, again.channelCount());
        assertEquals(48000, again.sampleRate());
        assertEquals(List.of("mix.wav"), namesIn(dir));
    }

    @Test
    void aRefusedWriteLeavesTheOldFileAndNoTempFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("keep.wav");
        WavWriter.write(target, new AudioClip(new float[] {0.25f}, 8000), SampleFormat.PCM_24);
        byte[] before = Files.readAllBytes(target);
        assertThrows(IllegalArgumentException.class, () -> WavWriter.write(target,
                new AudioClip(new float[] {Float.NaN}, 8000), SampleFormat.PCM_24));
        assertArrayEquals(before, Files.readAllBytes(target));
        assertEquals(List.of("keep.wav"), namesIn(dir));
    }

    @Test
    void writeCreatesMissingFolders(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/c.wav");
        WavWriter.write(target, new AudioClip(new float[8], 8000), SampleFormat.PCM_16);
        assertEquals(8, WavReader.read(target).frames());
    }

    @Test
    void loadMonoMixesDownAndResamples(@TempDir Path dir) throws IOException {
        int rate = 48000;
        float[] left = new float[rate];
        float[] right = new float[rate];
        for (int i = 0; i < rate; i++) {
            left[i] = (float) (0.6 * Math.sin(2 * Math.PI * 500 * i / rate));
            right[i] = (float) (0.2 * Math.sin(2 * Math.PI * 500 * i / rate));
        }
        Path file = dir.resolve("stereo.wav");
        WavWriter.write(file, new float[][] {left, right}, rate, SampleFormat.PCM_24);

        AudioClip clip = AudioLoader.loadMono(file, 32000);
        assertEquals(32000, clip.sampleRate());
        assertEquals(32000, clip.length());
        double peak = 0;
        for (int i = 1000; i < 31000; i++) {
            peak = Math.max(peak, Math.abs(clip.samples()[i]));
        }
        assertEquals(0.4, peak, 0.004); // (0.6 + 0.2) / 2
    }

    @Test
    void loadMonoAtTheFileRateIsExact(@TempDir Path dir) throws IOException {
        float[] x = {0.5f, -0.5f, 0.25f};
        Path file = dir.resolve("same.wav");
        WavWriter.write(file, new AudioClip(x, 32000), SampleFormat.FLOAT_32);
        assertArrayEquals(x, AudioLoader.loadMono(file, 32000).samples());
    }

    @Test
    void loadMonoExplainsUnreadableFiles(@TempDir Path dir) throws IOException {
        Path mp3 = dir.resolve("song.mp3");
        Files.write(mp3, "ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        AudioFileException e = assertThrows(AudioFileException.class, () -> AudioLoader.loadMono(mp3, 32000));
        assertEquals("cannot read song.mp3: it holds only an ID3 tag, no audio", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AudioLoader.loadMono(mp3, 0));
    }

    @Test
    void sampleFormatParsesCommonSpellings() {
        assertEquals(SampleFormat.PCM_16, SampleFormat.parse("16"));
        assertEquals(SampleFormat.PCM_16, SampleFormat.parse(" 16-bit "));
        assertEquals(SampleFormat.PCM_24, SampleFormat.parse("24"));
        assertEquals(SampleFormat.PCM_24, SampleFormat.parse("PCM_24"));
        assertEquals(SampleFormat.FLOAT_32, SampleFormat.parse("32f"));
        assertEquals(SampleFormat.FLOAT_32, SampleFormat.parse("Float"));
        assertEquals(SampleFormat.FLOAT_32, SampleFormat.parse("float32"));
        IllegalArgumentException ambiguous = assertThrows(IllegalArgumentException.class,
                () -> SampleFormat.parse("32"));
        assertTrue(ambiguous.getMessage().contains("32f"), ambiguous.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleFormat.parse("mp3"));
        assertThrows(IllegalArgumentException.class, () -> SampleFormat.parse(null));
        assertEquals(3, SampleFormat.PCM_24.bytesPerSample());
        assertTrue(SampleFormat.FLOAT_32.isFloat());
    }

    @Test
    void groupedNumbersUseSpaces() {
        assertEquals("0", AudioFileException.grouped(0));
        assertEquals("999", AudioFileException.grouped(999));
        assertEquals("1 000", AudioFileException.grouped(1000));
        assertEquals("12 345 678", AudioFileException.grouped(12_345_678));
        assertEquals("-1 000 000", AudioFileException.grouped(-1_000_000));
    }
}
