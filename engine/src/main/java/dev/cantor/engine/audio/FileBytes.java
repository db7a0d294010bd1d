package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small helpers for parsing binary headers of audio files: positioned reads that never move
 * the channel, fixed-width integers in both byte orders, and ID3v2 tag lengths. The integer
 * readers do not check bounds; callers check with {@link #has} (or use {@link #matches}, which
 * does) so that a short or hostile file gives a message, not an index exception.
 */
final class FileBytes {

    /** An ID3v2 header is 10 bytes; a footer (flag bit 4) repeats them at the end of the tag. */
    static final int ID3_HEADER = 10;

    private FileBytes() {
    }

    /** Reads up to {@code length} bytes at {@code position}; fewer only where the file ends. */
    static byte[] readAt(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length <= 0) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        return buffer.position() == length ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Whether {@code b} holds {@code count} bytes from {@code offset}. */
    static boolean has(byte[] b, int offset, int count) {
        return offset >= 0 && count >= 0 && offset <= b.length - count;
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16le(byte[] b, int off) {
        return u8(b, off) | u8(b, off + 1) << 8;
    }

    static long u32le(byte[] b, int off) {
        return u16le(b, off) | (long) u16le(b, off + 2) << 16;
    }

    static long u64le(byte[] b, int off) {
        return u32le(b, off) | u32le(b, off + 4) << 32;
    }

    static int u16be(byte[] b, int off) {
        return u8(b, off) << 8 | u8(b, off + 1);
    }

    static int u24be(byte[] b, int off) {
        return u8(b, off) << 16 | u16be(b, off + 1);
    }

    static long u32be(byte[] b, int off) {
        return (long) u16be(b, off) << 16 | u16be(b, off + 2);
    }

    /** Whether the bytes at {@code off} spell {@code ascii} (false when the array is too short). */
    static boolean matches(byte[] b, int off, String ascii) {
        if (!has(b, off, ascii.length())) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[off + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Four bytes as ISO-8859-1 text (for chunk ids and magic numbers). */
    static String ascii(byte[] b, int off, int length) {
        return new String(b, off, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The total length of an ID3v2 tag starting at {@code off} (header, body and optional
     * footer), or -1 if there is no well-formed ID3v2 header there. The size is "syncsafe":
     * four 7-bit groups, so a byte with its top bit set means the header is not ID3.
     */
    static long id3v2Length(byte[] b, int off) {
        if (!has(b, off, ID3_HEADER) || !matches(b, off, "ID3")) {
            return -1;
        }
        if (u8(b, off + 3) == 0xFF || u8(b, off + 4) == 0xFF) {
            return -1;
        }
        long size = 0;
        for (int i = 6; i < 10; i++) {
            int x = u8(b, off + i);
            if (x >= 0x80) {
                return -1;
            }
            size = size << 7 | x;
        }
        boolean footer = (u8(b, off + 5) & 0x10) != 0;
        return ID3_HEADER + size + (footer ? ID3_HEADER : 0);
    }

    /**
     * Skips any ID3v2 tags at the start of the file (some taggers stack several) and returns the
     * offset of what follows them; 0 if the file has none. The result may lie beyond the end of
     * the file when the tag claims more bytes than exist.
     */
    static long skipId3v2(FileChannel channel) throws IOException {
        long position = 0;
        for (int tags = 0; tags < 16; tags++) {
            long length = id3v2Length(readAt(channel, position, ID3_HEADER), 0);
            if (length < 0) {
                break;
            }
            position += length;
        }
        return position;
    }
}
