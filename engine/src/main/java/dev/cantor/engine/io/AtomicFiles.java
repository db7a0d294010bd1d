package dev.cantor.engine.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees a half-written one: the bytes go to a temporary
 * file in the same folder ({@code .NAME.<random digits>.tmp}), which then takes the target's
 * name in one step. A crash at any moment leaves either the old file or the new one; a temporary
 * file stranded by a crash is removed by a later write to the same folder
 * ({@link StaleTemporaryFiles}).
 *
 * <p>What that last step may replace is the caller's choice ({@link Replacing}): Cantor's own
 * state files are replaced whatever is there; a file the user named is only replaced with
 * {@code --force}, and then only if it is a regular file.
 */
public final class AtomicFiles {

    /** Body of a write; receives a buffered stream to the temporary file. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What the final step of a write may replace at the target's name. */
    public enum Replacing {
        /** Whatever is there: Cantor's own files (settings, checkpoints, caches). */
        ANYTHING,
        /**
         * A regular file only ({@code --force}): a symbolic link, device, FIFO or folder there is
         * refused with {@link NotReplacedException}, also when it appeared during the write.
         */
        REGULAR_FILE,
        /**
         * Nothing (a user's file without {@code --force}): when anything has appeared at the
         * target's name by the time the write ends, the write fails with
         * {@link NotReplacedException} and that file stays as it is.
         */
        NOTHING
    }

    /** The target was left as it is because the write could not replace it. */
    public static final class NotReplacedException extends FileAlreadyExistsException {

        private static final long serialVersionUID = 1L;

        NotReplacedException(Path target, String message) {
            super(target.toString(), null, message);
        }

        @Override
        public String getMessage() {
            return getReason();
        }
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically, replacing anything there; on any failure the previous file is untouched. */
    public static void write(Path target, StreamWriter body) throws IOException {
        write(target, Replacing.ANYTHING, body);
    }

    /**
     * Writes {@code target} atomically; on any failure the previous file (if any) is untouched and
     * no temporary file is left behind.
     *
     * @throws NotReplacedException when {@code replacing} forbids replacing what is at the target
     * @throws IOException          naming {@code target} (never the temporary file) and the reason
     */
    public static void write(Path target, Replacing replacing, StreamWriter body) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (replacing != Replacing.ANYTHING) {
            refuseToReplace(absolute, replacing);
        }
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        StaleTemporaryFiles.sweepOnce(dir, tmp);
        try {
            try (OutputStream out = new BufferedOutputStream(new NamedErrors(Files.newOutputStream(tmp), target),
                    1 << 16)) {
                body.writeTo(out);
            }
            givePermissions(tmp, absolute);
            switch (replacing) {
                case ANYTHING -> moveOver(tmp, absolute);
                case REGULAR_FILE -> {
                    refuseToReplace(absolute, replacing);
                    moveOver(tmp, absolute);
                }
                case NOTHING -> moveToNewName(tmp, absolute);
            }
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes bytes atomically, replacing anything there. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes UTF-8 text atomically, replacing anything there. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes UTF-8 text atomically, replacing what {@code replacing} allows. */
    public static void writeString(Path target, Replacing replacing, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, replacing, out -> out.write(bytes));
    }

    /**
     * What stands in the way of writing {@code target} with {@code replacing}, as a sentence, or
     * null when nothing does. Commands ask before their work; {@link #write} asks again at the end.
     */
    public static String obstacle(Path target, Replacing replacing) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return switch (replacing) {
            case ANYTHING -> null;
            case NOTHING -> target + " already exists; pass --force to replace it";
            case REGULAR_FILE -> Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? null
                    : target + " is " + kindOf(target) + ", not a regular file; Cantor replaces only regular files,"
                            + " even with --force";
        };
    }

    private static void refuseToReplace(Path target, Replacing replacing) throws NotReplacedException {
        String obstacle = obstacle(target, replacing);
        if (obstacle != null) {
            throw new NotReplacedException(target, obstacle);
        }
    }

    private static String kindOf(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        return "a device, FIFO or socket";
    }

    /**
     * Temporary files are created owner-only; the result should look like any file the user
     * saves: the replaced file's permissions, or rw-r--r-- for a new one.
     */
    private static void givePermissions(Path tmp, Path target) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * rename(2): replaces whatever is at the target in one step. No system call replaces "only
     * a regular file", so for {@link Replacing#REGULAR_FILE} the check runs just before this.
     */
    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * Gives the finished file the target's name only if that name is still free, race-free:
     * link(2) fails with EEXIST when anything holds the name, however late it appeared (a rename
     * would replace it silently, ATOMIC_MOVE included; Java's move without REPLACE_EXISTING checks
     * and then renames, which two writers can interleave). The temporary name is unlinked after;
     * a crash between the two leaves the finished file at the target and a stray temporary file,
     * which a later write sweeps. File systems without hard links (FAT, some network mounts) fall
     * back to that check-then-rename move.
     */
    private static void moveToNewName(Path tmp, Path target) throws IOException {
        try {
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                throw appeared(target);
            } catch (IOException | UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(tmp, target);
                } catch (FileAlreadyExistsException e) {
                    throw appeared(target);
                }
                return;
            }
        } catch (NotReplacedException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
        Files.deleteIfExists(tmp);
    }

    private static NotReplacedException appeared(Path target) {
        return new NotReplacedException(target, target + " appeared while Cantor was working and was left as it is;"
                + " nothing was written (pass --force to replace it)");
    }

    /** Why an I/O operation failed, in words, without the temporary file's name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileAlreadyExistsException in) {
            return in.getFile() + " is a file, not a folder";    // from making the folders on the way
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Makes a failed write (a full disk, a lost mount) name the target instead of the temporary file. */
    private static final class NamedErrors extends FilterOutputStream {

        private final Path target;

        NamedErrors(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw named(e);
            }
        }

        private IOException named(IOException e) {
            return new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }
}
