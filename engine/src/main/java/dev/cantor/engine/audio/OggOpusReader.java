package dev.cantor.engine.audio;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusMSDecoder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Ogg Opus files (RFC 7845) with Concentus, a pure-Java port of the reference Opus
 * decoder, mixing down to mono as it goes. Concentus decodes packets only; the Ogg pages are
 * read by {@link OggPacketReader} and the headers here.
 *
 * <p>Opus always decodes at 48 kHz, whatever rate the file says its source had (that field is
 * informational), so the clip comes back at 48 kHz. The first packet's header gives the
 * pre-skip, the encoder's look-ahead that is decoded but is not part of the music and is
 * dropped, and an output gain that is applied; the last page's granule position is the exact
 * length, which trims the padding of the last packet — so a WAV encoded with {@code opusenc}
 * decodes to its own length again.
 *
 * <p>Like the Vorbis reader, a file with pages that fail their checksum, lost pages or packets
 * the decoder refuses counts as damaged unless the part asked for was read before the damage.
 */
final class OggOpusReader {

    /** The one rate Opus decodes at (RFC 7845, 4.2). */
    static final int RATE = 48_000;
    /** The longest Opus packet: 120 ms at 48 kHz (RFC 6716, 3.2.5). */
    private static final int MAX_FRAMES_PER_PACKET = 5_760;
    private static final int FAMILY_MONO_STEREO = 0;
    private static final int FIXED_HEAD = 19;
    /** The largest tags packet read (cover art is kept in it); larger ones are skipped unread. */
    private static final int MAX_TAGS_PACKET = 16 << 20;
    /** Enough for the first page with the longest OpusHead (255 channels). */
    private static final int FIRST_PAGE_BYTES = 1024;

    /**
     * What the identification header says.
     *
     * @param serial   the stream's serial number
     * @param channels output channels
     * @param preSkip  samples at 48 kHz to drop from the start
     * @param gain     linear output gain
     * @param family   channel mapping family (0: mono or stereo in one stream)
     * @param streams  Opus streams in each packet
     * @param coupled  how many of them are stereo
     * @param mapping  the output channel of each decoded channel
     */
    record Head(long serial, int channels, int preSkip, float gain, int family, int streams, int coupled,
                short[] mapping) {
    }

    private OggOpusReader() {
    }

    /** Reads and checks the OpusHead packet on the first page; the sniffer has seen its "OpusHead". */
    static Head identify(FileChannel channel, String name) throws IOException {
        byte[] b = FileBytes.readAt(channel, 0, FIRST_PAGE_BYTES);
        int p = OggPage.firstPacketOffset(b);
        if (p < 0 || !FileBytes.has(b, p, FIXED_HEAD)) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it ends inside its Opus header)");
        }
        int version = FileBytes.u8(b, p + 8);
        int channels = FileBytes.u8(b, p + 9);
        int preSkip = FileBytes.u16le(b, p + 10);
        short gainQ8 = (short) FileBytes.u16le(b, p + 16);
        int family = FileBytes.u8(b, p + 18);
        if (version >> 4 != 0) {
            throw new AudioFileException("cannot read " + name + ": it is Ogg Opus of a later version ("
                    + version + ") than Cantor reads");
        }
        if (channels == 0 || family == FAMILY_MONO_STEREO && channels > 2) {
            throw damagedHeader(name);
        }
        int streams = 1;
        int coupled = channels == 2 ? 1 : 0;
        short[] mapping = channels == 2 ? new short[] {0, 1} : new short[] {0};
        if (family != FAMILY_MONO_STEREO) {
            if (!FileBytes.has(b, p + FIXED_HEAD, 2 + channels)) {
                throw new AudioFileException("cannot read " + name
                        + ": the file is cut short (it ends inside its Opus header)");
            }
            streams = FileBytes.u8(b, p + FIXED_HEAD);
            coupled = FileBytes.u8(b, p + FIXED_HEAD + 1);
            if (streams == 0 || coupled > streams || streams + coupled > 255) {
                throw damagedHeader(name);
            }
            mapping = new short[channels];
            for (int c = 0; c < channels; c++) {
                int m = FileBytes.u8(b, p + FIXED_HEAD + 2 + c);
                if (m != 255 && m >= streams + coupled) {
                    throw damagedHeader(name);
                }
                mapping[c] = (short) m;
            }
        }
        // Q7.8 dB (RFC 7845, 5.1): applied as 10^(gain / (20 × 256))
        float gain = (float) Math.pow(10, gainQ8 / (20.0 * 256));
        return new Head(OggPage.serial(b, 0), channels, preSkip, gain, family, streams, coupled, mapping);
    }

    /** Decodes the file from {@code startSeconds} on (≤ 0: the start), keeping at most {@code maxSeconds} (≤ 0: all). */
    static AudioClip read(FileChannel channel, String name, double startSeconds, double maxSeconds) throws IOException {
        Head head = identify(channel, name);
        Decoder decoder = decoder(head, name);
        MonoSink sink = new MonoSink(name, RATE, startSeconds, maxSeconds, -1);
        OggPacketReader packets = new OggPacketReader(channel, head.serial(), OggPacketReader.MAX_PACKET);
        OggPacketReader.Packet first = packets.next();
        OggPacketReader.Packet tags = packets.next();
        if (first == null || tags == null) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it ends inside its Opus headers)");
        }
        if (!tags.oversized() && !FileBytes.matches(tags.data(), 0, "OpusTags")) {
            throw damagedHeader(name);
        }
        short[] pcm = new short[MAX_FRAMES_PER_PACKET * head.channels()];
        float scale = head.gain() / (32768f * head.channels());
        long toDrop = head.preSkip();
        int refused = 0;
        OggPacketReader.Packet packet;
        while (!sink.full() && (packet = packets.next()) != null) {
            if (packet.oversized() || packet.data().length == 0) {
                refused++;
                continue;
            }
            int frames;
            try {
                frames = decoder.decode(packet.data(), pcm);
            } catch (OpusException e) {
                refused++;
                continue;
            }
            for (int i = 0; i < frames; i++) {
                if (toDrop > 0) {
                    toDrop--;
                    continue;
                }
                int sum = 0;
                for (int c = 0; c < head.channels(); c++) {
                    sum += pcm[i * head.channels() + c];
                }
                sink.put(sum * scale);
            }
        }
        if (!sink.full()) {
            if (!packets.ended()) {
                throw new AudioFileException("cannot read " + name + ": the file is cut short (its last Ogg page"
                        + " is missing)");
            }
            int damage = refused + packets.damage();
            if (damage > 0) {
                throw new AudioFileException("damaged Ogg Opus: " + AudioFileException.grouped(damage)
                        + (damage == 1 ? " piece" : " pieces") + " of audio in " + name
                        + " are missing, fail their checksum or cannot be decoded (copy or export the file again)");
            }
            if (packets.lastGranule() > head.preSkip()) {
                sink.truncate(packets.lastGranule() - head.preSkip());
            }
        }
        return sink.toClip();
    }

    /** The duration from the last page's granule position; -1 if the file does not say. */
    static double probeSeconds(FileChannel channel, String name) throws IOException {
        Head head = identify(channel, name);
        long granule = OggPage.lastGranule(channel, head.serial());
        return granule > head.preSkip() ? (granule - head.preSkip()) / (double) RATE : -1;
    }

    /**
     * The tags of an Ogg Opus file: its second packet, "OpusTags", holds Vorbis comments
     * ({@code KEY=value}, keys in any case). jaudiotagger reads only Vorbis in Ogg, so this small
     * parser reads them for {@link TrackTags}. Never fails: damaged tags are simply absent.
     */
    static TrackTags tags(FileChannel channel, String name) throws IOException {
        Head head = identify(channel, name);
        OggPacketReader packets = new OggPacketReader(channel, head.serial(), MAX_TAGS_PACKET);
        OggPacketReader.Packet tags = packets.next() == null ? null : packets.next();
        if (tags == null || tags.oversized() || !FileBytes.matches(tags.data(), 0, "OpusTags")) {
            return TrackTags.NONE;
        }
        byte[] b = tags.data();
        Map<String, String> fields = new HashMap<>();
        int at = 8;
        if (!FileBytes.has(b, at, 4)) {
            return TrackTags.NONE;
        }
        at += 4 + (int) Math.min(b.length, FileBytes.u32le(b, at));     // the encoder's name
        long count = FileBytes.has(b, at, 4) ? FileBytes.u32le(b, at) : 0;
        at += 4;
        for (long i = 0; i < count && FileBytes.has(b, at, 4); i++) {
            long length = FileBytes.u32le(b, at);
            at += 4;
            if (length > b.length - at) {
                break;
            }
            String comment = new String(b, at, (int) length, StandardCharsets.UTF_8);
            at += (int) length;
            int eq = comment.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(comment.substring(0, eq).toUpperCase(Locale.ROOT), comment.substring(eq + 1));
            }
        }
        TrackTags read = new TrackTags(fields.get("TITLE"), fields.get("ARTIST"), fields.get("ALBUM"),
                fields.get("GENRE"), fields.getOrDefault("COMMENT", fields.get("DESCRIPTION")));
        return read.isEmpty() ? TrackTags.NONE : read;
    }

    /** One Opus decoder behind one call, whichever of Concentus' two the channel mapping needs. */
    @FunctionalInterface
    private interface Decoder {
        /** Decodes one packet into interleaved 16-bit samples; returns the frames decoded. */
        int decode(byte[] packet, short[] pcm) throws OpusException;
    }

    private static Decoder decoder(Head head, String name) throws AudioFileException {
        try {
            if (head.family() == FAMILY_MONO_STEREO) {
                OpusDecoder one = new OpusDecoder(RATE, head.channels());
                return (packet, pcm) -> one.decode(packet, 0, packet.length, pcm, 0, MAX_FRAMES_PER_PACKET, false);
            }
            OpusMSDecoder many = OpusMSDecoder.create(RATE, head.channels(), head.streams(), head.coupled(),
                    head.mapping());
            return (packet, pcm) -> many.decodeMultistream(packet, 0, packet.length, pcm, 0, MAX_FRAMES_PER_PACKET, 0);
        } catch (OpusException | RuntimeException e) {
            throw new AudioFileException("cannot read " + name + ": Cantor cannot decode this " + head.channels()
                    + "-channel Ogg Opus layout (mono and stereo work; convert it to stereo)", e);
        }
    }

    private static AudioFileException damagedHeader(String name) {
        return new AudioFileException("cannot read " + name + ": its Opus header is damaged");
    }
}
