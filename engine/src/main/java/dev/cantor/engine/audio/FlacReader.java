package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.AudioFileException.grouped;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.util.Locale;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.frame.Header;
import org.jflac.metadata.Metadata;

/**
 * Reads FLAC files with jFLAC, mixing down to mono as it goes.
 *
 * <p>The metadata blocks are parsed here rather than by jFLAC: its parsers for pictures and
 * comments allocate whatever size a damaged header claims. jFLAC is handed a minimal stream
 * instead, "fLaC" plus the STREAMINFO block, followed by the audio frames read straight from
 * the file. STREAMINFO's total sample count then gives a cheap duration and tells a complete
 * file from one that was cut short, which jFLAC by itself would decode silently up to the cut.
 * Frames that fail their checksum (jFLAC zeroes them and carries on) make the file count as
 * damaged: a silent gap in the middle of a take should be noticed, not imported.
 */
final class FlacReader {

    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_BYTES = 34;
    private static final int INVALID_BLOCK_TYPE = 127;

    /** What STREAMINFO says, and where the first audio frame starts. */
    record StreamInfo(byte[] raw, int sampleRate, int channels, int bitsPerSample, long totalSamples,
                      long framesOffset) {
    }

    private FlacReader() {
    }

    /** Parses the metadata blocks after the "fLaC" marker at {@code offset}. */
    static StreamInfo readStreamInfo(FileChannel channel, long offset, String name) throws IOException {
        long size = channel.size();
        long position = offset + 4;
        StreamInfo info = null;
        boolean last = false;
        while (!last) {
            byte[] header = FileBytes.readAt(channel, position, 4);
            if (header.length < 4) {
                throw cutShort(name, "in its header");
            }
            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int length = FileBytes.u24be(header, 1);
            long body = position + 4;
            if (info == null) {
                if (type != STREAMINFO || length < STREAMINFO_BYTES) {
                    throw new AudioFileException("cannot read " + name
                            + ": its FLAC header is damaged (the stream information block is missing)");
                }
                byte[] raw = FileBytes.readAt(channel, body, STREAMINFO_BYTES);
                if (raw.length < STREAMINFO_BYTES) {
                    throw cutShort(name, "in its header");
                }
                info = parse(raw, name);
            } else if (type == INVALID_BLOCK_TYPE) {
                throw new AudioFileException("cannot read " + name + ": its FLAC header is damaged");
            }
            position = body + length;
            if (position > size) {
                throw cutShort(name, "in its header");
            }
        }
        return new StreamInfo(info.raw(), info.sampleRate(), info.channels(), info.bitsPerSample(),
                info.totalSamples(), position);
    }

    private static StreamInfo parse(byte[] raw, String name) throws AudioFileException {
        // Bytes 10..17: sample rate (20 bits), channels - 1 (3), bits per sample - 1 (5), total samples (36).
        long packed = FileBytes.u32be(raw, 10) << 32 | FileBytes.u32be(raw, 14);
        int sampleRate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 7) + 1;
        int bits = (int) ((packed >>> 36) & 31) + 1;
        long total = packed & 0xF_FFFF_FFFFL;
        if (sampleRate == 0 || sampleRate > WavReader.MAX_SAMPLE_RATE) {
            throw new AudioFileException("cannot read " + name + ": its FLAC header gives an impossible sample rate ("
                    + grouped(sampleRate) + " Hz)");
        }
        if (bits < 4) {
            throw new AudioFileException("cannot read " + name + ": its FLAC header gives an impossible sample size ("
                    + bits + " bits)");
        }
        return new StreamInfo(raw, sampleRate, channels, bits, total, -1);
    }

    /** Decodes the file from {@code startSeconds} on (≤ 0: the start), keeping at most {@code maxSeconds} (≤ 0: all). */
    static AudioClip read(FileChannel channel, long offset, String name, double startSeconds, double maxSeconds)
            throws IOException {
        StreamInfo info = readStreamInfo(channel, offset, name);
        MonoSink sink = new MonoSink(name, info.sampleRate(), startSeconds, maxSeconds, info.totalSamples());

        byte[] head = new byte[4 + 4 + STREAMINFO_BYTES];
        head[0] = 'f';
        head[1] = 'L';
        head[2] = 'a';
        head[3] = 'C';
        head[4] = (byte) 0x80; // last metadata block, type STREAMINFO
        head[7] = STREAMINFO_BYTES;
        System.arraycopy(info.raw(), 0, head, 8, STREAMINFO_BYTES);
        InputStream frames = new BufferedInputStream(new ChannelInputStream(channel, info.framesOffset()), 1 << 16);
        FLACDecoder decoder = new FLACDecoder(new SequenceInputStream(new ByteArrayInputStream(head), frames));
        ChecksumErrors errors = new ChecksumErrors();
        decoder.addFrameListener(errors);
        decoder.readMetadata();

        long total = info.totalSamples();
        long decoded = 0;
        // jFLAC must not be asked for a frame past the known end: it would try to decode
        // whatever follows (an ID3v1 tag, say) from a stale frame header.
        while (!sink.full() && (total == 0 || decoded < total)) {
            Frame frame = decoder.readNextFrame();
            if (frame == null) {
                break;
            }
            Header header = frame.header;
            int n = header.blockSize;
            if (total > 0) {
                n = (int) Math.min(n, total - decoded);
            }
            int channels = header.channels;
            ChannelData[] data = decoder.getChannelData();
            if (channels < 1 || channels > data.length || header.bitsPerSample < 4 || header.bitsPerSample > 32) {
                throw new AudioFileException("damaged FLAC: a block of audio in " + name + " has an impossible header");
            }
            double scale = 1.0 / ((1L << (header.bitsPerSample - 1)) * (double) channels);
            for (int i = 0; i < n; i++) {
                long sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += data[c].getOutput()[i];
                }
                sink.put((float) (sum * scale));
            }
            decoded += header.blockSize;
        }
        // Damage first: frames jFLAC could not decode are skipped, which also makes the file look short.
        int damaged = errors.count + decoder.getBadFrames();
        if (damaged > 0) {
            throw new AudioFileException("damaged FLAC: " + grouped(damaged) + (damaged == 1 ? " block" : " blocks")
                    + " of audio in " + name + " fail their checksum (copy or export the file again)");
        }
        if (!sink.full() && total > 0 && decoded < total) {
            throw cutShort(name, "after " + seconds(decoded, info.sampleRate()) + " of "
                    + seconds(total, info.sampleRate()));
        }
        return sink.toClip();
    }

    static AudioFileException cutShort(String name, String where) {
        return new AudioFileException("cannot read " + name + ": the file is cut short (it ends " + where + ")");
    }

    private static String seconds(long samples, int rate) {
        return String.format(Locale.ROOT, "%.1f s", samples / (double) rate);
    }

    /** Counts the frames jFLAC zeroed because their CRC did not match. */
    private static final class ChecksumErrors implements FrameListener {
        int count;

        @Override
        public void processMetadata(Metadata metadata) {
        }

        @Override
        public void processFrame(Frame frame) {
        }

        @Override
        public void processError(String message) {
            if (message.startsWith("CRC Error")) {
                count++;
            }
        }
    }
}
