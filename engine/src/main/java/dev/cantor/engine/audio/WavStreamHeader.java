package dev.cantor.engine.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * The header of a WAV arriving on a pipe (FFmpeg's output), read up to the start of its data.
 * Unlike {@link WavHeader} it cannot seek, and it ignores the sizes in the RIFF and data
 * headers: a writer on a pipe cannot go back to fill them in, so the data runs to the end.
 *
 * @param channels      interleaved channels
 * @param sampleRate    frames per second
 * @param bitsPerSample bits per sample of each channel
 * @param floating      whether the samples are IEEE floats (format 3, or extensible, whose
 *                      sub-format FFmpeg sets to match what it was asked for)
 */
record WavStreamHeader(int channels, int sampleRate, int bitsPerSample, boolean floating) {

    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final int MAX_CHUNKS = 16;
    private static final int MAX_FMT = 1024;

    /**
     * Reads the header; null when the stream ends before its first byte (nothing was written).
     *
     * @param maxSkipped the largest chunk before the data that is skipped over
     * @throws IOException when the bytes are not a WAV header this reader understands
     */
    static WavStreamHeader read(InputStream in, int maxSkipped) throws IOException {
        byte[] riff = in.readNBytes(12);
        if (riff.length == 0) {
            return null;
        }
        if (riff.length < 12 || !FileBytes.matches(riff, 0, "RIFF") || !FileBytes.matches(riff, 8, "WAVE")) {
            throw new IOException("the decoder's output is not a WAV stream");
        }
        WavStreamHeader format = null;
        for (int i = 0; i < MAX_CHUNKS; i++) {
            byte[] chunk = in.readNBytes(8);
            if (chunk.length < 8) {
                throw new IOException("the decoder's WAV stream ends inside its header");
            }
            long size = FileBytes.u32le(chunk, 4);
            if (FileBytes.matches(chunk, 0, "data")) {
                if (format == null) {
                    throw new IOException("the decoder's WAV stream has no format chunk");
                }
                return format;
            }
            if (FileBytes.matches(chunk, 0, "fmt ")) {
                if (size < 16 || size > MAX_FMT) {
                    throw new IOException("the decoder's WAV format chunk has " + size + " bytes");
                }
                byte[] fmt = in.readNBytes((int) (size + (size & 1)));
                if (fmt.length < size) {
                    throw new IOException("the decoder's WAV stream ends inside its header");
                }
                int tag = FileBytes.u16le(fmt, 0);
                format = new WavStreamHeader(FileBytes.u16le(fmt, 2), (int) FileBytes.u32le(fmt, 4),
                        FileBytes.u16le(fmt, 14), tag == FORMAT_FLOAT || tag == FORMAT_EXTENSIBLE);
            } else {
                long skip = size + (size & 1);
                if (skip > maxSkipped) {
                    throw new IOException("the decoder's WAV stream has a " + size + "-byte chunk before its data");
                }
                in.skipNBytes(skip);
            }
        }
        throw new IOException("the decoder's WAV stream has too many chunks before its data");
    }
}
