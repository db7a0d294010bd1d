package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.WavBytes.EXTENSIBLE;
import static dev.cantor.engine.audio.WavBytes.FLOAT;
import static dev.cantor.engine.audio.WavBytes.PCM;
import static dev.cantor.engine.audio.WavBytes.float32;
import static dev.cantor.engine.audio.WavBytes.float64;
import static dev.cantor.engine.audio.WavBytes.pcm16;
import static dev.cantor.engine.audio.WavBytes.pcm24;
import static dev.cantor.engine.audio.WavBytes.pcm32;
import static dev.cantor.engine.audio.WavBytes.u8;
import static dev.cantor.engine.audio.WavBytes.wave;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-built files for each encoding and layout the reader claims to support. */
class WavReaderFormatsTest {

    @Test
    void eightBitIsUnsignedWith128AsSilence() throws Exception {
        byte[] file = wave().fmt(PCM, 1, 8000, 8).data(u8(0, 128, 255, 64, 192)).build();
        WavAudio audio = WavReader.read(file, "u8.wav");
        assertEquals(8, audio.bitsPerSample());
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128f, -0.5f, 0.5f}, audio.channels()[0]);
    }

    @Test
    void sixteenBitSigned() throws Exception {
        byte[] file = wave().fmt(PCM, 1, 22050, 16).data(pcm16(-32768, 0, 16384, 32767)).build();
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, 32767f / 32768f},
                WavReader.read(file, "s16.wav").channels()[0]);
    }

    @Test
    void thirtyTwoBitIntegerPcm() throws Exception {
        byte[] file = wave().fmt(PCM, 1, 48000, 32)
                .data(pcm32(Integer.MIN_VALUE, 0, 0x4000_0000, -0x2000_0000, Integer.MAX_VALUE)).build();
        WavAudio audio = WavReader.read(file, "s32.wav");
        assertEquals(32, audio.bitsPerSample());
        assertEquals(WavAudio.Encoding.PCM, audio.encoding());
        assertArrayEquals(new float[] {-1f, 0f, 0.5f, -0.25f, 1f}, audio.channels()[0], 1e-7f);
    }

    @Test
    void float64IsNarrowedToFloat() throws Exception {
        byte[] file = wave().fmt(FLOAT, 1, 44100, 64).data(float64(0.25, -0.75, 1.5, 1e-3)).build();
        WavAudio audio = WavReader.read(file, "f64.wav");
        assertEquals(64, audio.bitsPerSample());
        assertEquals(WavAudio.Encoding.FLOAT, audio.encoding());
        assertArrayEquals(new float[] {0.25f, -0.75f, 1.5f, 1e-3f}, audio.channels()[0]);
    }

    @Test
    void extensibleWithPcmSubformat() throws Exception {
        // Stereo 24-bit, interleaved L R L R.
        byte[] file = wave().fmtExtensible(2, 96000, 24, PCM)
                .data(pcm24(0x40_0000, -0x80_0000, 0, 0x20_0000)).build();
        WavAudio audio = WavReader.read(file, "ext24.wav");
        assertEquals(2, audio.channelCount());
        assertEquals(96000, audio.sampleRate());
        assertEquals(WavAudio.Encoding.PCM, audio.encoding());
        assertArrayEquals(new float[] {0.5f, 0f}, audio.channels()[0]);
        assertArrayEquals(new float[] {-1f, 0.25f}, audio.channels()[1]);
    }

    @Test
    void extensibleWithFloatSubformat() throws Exception {
        byte[] file = wave().fmtExtensible(1, 48000, 32, FLOAT).data(float32(0.1f, -0.9f, 2f)).build();
        WavAudio audio = WavReader.read(file, "extf.wav");
        assertEquals(WavAudio.Encoding.FLOAT, audio.encoding());
        assertArrayEquals(new float[] {0.1f, -0.9f, 2f}, audio.channels()[0]);
    }

    @Test
    void stereoMixdownAverages() throws Exception {
        byte[] file = wave().fmt(FLOAT, 2, 44100, 32)
                .data(float32(0.5f, -0.5f, 0.5f, 0.25f, 1f, 1f)).build();
        AudioClip mono = WavReader.read(file, "st.wav").toMono();
        assertEquals(44100, mono.sampleRate());
        assertArrayEquals(new float[] {0f, 0.375f, 1f}, mono.samples());
    }

    @Test
    void sixChannelMixdownAverages() throws Exception {
        // Frame 0: 0.1..0.6 (mean 0.35); frame 1: five silent channels and one at 0.6 (mean 0.1).
        byte[] file = wave().fmt(FLOAT, 6, 48000, 32)
                .data(float32(0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0f, 0f, 0f, 0f, 0f, 0.6f)).build();
        WavAudio audio = WavReader.read(file, "51.wav");
        assertEquals(6, audio.channelCount());
        assertArrayEquals(new float[] {0.6f, 0.6f}, audio.channels()[5]);
        assertArrayEquals(new float[] {0.35f, 0.1f}, audio.toMono().samples(), 1e-7f);
    }

    @Test
    void monoMixdownIsACopy() throws Exception {
        WavAudio audio = WavReader.read(wave().fmt(PCM, 1, 8000, 16).data(pcm16(100, 200)).build(), "m.wav");
        AudioClip mono = audio.toMono();
        mono.samples()[0] = 42f;
        assertEquals(100f / 32768f, audio.channels()[0][0]);
    }

    @Test
    void oddSizedUnknownChunksAreSkippedWithTheirPadByte() throws Exception {
        // 'junk' of 3 bytes is followed by a pad byte; misreading it would shift every sample.
        byte[] file = wave()
                .chunk("LIST", "INFOISFT\u0005\0\0\0Lavf\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))
                .fmt(PCM, 1, 8000, 16)
                .chunk("junk", new byte[] {1, 2, 3})
                .chunk("fact", pcm32(3))
                .data(pcm16(1000, -2000, 3000))
                .build();
        assertArrayEquals(new float[] {1000 / 32768f, -2000 / 32768f, 3000 / 32768f},
                WavReader.read(file, "chunks.wav").channels()[0]);
    }

    @Test
    void dataBeforeFmtIsAccepted() throws Exception {
        byte[] file = wave().data(pcm16(5, 6)).fmt(PCM, 1, 8000, 16).build();
        assertArrayEquals(new float[] {5 / 32768f, 6 / 32768f}, WavReader.read(file, "late.wav").channels()[0]);
    }

    @Test
    void uncommonRateIsKept() throws Exception {
        byte[] file = wave().fmt(PCM, 1, 11025, 16).data(pcm16(new int[11025])).build();
        WavAudio audio = WavReader.read(file, "11k.wav");
        assertEquals(11025, audio.sampleRate());
        assertEquals(1.0, audio.seconds(), 1e-12);
    }

    @Test
    void fmtChunkWithCbSizeIsAccepted() throws Exception {
        ByteBuffer fmt = WavBytes.le(18).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16).putShort((short) 0);
        byte[] file = wave().chunk("fmt ", fmt.array()).data(pcm16(7)).build();
        assertEquals(1, WavReader.read(file, "cb.wav").frames());
    }

    @Test
    void trailingPartialFrameAndTrailingJunkAreIgnored() throws Exception {
        byte[] data = Arrays.copyOf(pcm16(10, 20, 30, 40), 9); // two stereo frames plus one stray byte
        byte[] file = wave().fmt(PCM, 2, 8000, 16).data(data).build();
        byte[] withJunk = Arrays.copyOf(file, file.length + 5);
        WavAudio audio = WavReader.read(withJunk, "stray.wav");
        assertEquals(2, audio.frames());
        assertArrayEquals(new float[] {20 / 32768f, 40 / 32768f}, audio.channels()[1]);
    }

    @Test
    void rf64WithSizesInTheDs64Chunk() throws Exception {
        byte[] samples = pcm16(1, 2, 3);
        ByteBuffer ds64 = WavBytes.le(28).putLong(0).putLong(samples.length).putLong(3).putInt(0);
        byte[] file = wave().magic("RF64").chunk("ds64", ds64.array()).fmt(PCM, 1, 8000, 16)
                .chunkClaiming("data", 0xFFFF_FFFFL, samples).build();
        assertArrayEquals(new float[] {1 / 32768f, 2 / 32768f, 3 / 32768f},
                WavReader.read(file, "big.rf64").channels()[0]);
    }
}
