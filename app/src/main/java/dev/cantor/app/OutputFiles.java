package dev.cantor.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Guards the user's files: nothing is overwritten without {@code --force}. */
final class OutputFiles {

    private OutputFiles() {
    }

    static void checkWritable(Path out, boolean force) {
        if (Files.isDirectory(out)) {
            throw new UserInputException("output is a folder, not a file: " + out);
        }
        if (Files.exists(out) && !force) {
            throw new UserInputException(out + " already exists; pass --force to overwrite it");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserInputException("output folder does not exist: " + parent);
        }
    }
}
