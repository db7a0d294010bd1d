package dev.cantor.engine.audio;

import static dev.cantor.engine.audio.AudioFileException.grouped;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads WAV files by parsing the RIFF bytes directly (no javax.sound, which rejects many
 * valid files and gives messages nobody can act on).
 *
 * <p>Accepted: RIFF/WAVE and RF64/BW64; integer PCM 8-bit unsigned and 16/24/32-bit signed;
 * IEEE float 32/64-bit; WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format; 1 to
 * {@value #MAX_CHANNELS} channels at 1 to {@value #MAX_SAMPLE_RATE} Hz. Unknown chunks
 * (LIST, fact, bext, cue, ...) are skipped, honouring the RIFF pad byte after odd sizes.
 *
 * <p>Everything the header claims is checked against the real byte count before anything
 * is allocated, so a damaged or hostile file gives an {@link AudioFileException}, never an
 * out-of-memory error or an index exception. A data chunk that runs past the end of the file
 * is refused rather than silently shortened: a cut-off recording should be noticed.
 */
public final class WavReader {

    /** Most channels we accept; beyond this a header is far more likely damaged than real. */
    public static final int MAX_CHANNELS = 32;
    /** Highest sample rate we accept (the top rate of current audio interfaces). */
    public static final int MAX_SAMPLE_RATE = 768_000;

    /** Java arrays stop at 2^31 bytes; RF64 files beyond that cannot be held in memory anyway. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long RF64_SIZE_IN_DS64 = 0xFFFF_FFFFL;
    /** Bytes 2..15 of the KSDATAFORMAT_SUBTYPE GUIDs for PCM and float; bytes 0..1 hold the format tag. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00,
        0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    /** What the fmt chunk says, after validation. */
    private record Format(WavAudio.Encoding encoding, int channels, int sampleRate, int bitsPerSample) {
        int blockAlign() {
            return channels * (bitsPerSample / 8);
        }
    }

    private WavReader() {
    }

    /**
     * Reads a WAV file.
     *
     * @throws AudioFileException if the file is not a WAV Cantor can read (the message says why)
     * @throws IOException        if the file system fails (missing file, no permission)
     */
    public static WavAudio read(Path path) throws IOException {
        Path fileName = path.getFileName();
        String name = fileName == null ? path.toString() : fileName.toString();
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new AudioFileException("WAV file too large: " + name + " is " + grouped(size)
                    + " bytes; Cantor loads WAV files up to 2 GB");
        }
        return read(Files.readAllBytes(path), name);
    }

    /**
     * Reads WAV data already in memory.
     *
     * @param bytes the whole file
     * @param name  the file name to use in error messages
     * @throws AudioFileException if the bytes are not a WAV Cantor can read
     */
    public static WavAudio read(byte[] bytes, String name) throws AudioFileException {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(name, "name");
        checkContainer(bytes, name);
        boolean rf64 = !ascii(bytes, 0).equals("RIFF");
        int length = bytes.length;

        Format format = null;
        long dataOffset = -1;
        long dataSize = -1;
        long ds64DataSize = -1;
        long pos = 12;
        while (pos + 8 <= length) {
            String id = ascii(bytes, (int) pos);
            long size = u32(bytes, (int) pos + 4);
            long body = pos + 8;
            long available = length - body;
            if (id.equals("data")) {
                if (rf64 && size == RF64_SIZE_IN_DS64 && ds64DataSize >= 0) {
                    size = ds64DataSize;
                }
                if (size > available) {
                    throw new AudioFileException("truncated WAV: the data chunk of " + name + " claims "
                            + grouped(size) + " bytes but the file ends after " + grouped(available)
                            + " (the file was cut short; copy or export it again)");
                }
                dataOffset = body;
                dataSize = size;
                if (format != null) {
                    break; // everything needed is known; trailing chunks may be damaged and do not matter
                }
            } else {
                if (size > available) {
                    throw new AudioFileException("truncated WAV: the '" + printable(id) + "' chunk of " + name
                            + " claims " + grouped(size) + " bytes but the file ends after " + grouped(available));
                }
                if (id.equals("fmt ") && format == null) {
                    format = parseFormat(bytes, (int) body, (int) size, name);
                    if (dataOffset >= 0) {
                        break;
                    }
                } else if (id.equals("ds64") && rf64 && size >= 16) {
                    ds64DataSize = u64(bytes, (int) body + 8);
                    if (ds64DataSize < 0) {
                        throw new AudioFileException("damaged WAV: the RF64 size table of " + name
                                + " gives an impossible data size");
                    }
                }
            }
            pos = body + size + (size & 1); // RIFF pads odd-sized chunks to an even length
        }

        if (format == null || dataOffset < 0) {
            long leftover = length - pos;
            if (leftover > 0 && leftover < 8) {
                throw new AudioFileException("truncated WAV: " + name + " ends after " + grouped(length)
                        + " bytes, in the middle of a chunk header");
            }
            // The RIFF size is unreliable in general (streaming writers leave 0 or -1), but when
            // chunks are missing and it promises more than exists, a cut-off file is the likely story.
            long promised = 8 + u32(bytes, 4);
            if (!rf64 && promised > length) {
                throw new AudioFileException("truncated WAV: " + name + " ends after " + grouped(length)
                        + " bytes but its header promises " + grouped(promised));
            }
            if (format == null) {
                throw new AudioFileException("damaged WAV: " + name
                        + " has no 'fmt ' chunk, so its sample format is unknown");
            }
            throw new AudioFileException("damaged WAV: " + name + " has no 'data' chunk (no audio in it)");
        }
        return decode(bytes, (int) dataOffset, dataSize, format, name);
    }

    private static WavAudio decode(byte[] bytes, int offset, long dataSize, Format format, String name)
            throws AudioFileException {
        // A final partial frame (some writers append one stray byte) is dropped, not an error.
        long frames = dataSize / format.blockAlign();
        if (frames == 0) {
            throw new AudioFileException("empty WAV: " + name + " has no samples");
        }
        long floatBytes = frames * format.channels() * (long) Float.BYTES;
        if (floatBytes > Runtime.getRuntime().maxMemory() / 2) {
            throw new AudioFileException("WAV file too long to load: " + name + " would need "
                    + grouped(floatBytes >> 20) + " MB of memory");
        }
        float[][] channels = WavSampleDecoder.decode(bytes, offset, (int) frames, format.channels(),
                format.encoding(), format.bitsPerSample(), format.sampleRate(), name);
        return new WavAudio(channels, format.sampleRate(), format.bitsPerSample(), format.encoding());
    }

    /** Refuses anything that is not a RIFF/RF64 WAVE file, naming what it looks like instead. */
    private static void checkContainer(byte[] bytes, String name) throws AudioFileException {
        if (bytes.length == 0) {
            throw new AudioFileException("empty file: " + name + " (0 bytes)");
        }
        boolean riff = bytes.length >= 4 && isRiffMagic(ascii(bytes, 0));
        if (!riff) {
            String looksLike = sniff(bytes);
            throw new AudioFileException("not a WAV file: " + name + " ("
                    + (looksLike == null ? "" : "looks like " + looksLike + "; ") + "no RIFF header)");
        }
        if (bytes.length < 12) {
            throw new AudioFileException("truncated WAV: " + name + " ends after " + bytes.length
                    + " bytes, inside the 12-byte RIFF header");
        }
        String form = ascii(bytes, 8);
        if (!form.equals("WAVE")) {
            throw new AudioFileException("not a WAV file: " + name + " (a RIFF file of type '"
                    + printable(form) + "', not 'WAVE')");
        }
    }

    private static boolean isRiffMagic(String magic) {
        return magic.equals("RIFF") || magic.equals("RF64") || magic.equals("BW64");
    }

    /** Names common non-WAV formats by their magic bytes, so the message can say what the file is. */
    private static String sniff(byte[] b) {
        if (startsWith(b, "ID3") || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return "MP3";
        }
        if (startsWith(b, "fLaC")) {
            return "FLAC";
        }
        if (startsWith(b, "OggS")) {
            return "Ogg (Vorbis/Opus)";
        }
        if (startsWith(b, "FORM")) {
            return "AIFF";
        }
        if (b.length >= 8 && ascii(b, 4).equals("ftyp")) {
            return "MP4/M4A";
        }
        if (startsWith(b, "MThd")) {
            return "a MIDI file";
        }
        return null;
    }

    private static Format parseFormat(byte[] b, int off, int size, String name) throws AudioFileException {
        if (size < 16) {
            throw new AudioFileException("damaged WAV: the format chunk of " + name + " is only "
                    + size + " bytes (at least 16 are needed)");
        }
        int tag = u16(b, off);
        int channels = u16(b, off + 2);
        long rate = u32(b, off + 4);
        // The byte rate at off + 8 is redundant and often wrong in the wild, so it is not checked.
        int blockAlign = u16(b, off + 12);
        int bits = u16(b, off + 14);
        int code = tag;
        if (tag == FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new AudioFileException("damaged WAV: the extensible format chunk of " + name
                        + " is only " + size + " bytes (40 are needed)");
            }
            code = u16(b, off + 24);
            if (!tailMatches(b, off + 26)) {
                throw new AudioFileException("unsupported WAV encoding: unknown extensible sub-format "
                        + guid(b, off + 24) + " in " + name);
            }
        }
        WavAudio.Encoding encoding = switch (code) {
            case FORMAT_PCM -> WavAudio.Encoding.PCM;
            case FORMAT_FLOAT -> WavAudio.Encoding.FLOAT;
            default -> throw new AudioFileException("unsupported WAV encoding: " + tagName(code)
                    + (tag == FORMAT_EXTENSIBLE ? " (extensible sub-format " : " (format tag ") + code + ") in "
                    + name + "; convert it to 16-bit PCM or float WAV");
        };
        boolean bitsOk = encoding == WavAudio.Encoding.PCM
                ? bits == 8 || bits == 16 || bits == 24 || bits == 32
                : bits == 32 || bits == 64;
        if (!bitsOk) {
            throw new AudioFileException("unsupported WAV encoding: " + bits + "-bit "
                    + (encoding == WavAudio.Encoding.PCM ? "integer PCM" : "float") + " in " + name);
        }
        if (channels == 0) {
            throw new AudioFileException("damaged WAV: " + name + " says it has 0 channels");
        }
        if (channels > MAX_CHANNELS) {
            throw new AudioFileException("unsupported WAV: " + name + " says it has " + channels
                    + " channels (Cantor reads up to " + MAX_CHANNELS + ")");
        }
        if (rate == 0) {
            throw new AudioFileException("damaged WAV: " + name + " says its sample rate is 0 Hz");
        }
        if (rate > MAX_SAMPLE_RATE) {
            throw new AudioFileException("unsupported sample rate: " + grouped(rate) + " Hz in " + name
                    + " (Cantor reads up to " + grouped(MAX_SAMPLE_RATE) + " Hz)");
        }
        Format format = new Format(encoding, channels, (int) rate, bits);
        if (blockAlign != format.blockAlign()) {
            throw new AudioFileException("damaged WAV: the header of " + name + " is inconsistent (block align "
                    + blockAlign + " bytes, but " + channels + " channels × " + bits / 8 + " bytes = "
                    + format.blockAlign() + ")");
        }
        return format;
    }

    private static String tagName(int code) {
        return switch (code) {
            case 0x0000 -> "unknown";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "µ-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG audio";
            case 0x0055 -> "MP3";
            case 0x0160, 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0x2000 -> "AC-3";
            case FORMAT_EXTENSIBLE -> "extensible";
            default -> "an unknown codec";
        };
    }

    private static boolean tailMatches(byte[] b, int off) {
        for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
            if (b[off + i] != SUBFORMAT_GUID_TAIL[i]) {
                return false;
            }
        }
        return true;
    }

    /** Formats 16 GUID bytes in the usual text form (first three groups are little-endian). */
    private static String guid(byte[] b, int off) {
        int[] order = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};
        StringBuilder s = new StringBuilder(36);
        for (int i : order) {
            s.append(i < 0 ? "-" : String.format("%02x", b[off + i] & 0xFF));
        }
        return s.toString();
    }

    private static boolean startsWith(byte[] b, String magic) {
        return b.length >= magic.length() && ascii(b, 0, magic.length()).equals(magic);
    }

    private static String ascii(byte[] b, int off) {
        return ascii(b, off, 4);
    }

    private static String ascii(byte[] b, int off, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) (b[off + i] & 0xFF);
        }
        return new String(c);
    }

    /** Chunk ids from damaged files can hold control bytes; keep messages readable. */
    private static String printable(String id) {
        StringBuilder s = new StringBuilder(id.length());
        for (char c : id.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.toString();
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int off) {
        return (u16(b, off) | (long) u16(b, off + 2) << 16);
    }

    private static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }
}
