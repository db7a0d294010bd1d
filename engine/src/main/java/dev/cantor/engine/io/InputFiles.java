package dev.cantor.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The checks every file a person names goes through before Cantor reads it: it must be a
 * regular file (a folder, a named pipe or a device is refused by name: opening a pipe would
 * wait for a writer forever, and {@code /dev/zero} never ends) and no larger than the caller's
 * stated limit, so a hostile or mistaken file costs a message, not the memory of the machine.
 *
 * <p>A file could still be swapped for a pipe between the check and the read; that needs
 * someone racing Cantor on purpose, and costs at most a stuck read, not a wrong result.
 */
public final class InputFiles {

    // File type bits of st_mode (POSIX), for naming what a non-regular file is.
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private InputFiles() {
    }

    /**
     * What {@code file} is when it is not a regular file, in words ("a folder", "a named pipe
     * (FIFO)", "a device", "a socket"); null for a regular file.
     *
     * @throws NoSuchFileException when nothing is there
     */
    public static String nonRegularKind(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            NoSuchFileException clear = new NoSuchFileException(file.toString(), null, "no such file");
            clear.initCause(e);
            throw clear;
        }
        if (attributes.isRegularFile()) {
            return null;
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        return switch (unixType(file)) {
            case FIFO -> "a named pipe (FIFO)";
            case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
            case SOCKET -> "a socket";
            default -> "not a regular file";
        };
    }

    private static int unixType(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (Files.isSymbolicLink(file)) {
                mode = Files.getAttribute(file, "unix:mode");
            }
            return mode instanceof Integer m ? m & TYPE_MASK : -1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return -1;       // no "unix" view here: the message says "not a regular file"
        }
    }

    /**
     * Checks that {@code file} is a regular file of at most {@code maxBytes}.
     *
     * @param what what the file is for, starting the message, e.g. "the project file"
     * @return its size in bytes
     * @throws NoSuchFileException when it does not exist
     * @throws InputFileException  when it is a folder, a pipe, a device, or too large
     */
    public static long requireRegularFile(Path file, String what, long maxBytes) throws IOException {
        String kind = nonRegularKind(file);
        if (kind != null) {
            throw new InputFileException(what + " " + file + " is " + kind + ", not a file"
                    + (kind.startsWith("not") ? "" : " Cantor can read"));
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new InputFileException(what + " " + file + " is " + bytes(size) + "; Cantor reads at most "
                    + bytes(maxBytes) + " here");
        }
        return size;
    }

    /**
     * The whole of a regular file of at most {@code maxBytes}. The limit holds even for a file
     * that grows while it is read.
     *
     * @throws NoSuchFileException when it does not exist
     * @throws InputFileException  as {@link #requireRegularFile}
     */
    public static byte[] readBounded(Path file, String what, long maxBytes) throws IOException {
        requireRegularFile(file, what, maxBytes);
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 16);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit);
            if (in.read() >= 0) {
                throw new InputFileException(what + " " + file + " grew past " + bytes(maxBytes)
                        + " while it was read");
            }
            return bytes;
        }
    }

    /**
     * A regular file of at most {@code maxBytes} as UTF-8 text, exactly as stored (a byte-order
     * mark, if any, is kept as U+FEFF for the caller to drop).
     *
     * @throws InputFileException when it is not UTF-8 text, or as {@link #requireRegularFile}
     */
    public static String readUtf8(Path file, String what, long maxBytes) throws IOException {
        byte[] bytes = readBounded(file, what, maxBytes);
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new InputFileException(what + " " + file + " is not UTF-8 text (save it as UTF-8 and try again)", e);
        }
    }

    /** A byte count as a person reads it: "512 bytes", "10 MB", "5.4 GB". */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v < 10 && v != Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.0f", v)) + " " + units[u];
    }
}
