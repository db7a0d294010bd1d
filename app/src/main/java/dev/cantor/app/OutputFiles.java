package dev.cantor.app;

import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.AtomicFiles.Replacing;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Guards the user's files: nothing is overwritten without {@code --force}, and with it only a
 * regular file. The checks run before any work, so a run never spends minutes and then finds it
 * cannot write; the write itself ({@link AtomicFiles} with {@link #replacing}) checks again at
 * the end, since a file may appear at {@code --out} meanwhile.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** What writing {@code --out} may replace: nothing, or with {@code --force} a regular file. */
    static Replacing replacing(boolean force) {
        return force ? Replacing.REGULAR_FILE : Replacing.NOTHING;
    }

    /**
     * Refuses an {@code --out} file that exists (without {@code --force}), that is not a regular
     * file (even with it), or whose folder is missing or cannot be written.
     */
    static void checkWritable(Path out, boolean force) {
        if (Files.isDirectory(out)) {
            throw new UserInputException("output is a folder, not a file: " + out);
        }
        String obstacle = AtomicFiles.obstacle(out, replacing(force));
        if (obstacle != null) {
            throw new UserInputException(obstacle);
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserInputException("output folder does not exist: " + parent);
        }
        probe(parent, out.getFileName().toString(), out);
    }

    /**
     * Refuses an output folder that cannot be written: the folder itself when it exists, else
     * the nearest folder above it that does (where it would be created).
     */
    static void checkFolderWritable(Path dir) {
        Path absolute = dir.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new UserInputException("output is a file, not a folder: " + dir);
        }
        Path existing = absolute;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        probe(existing, "cantor-write-check", dir);
    }

    /**
     * Makes and removes a file in {@code folder}: permissions, read-only mounts and ACLs all
     * answer (Files.isWritable would say yes to root on a read-only mount). The probe is named as
     * {@link AtomicFiles}' temporary files are, so a crash in between leaves a file a later
     * write sweeps.
     */
    private static void probe(Path folder, String name, Path userPath) {
        try {
            Path probe = Files.createTempFile(folder, "." + name + ".", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + userPath + ": " + reason(e, folder));
        }
    }

    private static String reason(IOException e, Path folder) {
        if (e instanceof AccessDeniedException) {
            return "no permission to write in " + folder;
        }
        if (e instanceof FileSystemException fs) {
            // its message is the probe's name; the reason, when the system gave one, is what helps
            return fs.getReason() != null ? fs.getReason() + " (" + folder + ")" : folder + " does not accept new files";
        }
        return e.getMessage();
    }
}
