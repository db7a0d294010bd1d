package dev.cantor.engine.audio;

/**
 * The 4-byte header that starts every MPEG audio frame (MP3 is MPEG-1/2/2.5 Layer III; Layers
 * I and II decode the same way). Cantor parses it itself, apart from the decoder, to find
 * where the audio starts, to read the Xing/LAME tag and to count frames for a cheap duration.
 *
 * <p>Layout, most significant bit first: 11 sync bits (all ones), version (2), layer (2),
 * no-CRC flag (1), bitrate index (4), sample-rate index (2), padding (1), private (1),
 * channel mode (2), and six bits we do not need.
 *
 * @param version    10 for MPEG-1, 20 for MPEG-2, 25 for MPEG-2.5
 * @param layer      1, 2 or 3
 * @param crc        whether a 16-bit CRC follows the header
 * @param bitrate    bits per second
 * @param sampleRate Hz
 * @param padding    whether the frame has one extra slot
 * @param mono       single-channel mode
 */
record MpegFrameHeader(int version, int layer, boolean crc, int bitrate, int sampleRate, boolean padding,
                       boolean mono) {

    // Bitrates in kbit/s by bitrate index 1..14; index 0 ("free format") and 15 are not accepted.
    private static final int[] V1_L1 = {32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448};
    private static final int[] V1_L2 = {32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384};
    private static final int[] V1_L3 = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] V2_L1 = {32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256};
    private static final int[] V2_L23 = {8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] RATES_V1 = {44100, 48000, 32000};

    /** The header at {@code off}, or null if those bytes are not a valid frame header. */
    static MpegFrameHeader at(byte[] b, int off) {
        return FileBytes.has(b, off, 4) ? parse((int) FileBytes.u32be(b, off)) : null;
    }

    /** Decodes a header word, or null if it is not one (no sync, reserved or free-format values). */
    static MpegFrameHeader parse(int h) {
        if ((h >>> 21) != 0x7FF) {
            return null;
        }
        int versionBits = (h >>> 19) & 3;
        int layerBits = (h >>> 17) & 3;
        int bitrateIndex = (h >>> 12) & 15;
        int rateIndex = (h >>> 10) & 3;
        if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        int version = switch (versionBits) {
            case 3 -> 10;
            case 2 -> 20;
            default -> 25;
        };
        int layer = 4 - layerBits;
        int[] table = version == 10
                ? (layer == 1 ? V1_L1 : layer == 2 ? V1_L2 : V1_L3)
                : (layer == 1 ? V2_L1 : V2_L23);
        int rate = RATES_V1[rateIndex] / (version == 10 ? 1 : version == 20 ? 2 : 4);
        return new MpegFrameHeader(version, layer, ((h >>> 16) & 1) == 0, table[bitrateIndex - 1] * 1000, rate,
                ((h >>> 9) & 1) == 1, ((h >>> 6) & 3) == 3);
    }

    /** Bytes in the whole frame, header included. */
    int frameLength() {
        if (layer == 1) {
            return (12 * bitrate / sampleRate + (padding ? 1 : 0)) * 4;
        }
        int perSlot = layer == 3 && version != 10 ? 72 : 144;
        return perSlot * bitrate / sampleRate + (padding ? 1 : 0);
    }

    /** Audio frames (samples per channel) that one MPEG frame decodes to. */
    int samplesPerFrame() {
        if (layer == 1) {
            return 384;
        }
        return layer == 3 && version != 10 ? 576 : 1152;
    }

    int channels() {
        return mono ? 1 : 2;
    }

    /** Where a Xing/Info tag would start in this frame: after the header, CRC and Layer III side info. */
    int xingOffset() {
        int sideInfo = version == 10 ? (mono ? 17 : 32) : (mono ? 9 : 17);
        return 4 + (crc ? 2 : 0) + sideInfo;
    }

    /** Whether {@code other} can belong to the same stream (same version, layer and rate). */
    boolean sameStream(MpegFrameHeader other) {
        return other != null && other.version == version && other.layer == layer && other.sampleRate == sampleRate;
    }

    /**
     * The offset of the first frame in {@code b} at or after {@code from} and at most at
     * {@code lastStart}, or -1. A candidate counts only if the next frame follows it directly
     * (or the data ends there), which rules out the false syncs that random bytes produce.
     */
    static int findFirstFrame(byte[] b, int from, int lastStart) {
        int end = Math.min(lastStart, b.length - 4);
        for (int i = Math.max(0, from); i <= end; i++) {
            if (FileBytes.u8(b, i) != 0xFF) {
                continue;
            }
            MpegFrameHeader h = at(b, i);
            if (h == null) {
                continue;
            }
            int next = i + h.frameLength();
            if (next + 4 > b.length || h.sameStream(at(b, next))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What an encoder wrote into the first frame instead of audio: the Xing/Info tag (LAME and
     * most encoders) or VBRI (Fraunhofer). Such a frame is not music and is skipped.
     *
     * @param frames  MPEG frames in the file after this one, or -1 if not given
     * @param delay   encoder delay in samples from the LAME extension, or -1
     * @param padding samples the encoder appended at the end, or -1
     */
    record InfoFrame(long frames, int delay, int padding) {

        /** Parses the info tag in the first frame {@code b[off..]}, or null if the frame is ordinary audio. */
        static InfoFrame parse(byte[] b, int off, MpegFrameHeader h) {
            int xing = off + h.xingOffset();
            if (FileBytes.matches(b, xing, "Xing") || FileBytes.matches(b, xing, "Info")) {
                if (!FileBytes.has(b, xing, 8)) {
                    return null;
                }
                long flags = FileBytes.u32be(b, xing + 4);
                int p = xing + 8;
                long frames = -1;
                if ((flags & 1) != 0 && FileBytes.has(b, p, 4)) {
                    frames = FileBytes.u32be(b, p);
                }
                p += (flags & 1) != 0 ? 4 : 0;
                p += (flags & 2) != 0 ? 4 : 0;   // byte count
                p += (flags & 4) != 0 ? 100 : 0; // seek table
                p += (flags & 8) != 0 ? 4 : 0;   // quality
                int delay = -1;
                int padding = -1;
                // The LAME extension: 9-byte encoder name, then at +21 two 12-bit numbers.
                // FFmpeg writes the same layout under the name "Lavc"/"Lavf".
                boolean lame = FileBytes.matches(b, p, "LAME") || FileBytes.matches(b, p, "Lavc")
                        || FileBytes.matches(b, p, "Lavf") || FileBytes.matches(b, p, "L3.99");
                if (lame && FileBytes.has(b, p + 21, 3)) {
                    int packed = FileBytes.u24be(b, p + 21);
                    delay = packed >>> 12;
                    padding = packed & 0xFFF;
                }
                return new InfoFrame(frames, delay, padding);
            }
            int vbri = off + 4 + 32; // VBRI sits at a fixed place regardless of the mode
            if (FileBytes.matches(b, vbri, "VBRI") && FileBytes.has(b, vbri + 14, 4)) {
                return new InfoFrame(FileBytes.u32be(b, vbri + 14), -1, -1);
            }
            return null;
        }

        /** True when both the encoder delay and padding are known, so playback can be gapless. */
        boolean gapless() {
            return delay >= 0 && padding >= 0;
        }
    }
}
