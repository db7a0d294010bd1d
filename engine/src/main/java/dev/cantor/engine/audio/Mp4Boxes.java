package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Just enough of the MP4 box structure (ISO/IEC 14496-12) to find a file's duration without
 * decoding it: the movie header box ({@code moov/mvhd}) holds a time scale and a duration.
 * Every box starts with a 32-bit size and a four-letter type; size 1 means a 64-bit size follows,
 * size 0 means "to the end of the file". The index ({@code moov}) may come before or after the
 * media data, so the top-level boxes are walked, reading only their headers.
 */
final class Mp4Boxes {

    /** Boxes looked at on one level before giving up: a real file has a handful. */
    private static final int MAX_BOXES = 1024;
    private static final int HEADER = 8;
    private static final int MVHD_BYTES = 32;

    private Mp4Boxes() {
    }

    /** The movie's duration in seconds, or -1 when the file does not say (or says nonsense). */
    static double durationSeconds(FileChannel channel) throws IOException {
        long[] moov = find(channel, 0, channel.size(), "moov");
        if (moov == null) {
            return -1;
        }
        long[] mvhd = find(channel, moov[0], moov[1], "mvhd");
        if (mvhd == null) {
            return -1;
        }
        byte[] b = FileBytes.readAt(channel, mvhd[0], MVHD_BYTES);
        if (!FileBytes.has(b, 0, 4)) {
            return -1;
        }
        int version = FileBytes.u8(b, 0);
        long scale;
        long duration;
        if (version == 1 && FileBytes.has(b, 0, 32)) {
            scale = FileBytes.u32be(b, 20);
            duration = FileBytes.u32be(b, 24) << 32 | FileBytes.u32be(b, 28);
        } else if (version == 0 && FileBytes.has(b, 0, 20)) {
            scale = FileBytes.u32be(b, 12);
            duration = FileBytes.u32be(b, 16);
        } else {
            return -1;
        }
        // all ones: "unknown"; a negative value from the 64-bit field is nonsense too
        boolean unknown = duration < 0 || version == 0 && duration == 0xFFFF_FFFFL;
        return scale == 0 || unknown ? -1 : duration / (double) scale;
    }

    /**
     * The first box of {@code type} among the boxes in [{@code from}, {@code to}): the start and
     * end of its body, or null.
     */
    private static long[] find(FileChannel channel, long from, long to, String type) throws IOException {
        long at = from;
        for (int i = 0; i < MAX_BOXES && at + HEADER <= to; i++) {
            byte[] h = FileBytes.readAt(channel, at, 16);
            if (h.length < HEADER) {
                return null;
            }
            long size = FileBytes.u32be(h, 0);
            int header = HEADER;
            if (size == 1) {
                if (h.length < 16) {
                    return null;
                }
                size = FileBytes.u32be(h, 8) << 32 | FileBytes.u32be(h, 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || size > to - at) {
                return null;
            }
            if (FileBytes.matches(h, 4, type)) {
                return new long[] {at + header, at + size};
            }
            at += size;
        }
        return null;
    }
}
