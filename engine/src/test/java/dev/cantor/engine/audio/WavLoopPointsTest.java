package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.io.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code smpl} chunk a loop's WAV carries, read back by a RIFF parser of the test's own (so a
 * writer and reader sharing one mistake cannot agree on it), and the file still read as audio.
 */
class WavLoopPointsTest {

    @TempDir
    Path dir;

    @Test
    void theSamplerChunkHoldsOneForwardLoopOverTheWholeClip() throws Exception {
        float[] x = tone(32000 * 3 + 7, 32000);
        Path file = dir.resolve("loop.wav");
        WavWriter.write(file, new AudioClip(x, 32000), SampleFormat.PCM_16, AtomicFiles.Replacing.NOTHING,
                LoopPoints.whole(x.length));
        byte[] bytes = Files.readAllBytes(file);
        Map<String, ByteBuffer> chunks = chunks(bytes);
        assertEquals("[fmt , data, smpl]", chunks.keySet().toString(), "the samples first, the loop after them");
        ByteBuffer smpl = chunks.get("smpl");
        assertEquals(60, smpl.remaining());
        assertEquals(0, smpl.getInt(0), "manufacturer");
        assertEquals(0, smpl.getInt(4), "product");
        assertEquals(31250, smpl.getInt(8), "sample period: 1e9 / 32000 ns");
        assertEquals(60, smpl.getInt(12), "MIDI unity note: middle C");
        assertEquals(0, smpl.getInt(16), "pitch fraction");
        assertEquals(1, smpl.getInt(28), "one loop");
        assertEquals(0, smpl.getInt(32), "no sampler-specific data");
        assertEquals(0, smpl.getInt(40), "loop type: forward");
        assertEquals(0, smpl.getInt(44), "loop start");
        assertEquals(x.length - 1, smpl.getInt(48), "loop end: the last sample, inclusive");
        assertEquals(0, smpl.getInt(56), "played forever");
        assertEquals(bytes.length - 8, ByteBuffer.wrap(bytes, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(),
                "the RIFF size counts the new chunk");

        WavAudio read = WavReader.read(file);
        assertEquals(32000, read.sampleRate());
        assertEquals(x.length, read.channels()[0].length);
        float[] plain = WavReader.read(WavWriter.toBytes(new AudioClip(x, 32000), SampleFormat.PCM_16), "plain")
                .channels()[0];
        assertArrayEquals(plain, read.channels()[0], "the same samples as a file without loop points");
    }

    @Test
    void anOddSizedDataChunkIsPaddedBeforeTheSamplerChunkAndFloatFilesCarryItToo() throws Exception {
        float[] x = tone(1001, 44100);                              // 24-bit mono: 3003 data bytes, odd
        byte[] pcm24 = WavWriter.toBytes(new AudioClip(x, 44100), SampleFormat.PCM_24, new LoopPoints(100, 900));
        ByteBuffer smpl = chunks(pcm24).get("smpl");
        assertEquals(22676, smpl.getInt(8), "1e9 / 44100 ns, rounded");
        assertEquals(100, smpl.getInt(44));
        assertEquals(900, smpl.getInt(48));
        assertEquals(1001, WavReader.read(pcm24, "pcm24").channels()[0].length);

        byte[] floats = WavWriter.toBytes(new AudioClip(x, 48000), SampleFormat.FLOAT_32, LoopPoints.whole(1001));
        assertEquals("[fmt , fact, data, smpl]", chunks(floats).keySet().toString());
        assertArrayEquals(x, WavReader.read(floats, "float").channels()[0]);
    }

    @Test
    void loopPointsOutsideTheClipAreRefused() {
        AudioClip clip = new AudioClip(new float[100], 32000);
        assertThrows(IllegalArgumentException.class, () -> WavWriter.toBytes(clip, SampleFormat.PCM_16,
                new LoopPoints(0, 100)));
        assertThrows(IllegalArgumentException.class, () -> new LoopPoints(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoopPoints(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> LoopPoints.whole(0));
        assertEquals(100, LoopPoints.whole(100).frames());
    }

    /** The RIFF chunks of a WAVE file in order, each body little-endian; fails on a size that runs past the end. */
    private static Map<String, ByteBuffer> chunks(byte[] bytes) {
        assertEquals("RIFF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(bytes, 8, 4, StandardCharsets.US_ASCII));
        Map<String, ByteBuffer> chunks = new LinkedHashMap<>();
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            int size = ByteBuffer.wrap(bytes, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            assertTrue(size >= 0 && pos + 8L + size <= bytes.length, id + " runs past the end");
            chunks.put(id, ByteBuffer.wrap(bytes, pos + 8, size).slice().order(ByteOrder.LITTLE_ENDIAN));
            pos += 8 + size + (size & 1);
        }
        assertEquals(bytes.length, pos, "nothing after the last chunk");
        return chunks;
    }

    private static float[] tone(int n, int rate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 330 * i / rate));
        }
        return x;
    }
}
