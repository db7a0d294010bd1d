package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A quick look at a WAV file's chunk headers, without reading the samples: enough for a
 * cheap duration and for loading only the first seconds of a long recording. Anything
 * unusual gives null, and the caller falls back to {@link WavReader}, which reads the whole
 * file and explains precisely what is wrong with it.
 *
 * @param dataOffset where the sample bytes start
 * @param dataSize   sample bytes the data chunk claims (may run past the end of a cut file)
 * @param frameBytes bytes per frame as {@link WavReader} counts them (channels × bits / 8)
 * @param sampleRate Hz
 */
record WavHeader(long dataOffset, long dataSize, int frameBytes, int sampleRate) {

    /** Reading stops after this many chunks: a damaged file can chain many tiny ones. */
    private static final int MAX_CHUNKS = 1000;

    /** Parses the header, or returns null if it is not a plain WAV with "fmt " before "data". */
    static WavHeader read(FileChannel channel) throws IOException {
        long size = channel.size();
        byte[] riff = FileBytes.readAt(channel, 0, 12);
        if (riff.length < 12 || !FileBytes.matches(riff, 8, "WAVE")) {
            return null;
        }
        int frameBytes = 0;
        int rate = 0;
        long ds64DataSize = -1;
        long position = 12;
        for (int chunk = 0; chunk < MAX_CHUNKS && position + 8 <= size; chunk++) {
            byte[] header = FileBytes.readAt(channel, position, 8);
            long length = FileBytes.u32le(header, 4);
            long body = position + 8;
            if (FileBytes.matches(header, 0, "fmt ")) {
                byte[] fmt = FileBytes.readAt(channel, body, 16);
                if (fmt.length < 16) {
                    return null;
                }
                int channels = FileBytes.u16le(fmt, 2);
                rate = (int) Math.min(Integer.MAX_VALUE, FileBytes.u32le(fmt, 4));
                frameBytes = channels * (FileBytes.u16le(fmt, 14) / 8);
            } else if (FileBytes.matches(header, 0, "ds64")) {
                byte[] ds64 = FileBytes.readAt(channel, body, 16);
                if (ds64.length == 16) {
                    ds64DataSize = FileBytes.u64le(ds64, 8);
                }
            } else if (FileBytes.matches(header, 0, "data")) {
                if (frameBytes <= 0 || rate <= 0) {
                    return null;
                }
                long dataSize = length == 0xFFFF_FFFFL && ds64DataSize >= 0 ? ds64DataSize : length;
                return new WavHeader(body, dataSize, frameBytes, rate);
            }
            position = body + length + (length & 1);
        }
        return null;
    }

    /** Whole frames present in the file (the data chunk may claim more than a cut file holds). */
    long framesPresent(long fileSize) {
        long bytes = Math.min(dataSize, Math.max(0, fileSize - dataOffset));
        return bytes / frameBytes;
    }
}
