package dev.cantor.engine.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes the temporary files {@link AtomicFiles} strands when a process is killed mid-write
 * ({@code .NAME.<digits>.tmp}, where {@code NAME} is the file being written and the digits are
 * {@link Files#createTempFile}'s random number).
 *
 * <p>Only files that are surely ours and surely abandoned go: the exact naming pattern, a
 * regular file (not a link), owned by the same user as a temporary file this process just made
 * in that folder, and untouched for {@link #ABANDONED_AFTER} (a live write keeps its file's
 * modification time current: it streams the bytes as it makes them). Each folder is swept once
 * per process, so writing a corpus of ten thousand clips into one folder does not list it ten
 * thousand times.
 */
public final class StaleTemporaryFiles {

    /** How long a temporary file must have stood still to count as abandoned. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);
    private static final Pattern OURS = Pattern.compile("\\..+\\.[0-9]+\\.tmp");
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private StaleTemporaryFiles() {
    }

    /** True when {@code name} has the form of a temporary file {@link AtomicFiles} makes. */
    public static boolean isOurNaming(String name) {
        return OURS.matcher(name).matches();
    }

    /** Sweeps {@code dir} unless this process already did; {@code ownTemp} is a file just made there. */
    static void sweepOnce(Path dir, Path ownTemp) {
        if (SWEPT.add(dir.toAbsolutePath().normalize())) {
            sweep(dir, ownTemp, Instant.now());
        }
    }

    /**
     * Removes abandoned temporary files of {@code dir} (never {@code ownTemp}) as of {@code now};
     * a file it cannot remove is left, since a sweep must never make a write fail.
     *
     * @return how many it removed
     */
    static int sweep(Path dir, Path ownTemp, Instant now) {
        UserPrincipal owner = ownerOf(ownTemp);
        FileTime cutoff = FileTime.from(now.minus(ABANDONED_AFTER));
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> isOurNaming(p.getFileName().toString()))) {
            for (Path p : entries) {
                if (p.getFileName().equals(ownTemp.getFileName()) || !abandoned(p, owner, cutoff)) {
                    continue;
                }
                try {
                    Files.delete(p);
                    removed++;
                } catch (IOException e) {
                    // another process removed it first, or it is not ours to remove: leave it
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unlistable folder only means nothing is swept; the write itself goes on
        }
        return removed;
    }

    private static boolean abandoned(Path p, UserPrincipal owner, FileTime cutoff) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile() || a.lastModifiedTime().compareTo(cutoff) > 0) {
            return false;
        }
        return owner == null || owner.equals(ownerOf(p));
    }

    private static UserPrincipal ownerOf(Path p) {
        try {
            if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).owner();
            }
            return null;
        } catch (IOException e) {
            return null;                // unknown owner: judged by name, kind and age alone
        }
    }
}
