package dev.cantor.engine.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAV files byte by byte for tests, including deliberately broken ones. */
final class WavBytes {

    static final int PCM = 1;
    static final int ADPCM = 2;
    static final int FLOAT = 3;
    static final int ALAW = 6;
    static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String magic = "RIFF";
    private String form = "WAVE";

    static WavBytes wave() {
        return new WavBytes();
    }

    WavBytes magic(String riffMagic) {
        this.magic = riffMagic;
        return this;
    }

    WavBytes form(String formType) {
        this.form = formType;
        return this;
    }

    /** A well-formed chunk: header, payload, and the RIFF pad byte after an odd size. */
    WavBytes chunk(String id, byte[] payload) {
        chunkClaiming(id, payload.length, payload);
        if (payload.length % 2 == 1) {
            chunks.writeBytes(new byte[] {0});
        }
        return this;
    }

    /** A chunk header claiming {@code claimedSize}, followed by whatever payload is given (no pad). */
    WavBytes chunkClaiming(String id, long claimedSize, byte[] payload) {
        chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(le(4).putInt((int) claimedSize).array());
        chunks.writeBytes(payload);
        return this;
    }

    /** A plain 16-byte fmt chunk with block align and byte rate computed from the rest. */
    WavBytes fmt(int tag, int channels, int rate, int bits) {
        return fmt(tag, channels, rate, channels * (bits / 8), bits);
    }

    WavBytes fmt(int tag, int channels, int rate, int blockAlign, int bits) {
        return chunk("fmt ", fmtBody(tag, channels, rate, blockAlign, bits).array());
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt chunk with the standard sub-format GUID for {@code subTag}. */
    WavBytes fmtExtensible(int channels, int rate, int bits, int subTag) {
        ByteBuffer b = le(40);
        b.put(fmtBody(EXTENSIBLE, channels, rate, channels * (bits / 8), bits).array());
        b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4);
        b.putInt(subTag).put(new byte[] {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    WavBytes data(byte[] samples) {
        return chunk("data", samples);
    }

    byte[] build() {
        byte[] body = chunks.toByteArray();
        ByteBuffer b = le(12 + body.length);
        b.put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put(form.getBytes(StandardCharsets.US_ASCII)).put(body);
        return b.array();
    }

    private static ByteBuffer fmtBody(int tag, int channels, int rate, int blockAlign, int bits) {
        ByteBuffer b = le(16);
        b.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        return b;
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    static byte[] u8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] pcm16(int... values) {
        ByteBuffer b = le(2 * values.length);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    static byte[] pcm24(int... values) {
        ByteBuffer b = le(3 * values.length);
        for (int v : values) {
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return b.array();
    }

    static byte[] pcm32(int... values) {
        ByteBuffer b = le(4 * values.length);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] float32(float... values) {
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] float64(double... values) {
        ByteBuffer b = le(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    /** A valid 16-bit mono file with {@code n} samples of a ramp. */
    static byte[] simple16(int n, int rate) {
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 97) % 20000 - 10000;
        }
        return wave().fmt(PCM, 1, rate, 16).data(pcm16(v)).build();
    }
}
