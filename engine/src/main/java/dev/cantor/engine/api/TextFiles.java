package dev.cantor.engine.api;

import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Small text files Cantor keeps for itself (settings, a take's settings beside its WAV). */
public final class TextFiles {

    private TextFiles() {
    }

    /**
     * Writes {@code text} as UTF-8 so that a reader never sees half of it: a crash leaves the old
     * file or the new one. Replaces whatever is at {@code file}; a caller that writes a file the
     * musician named asks first.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }
}
