package dev.cantor.engine.audio;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jogg.Page;
import com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState;
import com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads Ogg Vorbis files with JOrbis (the copy bundled in java-vorbis-support), mixing down to
 * mono as it goes.
 *
 * <p>JOrbis is driven directly, page by page, rather than through the library's Java Sound
 * classes ({@code VorbisAudioFileReader} and {@code VorbisFormatConversionProvider}). Their
 * decoding stream reads ahead of the pages it decodes and stops at the end of the file
 * without decoding the pages it has already buffered: it can lose the end of a file, and
 * short low-bitrate files (a few kilobytes, all read with the headers) decode to nothing. Driving
 * JOrbis directly also keeps the samples as floats (no 16-bit rounding), needs no service
 * lookup (which a shaded jar can break), and lets this class use what the Ogg pages say:
 * the end-of-stream page's granule position is the exact sample count, which trims the
 * codec's padding, and a stream without that page was cut short.
 *
 * <p>Pages failing their checksum and lost packets make the file count as damaged, like
 * FLAC frames with a bad CRC: a gap in the middle of a take should be noticed.
 */
final class OggVorbisReader {

    private static final int CHUNK = 64 * 1024;
    private static final int VORBIS_HEADERS = 3;
    private static final int COMMENT_HEADER = 1;

    /** What the Vorbis identification header (the first packet) says. */
    record Identification(int serial, int channels, int sampleRate) {
    }

    private OggVorbisReader() {
    }

    /** Reads the identification header; the sniffer has already checked that it is Vorbis. */
    static Identification identify(FileChannel channel, String name) throws IOException {
        byte[] head = FileBytes.readAt(channel, 0, 512);
        int packet = OggPage.firstPacketOffset(head);
        if (packet < 0 || !FileBytes.has(head, packet, 16)) {
            throw new AudioFileException("cannot read " + name
                    + ": the file is cut short (it ends inside its Vorbis header)");
        }
        int channels = FileBytes.u8(head, packet + 11);
        long rate = FileBytes.u32le(head, packet + 12);
        if (channels == 0 || rate == 0 || rate > WavReader.MAX_SAMPLE_RATE) {
            throw new AudioFileException("cannot read " + name + ": its Vorbis header is damaged ("
                    + channels + " channels at " + AudioFileException.grouped(rate) + " Hz)");
        }
        return new Identification((int) OggPage.serial(head, 0), channels, (int) rate);
    }

    /** Decodes the file from {@code startSeconds} on (≤ 0: the start), keeping at most {@code maxSeconds} (≤ 0: all). */
    static AudioClip read(FileChannel channel, String name, double startSeconds, double maxSeconds) throws IOException {
        Identification id = identify(channel, name);
        MonoSink sink = new MonoSink(name, id.sampleRate(), startSeconds, maxSeconds, -1);
        float scale = 1f / id.channels();

        SyncState sync = new SyncState();
        sync.init();
        StreamState stream = new StreamState();
        stream.init(id.serial());
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        info.init();
        Comment comment = new Comment();
        comment.init();
        DspState dsp = new DspState();
        Block block = new Block(dsp);
        float[][][] pcmOut = new float[1][][];
        int[] index = new int[id.channels()];

        int headers = 0;
        int damaged = 0;
        long position = 0;
        long endGranule = -1;
        boolean ended = false;
        decoding:
        while (!sink.full()) {
            int found = sync.pageout(page);
            if (found == 0) {
                int at = sync.buffer(CHUNK);
                int n = channel.read(ByteBuffer.wrap(sync.data, at, CHUNK), position);
                if (n < 0) {
                    break;
                }
                position += n;
                sync.wrote(n);
                continue;
            }
            // found < 0: bytes skipped to the next page (a damaged page shows up below as lost packets);
            // other serial numbers: another logical stream, e.g. the next part of a chained file.
            if (found < 0 || page.serialno() != id.serial()) {
                continue;
            }
            if (stream.pagein(page) < 0) {
                damaged++;
                continue;
            }
            while (true) {
                int got = stream.packetout(packet);
                if (got == 0) {
                    break;
                }
                if (got < 0) {
                    if (headers < VORBIS_HEADERS) {
                        throw new AudioFileException("cannot read " + name + ": its Vorbis header is damaged");
                    }
                    damaged++; // a hole: pages are missing or failed their checksum
                    continue;
                }
                if (headers < VORBIS_HEADERS) {
                    if (headers == COMMENT_HEADER) {
                        checkCommentHeader(packet, name);
                    }
                    if (info.synthesis_headerin(comment, packet) < 0) {
                        throw headerRefused(name, id, headers);
                    }
                    if (++headers == VORBIS_HEADERS) {
                        if (info.channels != id.channels() || info.rate != id.sampleRate()) {
                            throw new AudioFileException("cannot read " + name + ": its Vorbis header is damaged");
                        }
                        dsp.synthesis_init(info);
                        block.init(dsp);
                    }
                    continue;
                }
                if (block.synthesis(packet) != 0) {
                    damaged++;
                    continue;
                }
                dsp.synthesis_blockin(block);
                int n;
                while ((n = dsp.synthesis_pcmout(pcmOut, index)) > 0) {
                    float[][] pcm = pcmOut[0];
                    for (int i = 0; i < n; i++) {
                        float sum = 0;
                        for (int c = 0; c < pcm.length && c < index.length; c++) {
                            sum += pcm[c][index[c] + i];
                        }
                        sink.put(sum * scale);
                    }
                    dsp.synthesis_read(n);
                }
                if (sink.full()) {
                    break decoding;
                }
            }
            if (page.eos() != 0) {
                ended = true;
                endGranule = page.granulepos();
                break;
            }
        }
        if (headers < VORBIS_HEADERS) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it ends inside its"
                    + " Vorbis header)");
        }
        if (!sink.full()) {
            if (!ended) {
                throw new AudioFileException("cannot read " + name + ": the file is cut short (its last Ogg page"
                        + " is missing)");
            }
            if (damaged > 0) {
                throw new AudioFileException("damaged Ogg Vorbis: " + AudioFileException.grouped(damaged)
                        + (damaged == 1 ? " piece" : " pieces") + " of audio in " + name
                        + " are missing or fail their checksum (copy or export the file again)");
            }
            if (endGranule > 0) {
                sink.truncate(endGranule);
            }
        }
        return sink.toClip();
    }

    /**
     * JOrbis reads the channel-coupling fields of the setup header with the wrong bit width for
     * channel counts that are not powers of two (e.g. 5.1), so such files fail there although
     * they are fine; say so instead of calling them damaged.
     */
    private static AudioFileException headerRefused(String name, Identification id, int header) {
        if (header == VORBIS_HEADERS - 1 && id.channels() > 2) {
            return new AudioFileException("cannot read " + name + ": Cantor cannot decode this " + id.channels()
                    + "-channel Ogg Vorbis file (mono and stereo work; convert it to stereo)");
        }
        return new AudioFileException("cannot read " + name + ": its Vorbis header is damaged");
    }

    /**
     * Checks the comment header's lengths against the packet before JOrbis parses it: JOrbis
     * allocates whatever the header claims (up to gigabytes for a damaged file).
     * Layout: type and "vorbis" (7 bytes), vendor length and vendor, comment count, then for
     * each comment its length and text; all lengths 32-bit little-endian.
     */
    private static void checkCommentHeader(Packet packet, String name) throws AudioFileException {
        byte[] b = packet.packet_base;
        int p = packet.packet + 7;
        int end = packet.packet + packet.bytes;
        if (b == null || packet.packet < 0 || end > b.length) {
            throw new AudioFileException("cannot read " + name + ": its Vorbis header is damaged");
        }
        long vendor = p + 4 <= end ? FileBytes.u32le(b, p) : -1;
        if (vendor < 0 || p + 4 + vendor + 4 > end) {
            throw new AudioFileException("cannot read " + name + ": its Vorbis comment header is damaged");
        }
        long at = p + 4 + vendor;
        long count = FileBytes.u32le(b, (int) at);
        at += 4;
        if (count > (end - at) / 4) {
            throw new AudioFileException("cannot read " + name + ": its Vorbis comment header is damaged");
        }
        for (long i = 0; i < count; i++) {
            long length = at + 4 <= end ? FileBytes.u32le(b, (int) at) : -1;
            if (length < 0 || at + 4 + length > end) {
                throw new AudioFileException("cannot read " + name + ": its Vorbis comment header is damaged");
            }
            at += 4 + length;
        }
    }

    /** The duration from the last page's granule position; -1 if the file does not say. */
    static double probeSeconds(FileChannel channel, String name) throws IOException {
        Identification id = identify(channel, name);
        long granule = OggPage.lastGranule(channel, Integer.toUnsignedLong(id.serial()));
        return granule > 0 ? granule / (double) id.sampleRate() : -1;
    }
}
