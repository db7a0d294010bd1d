package dev.cantor.engine.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@link TrainingLibrary} files (atomically; a bad file is reported, never changed). */
public final class TrainingLibraries {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrainingLibraries() {
    }

    public static void write(Path file, TrainingLibrary library) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, JSON.writeValueAsString(library));
    }

    /** @throws IOException naming the file when it is missing, damaged, newer or not a library */
    public static TrainingLibrary read(Path file) throws IOException {
        TrainingLibrary library;
        try {
            library = JSON.readValue(Files.readString(file), TrainingLibrary.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("the library file " + file + " is damaged: " + e.getOriginalMessage(), e);
        }
        if (!TrainingLibrary.FORMAT.equals(library.format())) {
            throw new IOException(file + " is not a Cantor library file");
        }
        if (library.version() > TrainingLibrary.VERSION) {
            throw new IOException(file + " was written by a newer Cantor (library version " + library.version() + ")");
        }
        return library;
    }
}
