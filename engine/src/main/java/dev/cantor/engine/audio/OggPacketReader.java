package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * The packets of one logical stream of an Ogg file (RFC 3533), in order, with bounded memory:
 * what the Opus reader decodes. (The Vorbis reader leaves this to JOrbis, whose packet buffer
 * grows with whatever a packet claims.)
 *
 * <p>Pages are read one at a time with positioned reads and must pass their CRC; a page that
 * fails it, bytes that are not a page and a gap in the page sequence numbers count as
 * {@link #damage() damage}, and the reader carries on from the next intact page, as a player
 * would. A packet longer than the reader's limit is skipped without holding its bytes and
 * marked, for the caller to judge. Pages of other streams (a chained or
 * multiplexed file) are skipped. Reading stops after the stream's end-of-stream page.
 *
 * <p>A packet is a byte array of its own, so only one packet and one page are held at a time.
 */
final class OggPacketReader {

    /**
     * The longest audio packet worth keeping. An Opus packet holds at most 120 ms in 48 frames
     * of up to 1 275 bytes each (RFC 6716, 3.2.5): about 61 kB. Longer packets are skipped and
     * marked; a reader that wants the tags (with cover art inside) asks for a larger limit.
     */
    static final int MAX_PACKET = 64 * 1024;
    /** How much is read at a time while looking for the next page after bytes that are not one. */
    private static final int RESYNC_SPAN = 128 * 1024;
    private static final int MAX_HEADER = OggPage.HEADER + 255;
    private static final int FLAG_CONTINUED = 0x01;
    private static final int FLAG_END_OF_STREAM = 0x04;

    /** One packet: its bytes (null when it was longer than the reader's limit and skipped). */
    record Packet(byte[] data, boolean oversized) {
    }

    private final FileChannel channel;
    private final long serial;
    private final int maxPacket;
    private long position;
    private long expectedSequence = -1;
    private byte[] page = new byte[0];
    private int[] lacing = new int[0];
    private int segment;
    private int bodyAt;
    private int segments;
    private byte[] partial = new byte[0];
    private int partialLength;
    private boolean partialOversized;
    private boolean partialOpen;
    private long lastGranule = -1;
    private boolean ended;
    private int damage;

    /**
     * @param serial    the logical stream to read (the serial number of the file's first page)
     * @param maxPacket longer packets are skipped (their bytes never held) and marked oversized
     */
    OggPacketReader(FileChannel channel, long serial, int maxPacket) {
        this.channel = channel;
        this.serial = serial;
        this.maxPacket = maxPacket;
    }

    /** Pages or packets lost to damage so far. */
    int damage() {
        return damage;
    }

    /** Whether the stream's end-of-stream page has been read (a file without one was cut short). */
    boolean ended() {
        return ended;
    }

    /** The granule position of the last page read of this stream that completed a packet; -1 before any. */
    long lastGranule() {
        return lastGranule;
    }

    /** The next packet of the stream, or null at its end (or the end of the file). */
    Packet next() throws IOException {
        while (true) {
            while (segment < segments) {
                int length = lacing[segment++];
                append(bodyAt, length);
                bodyAt += length;
                if (length < 255) {
                    Packet packet = new Packet(partialOversized ? null : Arrays.copyOf(partial, partialLength),
                            partialOversized);
                    resetPartial();
                    return packet;
                }
                partialOpen = true;
            }
            if (ended || !readPage()) {
                return null;
            }
        }
    }

    private void append(int from, int length) {
        if (partialOversized) {
            return;
        }
        if (partialLength + length > maxPacket) {
            partialOversized = true;
            partial = new byte[0];
            partialLength = 0;
            return;
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(maxPacket, Math.max(partial.length * 2, partialLength + length)));
        }
        System.arraycopy(page, from, partial, partialLength, length);
        partialLength += length;
    }

    private void resetPartial() {
        partialLength = 0;
        partialOversized = false;
        partialOpen = false;
    }

    /** Reads the next intact page of this stream into {@link #page}; false at the end of the file. */
    private boolean readPage() throws IOException {
        while (true) {
            byte[] head = FileBytes.readAt(channel, position, MAX_HEADER);
            if (head.length == 0) {
                return false;
            }
            if (!FileBytes.matches(head, 0, "OggS") || FileBytes.u8(head, 4) != 0) {
                if (!resync()) {
                    return false;
                }
                continue;
            }
            int length = OggPage.length(head, 0);
            if (length < 0) {
                position = channel.size(); // a header cut off by the end of the file
                return false;
            }
            byte[] whole = FileBytes.readAt(channel, position, length);
            if (whole.length < length) {
                position = channel.size();
                return false; // the last page is cut short: the stream never ends, which the caller reports
            }
            if (!OggPage.crcMatches(whole, 0, length)) {
                if (!resync()) {
                    return false;
                }
                continue;
            }
            position += length;
            if (OggPage.serial(whole, 0) != serial) {
                continue;
            }
            accept(whole);
            return true;
        }
    }

    /** Makes an intact page of this stream the current one, noting lost pages and broken packets. */
    private void accept(byte[] whole) {
        long sequence = FileBytes.u32le(whole, 18);
        boolean continued = (FileBytes.u8(whole, 5) & FLAG_CONTINUED) != 0;
        if (expectedSequence >= 0 && sequence != expectedSequence) {
            damage++;                       // pages are missing: whatever packet was open is lost
            resetPartial();
        }
        expectedSequence = (sequence + 1) & 0xFFFF_FFFFL;
        page = whole;
        segments = FileBytes.u8(whole, 26);
        lacing = new int[segments];
        for (int i = 0; i < segments; i++) {
            lacing[i] = FileBytes.u8(whole, OggPage.HEADER + i);
        }
        segment = 0;
        bodyAt = OggPage.HEADER + segments;
        if (continued != partialOpen) {
            damage++;
            if (continued) {
                skipContinuation();         // the start of this packet is gone: drop its rest
            } else {
                resetPartial();             // the rest of the open packet is gone
            }
        }
        long granule = FileBytes.u64le(whole, 6);
        if (granule != -1) {
            lastGranule = granule;          // -1: no packet ends on this page
        }
        ended = (FileBytes.u8(whole, 5) & FLAG_END_OF_STREAM) != 0;
    }

    private void skipContinuation() {
        while (segment < segments) {
            int length = lacing[segment++];
            bodyAt += length;
            if (length < 255) {
                return;
            }
        }
    }

    /**
     * Counts the bytes at {@link #position} as damage and moves to the next "OggS" after them,
     * reading {@link #RESYNC_SPAN} at a time; false if the file has none.
     */
    private boolean resync() throws IOException {
        damage++;
        long size = channel.size();
        long from = position + 1;
        while (from < size) {
            byte[] span = FileBytes.readAt(channel, from, RESYNC_SPAN);
            for (int i = 0; i + 4 <= span.length; i++) {
                if (FileBytes.matches(span, i, "OggS")) {
                    position = from + i;
                    return true;
                }
            }
            from += Math.max(1, span.length - 3);
        }
        position = size;
        return false;
    }
}
