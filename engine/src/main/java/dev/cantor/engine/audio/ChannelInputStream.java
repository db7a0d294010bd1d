package dev.cantor.engine.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An {@link InputStream} over a stretch of a file channel, whose mark/reset simply
 * remembers and restores the position. Unlike a {@link java.io.BufferedInputStream} it has
 * no read-ahead limit, which matters for the Vorbis reader: it marks, parses all headers
 * (a comment packet with cover art can be hundreds of kilobytes) and then rewinds.
 *
 * <p>The optional end keeps a decoder from seeing trailing tags: JLayer drops the last MP3 frame
 * when anything but another frame or the end of the stream follows it.
 *
 * <p>Reads are positioned, so the channel's own position is never touched and
 * {@link #close()} leaves the channel open for its owner to close.
 */
final class ChannelInputStream extends InputStream {

    private final FileChannel channel;
    private final long end;
    private long position;
    private long mark;

    /** Reads from {@code start} to the end of the file. */
    ChannelInputStream(FileChannel channel, long start) {
        this(channel, start, Long.MAX_VALUE);
    }

    /** Reads from {@code start} up to (not including) {@code end}, or the end of the file if sooner. */
    ChannelInputStream(FileChannel channel, long start, long end) {
        this.channel = channel;
        this.end = end;
        this.position = start;
        this.mark = start;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || len > b.length - off) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", length " + b.length);
        }
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, (int) Math.min(len, end - position));
        int n;
        do {
            n = channel.read(buffer, position);
        } while (n == 0);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long step = Math.max(0, Math.min(n, limit() - position));
        position += step;
        return step;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit() - position));
    }

    private long limit() throws IOException {
        return Math.min(end, channel.size());
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = position;
    }

    @Override
    public void reset() {
        position = mark;
    }

    @Override
    public void close() {
        // The channel belongs to the caller.
    }
}
