package dev.cantor.engine.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Tells which audio format a file holds from its first bytes, never from its name: people
 * rename files, and a ".mp3" that is really a FLAC should simply work. Anything Cantor cannot
 * decode is refused here with a message that says what the file looks like instead.
 */
final class AudioFormatSniffer {

    /** The formats Cantor decodes. */
    enum Kind {
        WAV("WAV", "wav"),
        FLAC("FLAC", "flac"),
        MP3("MP3", "mp3"),
        OGG_VORBIS("Ogg Vorbis", "ogg"),
        OGG_OPUS("Ogg Opus", "opus"),
        /** The MP4 container (M4A), usually with AAC inside; decoded by FFmpeg. */
        MP4("M4A/AAC", "m4a");

        private final String label;
        private final String extension;

        Kind(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        /** The name musicians know the format by. */
        String label() {
            return label;
        }

        /** The usual file extension (what jaudiotagger keys its readers on). */
        String extension() {
            return extension;
        }
    }

    /**
     * @param kind   the format
     * @param offset where its data starts: the "fLaC" marker or first MPEG frame after any ID3v2
     *               tag, 0 for WAV and Ogg
     */
    record Detected(Kind kind, long offset) {
    }

    /** How far past the ID3 tags we look for the first MPEG frame (some encoders leave junk there). */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final String SUPPORTED = "Cantor reads WAV, FLAC, MP3, Ogg Vorbis, Opus and M4A";
    /** Major brands of MP4-family files that hold pictures, not sound (HEIF, AVIF, JPEG XL, Canon raw). */
    private static final Set<String> IMAGE_BRANDS = Set.of("heic", "heix", "heim", "heis", "hevc", "hevx", "mif1",
            "msf1", "avif", "avis", "jxl ", "crx ");

    private AudioFormatSniffer() {
    }

    /**
     * Detects the format of the file behind {@code channel}.
     *
     * @throws AudioFileException if it is empty, cut short before any audio, or not a format Cantor decodes
     */
    static Detected sniff(FileChannel channel, String name) throws IOException {
        long size = channel.size();
        if (size == 0) {
            throw new AudioFileException("empty file: " + name + " (0 bytes)");
        }
        long start = FileBytes.skipId3v2(channel);
        boolean tagged = start > 0;
        if (tagged && start >= size) {
            throw new AudioFileException(start > size
                    ? "cannot read " + name + ": the file is cut short (it ends inside its ID3 tag)"
                    : "cannot read " + name + ": it holds only an ID3 tag, no audio");
        }
        byte[] b = FileBytes.readAt(channel, start, HEAD_BYTES);
        if (!tagged && b.length >= 4 && isRiff(b)) {
            return new Detected(Kind.WAV, 0);
        }
        int zeros = leadingZeros(b); // some taggers pad after the ID3 tag instead of inside it
        if (FileBytes.matches(b, tagged ? zeros : 0, "fLaC")) {
            return new Detected(Kind.FLAC, start + (tagged ? zeros : 0));
        }
        if (!tagged && FileBytes.matches(b, 0, "OggS")) {
            return new Detected(oggCodec(b, name), 0);
        }
        if (!tagged && FileBytes.matches(b, 4, "ftyp") && !FileBytes.has(b, 8, 4)) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it is only "
                    + b.length + " bytes)");
        }
        if (!tagged && isAudioMp4(b)) {
            return new Detected(Kind.MP4, 0);
        }
        // After an ID3 tag, or after leading zero bytes, encoders sometimes leave padding before
        // the first frame; anywhere else a sync word deep inside unknown data is not trusted.
        int frame = MpegFrameHeader.findFirstFrame(b, 0, tagged ? b.length : zeros);
        if (frame >= 0) {
            return new Detected(Kind.MP3, start + frame);
        }
        if (tagged) {
            String after = describe(b);
            throw new AudioFileException("cannot read " + name + ": it starts with an ID3 tag but no MP3 audio follows"
                    + (after == null ? "" : " (what follows looks like " + after + ")"));
        }
        if (b.length < 4 && (FileBytes.matches(b, 0, "RI") || FileBytes.matches(b, 0, "fL")
                || FileBytes.matches(b, 0, "Og") || FileBytes.u8(b, 0) == 0xFF)) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short (it is only "
                    + b.length + " bytes)");
        }
        String looksLike = describe(b);
        throw new AudioFileException("not an audio file Cantor reads: " + name + " ("
                + (looksLike == null ? "unknown content" : "it looks like " + looksLike) + "; " + SUPPORTED + ")");
    }

    private static boolean isRiff(byte[] b) {
        return FileBytes.matches(b, 0, "RIFF") || FileBytes.matches(b, 0, "RF64") || FileBytes.matches(b, 0, "BW64");
    }

    private static int leadingZeros(byte[] b) {
        int i = 0;
        while (i < b.length && b[i] == 0) {
            i++;
        }
        return i;
    }

    /** An MP4-family file ("ftyp" box first) whose brand is not a picture format's. */
    private static boolean isAudioMp4(byte[] b) {
        return FileBytes.matches(b, 4, "ftyp") && FileBytes.has(b, 8, 4)
                && !IMAGE_BRANDS.contains(FileBytes.ascii(b, 8, 4));
    }

    /**
     * Ogg is only a container; the first packet of the first page names the codec. Vorbis and
     * Opus are decoded; the others get a message naming them.
     */
    private static Kind oggCodec(byte[] b, String name) throws AudioFileException {
        int packet = OggPage.firstPacketOffset(b);
        if (packet < 0) {
            throw new AudioFileException("cannot read " + name + ": the file is cut short or damaged "
                    + "(its first Ogg page is incomplete)");
        }
        if (FileBytes.u8(b, packet) == 1 && FileBytes.matches(b, packet + 1, "vorbis")) {
            return Kind.OGG_VORBIS;
        }
        if (FileBytes.matches(b, packet, "OpusHead")) {
            return Kind.OGG_OPUS;
        }
        String codec;
        if (FileBytes.matches(b, packet + 1, "FLAC") && FileBytes.u8(b, packet) == 0x7F) {
            codec = "Ogg FLAC";
        } else if (FileBytes.matches(b, packet, "Speex   ")) {
            codec = "Ogg Speex";
        } else if (FileBytes.matches(b, packet + 1, "theora") || FileBytes.matches(b, packet, "fishead")) {
            codec = "an Ogg video";
        } else {
            throw new AudioFileException(name + " is an Ogg file without Vorbis or Opus audio, which Cantor does not"
                    + " read (Ogg Vorbis and Ogg Opus only)");
        }
        throw new AudioFileException(name + " is " + codec + ", which Cantor does not read (Ogg Vorbis and Ogg Opus"
                + " only)");
    }

    /** Names common non-audio and unsupported formats by their magic bytes, or null. */
    static String describe(byte[] b) {
        if (FileBytes.matches(b, 0, "FORM")) {
            return "AIFF, which Cantor does not read";
        }
        if (FileBytes.matches(b, 4, "ftyp")) {
            return "an image (an MP4-family picture format)";
        }
        if (FileBytes.matches(b, 0, "wvpk")) {
            return "WavPack, which Cantor does not read";
        }
        if (FileBytes.matches(b, 0, "MAC ")) {
            return "Monkey's Audio (APE), which Cantor does not read";
        }
        if (FileBytes.matches(b, 0, "caff")) {
            return "Core Audio (CAF), which Cantor does not read";
        }
        if (FileBytes.matches(b, 0, ".snd")) {
            return "Sun/NeXT audio (AU), which Cantor does not read";
        }
        if (FileBytes.has(b, 0, 4) && FileBytes.u32be(b, 0) == 0x3026B275L) {
            return "WMA/ASF, which Cantor does not read";
        }
        if (FileBytes.matches(b, 0, "MThd")) {
            return "a MIDI file";
        }
        if (FileBytes.matches(b, 0, "PK\u0003\u0004")) {
            return "a ZIP archive";
        }
        if (FileBytes.matches(b, 0, "%PDF")) {
            return "a PDF document";
        }
        if (FileBytes.matches(b, 0, "\u0089PNG") || FileBytes.matches(b, 0, "\u00FF\u00D8\u00FF")
                || FileBytes.matches(b, 0, "GIF8")) {
            return "an image";
        }
        if (isText(b)) {
            return "text";
        }
        return null;
    }

    /** Valid UTF-8 without control characters other than tab, CR and LF, in the first 512 bytes. */
    private static boolean isText(byte[] b) {
        int n = Math.min(b.length, 512);
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = FileBytes.u8(b, i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
        }
        // A multi-byte character may be cut at byte 512; drop up to three trailing bytes before decoding.
        for (int cut = 0; cut < 4 && cut < n; cut++) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, 0, n - cut));
                return true;
            } catch (CharacterCodingException notYet) {
                if (n == b.length) {
                    return false; // the whole file was checked: nothing was cut
                }
            }
        }
        return false;
    }
}
