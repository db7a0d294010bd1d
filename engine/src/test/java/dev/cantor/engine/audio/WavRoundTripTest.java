package dev.cantor.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WavRoundTripTest {

    private static float[] testSignal(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.6 * Math.sin(2 * Math.PI * 440 * i / 48000.0) + 0.4 * (random.nextDouble() * 2 - 1));
        }
        x[0] = 1f;
        x[1] = -1f;
        x[2] = 0f;
        return x;
    }

    private static float maxError(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    @Test
    void pcm16RoundTripIsWithinOneQuantizationStep() throws Exception {
        float[] x = testSignal(5000, 1);
        WavAudio back = WavReader.read(WavWriter.toBytes(new AudioClip(x, 48000), SampleFormat.PCM_16), "t.wav");
        assertEquals(48000, back.sampleRate());
        assertEquals(16, back.bitsPerSample());
        assertEquals(WavAudio.Encoding.PCM, back.encoding());
        assertTrue(maxError(x, back.channels()[0]) <= 1.0f / 32768 + 1e-7f);
    }

    @Test
    void pcm24RoundTripIsWithinOneQuantizationStep() throws Exception {
        float[] x = testSignal(5000, 2);
        WavAudio back = WavReader.read(WavWriter.toBytes(new AudioClip(x, 44100), SampleFormat.PCM_24), "t.wav");
        assertEquals(24, back.bitsPerSample());
        float err = maxError(x, back.channels()[0]);
        assertTrue(err <= 1.0f / 8388608 + 1e-7f, "max error " + err);
    }

    @Test
    void float32RoundTripIsExactIncludingValuesBeyondFullScale() throws Exception {
        float[] x = testSignal(3000, 3);
        x[10] = 1.75f;
        x[11] = -3.5f;
        WavAudio back = WavReader.read(WavWriter.toBytes(new AudioClip(x, 32000), SampleFormat.FLOAT_32), "t.wav");
        assertEquals(WavAudio.Encoding.FLOAT, back.encoding());
        assertArrayEquals(x, back.channels()[0]);
    }

    @Test
    void pcmClipsInsteadOfWrappingAround() throws Exception {
        float[] x = {1.5f, -2f, 1f, -1f, 1e9f, -1e9f};
        byte[] bytes = WavWriter.toBytes(new AudioClip(x, 8000), SampleFormat.PCM_16);
        ByteBuffer data = ByteBuffer.wrap(bytes, 44, 12).order(ByteOrder.LITTLE_ENDIAN);
        short[] raw = new short[6];
        data.asShortBuffer().get(raw);
        assertArrayEquals(new short[] {32767, -32768, 32767, -32768, 32767, -32768}, raw);

        float[] back = WavReader.read(WavWriter.toBytes(new AudioClip(x, 8000), SampleFormat.PCM_24), "t.wav")
                .channels()[0];
        assertEquals(8388607f / 8388608f, back[0]);
        assertEquals(-1f, back[1]);
        assertEquals(8388607f / 8388608f, back[4]);
        assertEquals(-1f, back[5]);
    }

    @Test
    void pcmRoundsToTheNearestStep() {
        assertEquals(1, WavWriter.quantize(0.6f / 32768, 32768));
        assertEquals(0, WavWriter.quantize(0.4f / 32768, 32768));
        assertEquals(-1, WavWriter.quantize(-0.6f / 32768, 32768));
        assertEquals(0, WavWriter.quantize(-0.4f / 32768, 32768));
    }

    @Test
    void pcmHeaderIsThePlain44ByteLayout() {
        byte[] bytes = WavWriter.toBytes(new AudioClip(new float[10], 22050), SampleFormat.PCM_16);
        assertEquals(44 + 20, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(bytes, 0));
        assertEquals(bytes.length - 8, b.getInt(4));
        assertEquals("fmt ", ascii(bytes, 12));
        assertEquals(16, b.getInt(16));
        assertEquals(1, b.getShort(20));
        assertEquals(22050, b.getInt(24));
        assertEquals(44100, b.getInt(28));
        assertEquals("data", ascii(bytes, 36));
        assertEquals(20, b.getInt(40));
    }

    @Test
    void floatHeaderHasFormatTag3AndAFactChunk() {
        byte[] bytes = WavWriter.toBytes(new float[][] {new float[7], new float[7]}, 48000, SampleFormat.FLOAT_32);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(18, b.getInt(16));
        assertEquals(3, b.getShort(20));
        assertEquals(2, b.getShort(22));
        assertEquals(32, b.getShort(34));
        assertEquals("fact", ascii(bytes, 38));
        assertEquals(7, b.getInt(46), "fact chunk holds the frame count");
        assertEquals("data", ascii(bytes, 50));
        assertEquals(56, b.getInt(54));
        assertEquals(58 + 56, bytes.length);
        assertEquals(bytes.length - 8, b.getInt(4));
    }

    @Test
    void oddSizedDataGetsAPadByteAndStillReads() throws Exception {
        float[] x = {0.25f, -0.5f, 0.125f};
        byte[] bytes = WavWriter.toBytes(new AudioClip(x, 16000), SampleFormat.PCM_24);
        assertEquals(44 + 9 + 1, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(9, b.getInt(40), "data size excludes the pad byte");
        assertEquals(bytes.length - 8, b.getInt(4), "RIFF size includes it");
        assertArrayEquals(x, WavReader.read(bytes, "odd.wav").channels()[0]);
    }

    @Test
    void multichannelKeepsChannelsApart() throws Exception {
        float[][] channels = {testSignal(400, 4), testSignal(400, 5), new float[400]};
        Arrays.fill(channels[2], -0.25f);
        WavAudio back = WavReader.read(WavWriter.toBytes(channels, 96000, SampleFormat.PCM_24), "t.wav");
        assertEquals(3, back.channelCount());
        assertEquals(400, back.frames());
        for (int c = 0; c < 3; c++) {
            assertTrue(maxError(channels[c], back.channels()[c]) <= 1.0f / 8388608 + 1e-7f);
        }
    }

    @Test
    void nonFiniteInputIsRefused() {
        float[] x = {0f, Float.NaN};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WavWriter.toBytes(new AudioClip(x, 8000), SampleFormat.FLOAT_32));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WavWriter.toBytes(
                new AudioClip(new float[] {Float.POSITIVE_INFINITY}, 8000), SampleFormat.PCM_16));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.toBytes(
                new float[][] {new float[3], new float[4]}, 8000, SampleFormat.PCM_16));
    }

    @Test
    void emptyClipWritesAValidHeaderThatReadsAsEmpty() {
        byte[] bytes = WavWriter.toBytes(new AudioClip(new float[0], 8000), SampleFormat.PCM_16);
        assertEquals(44, bytes.length);
        AudioFileException e = assertThrows(AudioFileException.class, () -> WavReader.read(bytes, "silence.wav"));
        assertTrue(e.getMessage().startsWith("empty WAV"), e.getMessage());
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.US_ASCII);
    }
}
