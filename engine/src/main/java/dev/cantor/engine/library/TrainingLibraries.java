package dev.cantor.engine.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.finetune.TrainingLibrary;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
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

    /** Largest library file read (one line per track: tens of thousands of tracks fit). */
    private static final long MAX_LIBRARY_BYTES = 200_000_000L;

    /** @throws IOException naming the file when it is missing, damaged, newer or not a library */
    public static TrainingLibrary read(Path file) throws IOException {
        TrainingLibrary library;
        try {
            library = JSON.readValue(InputFiles.readUtf8(file, "the library file", MAX_LIBRARY_BYTES),
                    TrainingLibrary.class);
        } catch (JsonProcessingException e) {
            throw new IOException("the library file " + file + " is damaged: " + JsonProblems.describe(e), e);
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
