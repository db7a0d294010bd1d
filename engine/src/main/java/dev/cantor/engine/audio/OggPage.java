package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Just enough of the Ogg page format (RFC 3533) to look at a Vorbis file without decoding it:
 * where the first packet starts, and the last page's granule position, which for Vorbis is
 * the exact number of samples in the stream, i.e. a cheap duration.
 *
 * <p>Page header: "OggS", version (0), flags (bit 2 = end of stream), granule position (64-bit
 * LE), serial number, sequence number, CRC-32, segment count, then one lacing byte per segment.
 */
final class OggPage {

    static final int HEADER = 27;
    private static final int FLAG_END_OF_STREAM = 0x04;
    /** The largest page possible: a full header, 255 lacing values and 255 full segments. */
    private static final int MAX_PAGE = HEADER + 255 + 255 * 255;
    private static final int[] CRC_TABLE = crcTable();

    private OggPage() {
    }

    /** The offset of the first packet of the page at the start of {@code b}, or -1 if the page header is cut off. */
    static int firstPacketOffset(byte[] b) {
        if (!FileBytes.has(b, 0, HEADER) || FileBytes.u8(b, 4) != 0) {
            return -1;
        }
        int segments = FileBytes.u8(b, 26);
        int packet = HEADER + segments;
        return FileBytes.has(b, packet, 8) ? packet : -1;
    }

    /** The serial number of the page at {@code off}. */
    static long serial(byte[] b, int off) {
        return FileBytes.u32le(b, off + 14);
    }

    /** The total length of the page at {@code off} (header, lacing and body), or -1 if its header is cut off. */
    static int length(byte[] b, int off) {
        if (!FileBytes.has(b, off, HEADER)) {
            return -1;
        }
        int segments = FileBytes.u8(b, off + 26);
        if (!FileBytes.has(b, off + HEADER, segments)) {
            return -1;
        }
        int body = 0;
        for (int i = 0; i < segments; i++) {
            body += FileBytes.u8(b, off + HEADER + i);
        }
        return HEADER + segments + body;
    }

    /**
     * The granule position of the file's last page, if that page is intact, belongs to stream
     * {@code serial} and closes it (end-of-stream flag); otherwise -1, e.g. for a file cut short
     * or a chained file, whose length then has to be found by decoding.
     */
    static long lastGranule(FileChannel channel, long serial) throws IOException {
        long size = channel.size();
        int span = (int) Math.min(size, 2L * MAX_PAGE);
        byte[] t = FileBytes.readAt(channel, size - span, span);
        for (int i = t.length - HEADER; i >= 0; i--) {
            if (!FileBytes.matches(t, i, "OggS") || FileBytes.u8(t, i + 4) != 0) {
                continue;
            }
            int length = length(t, i);
            if (length < 0 || i + length > t.length || !crcMatches(t, i, length)) {
                continue; // a partial last page, a damaged one, or "OggS" inside data
            }
            boolean ended = (FileBytes.u8(t, i + 5) & FLAG_END_OF_STREAM) != 0;
            long granule = FileBytes.u64le(t, i + 6);
            return ended && serial(t, i) == serial && granule > 0 ? granule : -1;
        }
        return -1;
    }

    /** Checks the page CRC: CRC-32 with polynomial 0x04C11DB7, no reflection, over the page with the CRC field zeroed. */
    static boolean crcMatches(byte[] b, int off, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            int x = (i >= 22 && i < 26) ? 0 : FileBytes.u8(b, off + i);
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ x) & 0xFF];
        }
        return crc == (int) FileBytes.u32le(b, off + 22);
    }

    private static int[] crcTable() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                r = (r & 0x8000_0000) != 0 ? (r << 1) ^ 0x04C1_1DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
