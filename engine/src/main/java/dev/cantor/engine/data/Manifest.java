package dev.cantor.engine.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cantor.engine.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The corpus index {@code manifest.jsonl}: one {@link ManifestEntry} JSON object per line, in
 * clip order. Written atomically, after all audio, so a manifest only ever lists finished files.
 */
public final class Manifest {

    /** File name of the manifest inside a corpus folder. */
    public static final String FILE_NAME = "manifest.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private Manifest() {
    }

    /** The manifest path of corpus folder {@code dir}. */
    public static Path path(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    /** One entry as its single-line JSON. */
    public static String toLine(ManifestEntry entry) {
        try {
            return MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise manifest entry " + entry.file(), e);
        }
    }

    /** Writes the manifest of {@code dir} atomically, replacing any previous one. */
    public static void write(Path dir, List<ManifestEntry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        for (ManifestEntry e : entries) {
            text.append(toLine(e)).append('\n');
        }
        AtomicFiles.writeString(path(dir), text.toString());
    }

    /**
     * Reads the manifest of corpus folder {@code dir}.
     *
     * @throws ManifestException when there is no manifest, a line is not a valid entry, or an
     *                           entry names an audio file that is missing
     */
    public static List<ManifestEntry> read(Path dir) throws ManifestException {
        Path file = path(dir);
        List<ManifestEntry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ManifestEntry entry;
                try {
                    entry = MAPPER.readValue(line, ManifestEntry.class);
                } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                    throw new ManifestException(file + " line " + number + " is not a valid corpus entry: "
                            + firstLine(e.getMessage()), e);
                }
                if (!Files.isRegularFile(dir.resolve(entry.file()))) {
                    throw new ManifestException(file + " line " + number + " names " + entry.file()
                            + ", which is missing from " + dir);
                }
                entries.add(entry);
            }
        } catch (NoSuchFileException e) {
            throw new ManifestException("no corpus manifest in " + dir + " (expected " + FILE_NAME
                    + "; make one with 'cantor synth --out " + dir + "')", e);
        } catch (ManifestException e) {
            throw e;
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ManifestException(file + " lists no clips");
        }
        return List.copyOf(entries);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
