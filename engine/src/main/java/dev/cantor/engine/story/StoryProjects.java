package dev.cantor.engine.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFileException;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads, checks and writes story project files. Reading never changes the file; writing is
 * atomic (a crash leaves the old project or the new one, never half of one).
 */
public final class StoryProjects {

    /** Largest project file read (a 100-section project with many takes is well under 1 MB). */
    public static final long MAX_PROJECT_BYTES = 10_000_000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Reading refuses a second value after the project (trailing garbage) and fractions in whole-number fields. */
    private static final ObjectMapper READER = JsonProblems.strictMapper();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private StoryProjects() {
    }

    /**
     * The project in {@code file}, checked and with defaults filled in.
     *
     * @throws StoryProjectException when it is missing, damaged, from a newer Cantor or invalid
     */
    public static StoryProject read(Path file) throws StoryProjectException {
        return parse(readText(file), fileName(file));
    }

    /**
     * The text of a project file, as it is on disk (a UTF-8 byte-order mark included: {@link
     * #parse} drops it). A folder, a pipe, a device, a file over {@link #MAX_PROJECT_BYTES} and
     * text that is not UTF-8 are refused before or instead of being parsed.
     *
     * @throws StoryProjectException when it is missing or cannot be read
     */
    static String readText(Path file) throws StoryProjectException {
        try {
            return InputFiles.readUtf8(file, "the project file", MAX_PROJECT_BYTES);
        } catch (NoSuchFileException e) {
            throw new StoryProjectException("project file not found: " + file);
        } catch (InputFileException e) {
            throw new StoryProjectException(e.getMessage(), e);
        } catch (IOException e) {
            throw new StoryProjectException("cannot read the project file " + file + ": " + e.getMessage(), e);
        }
    }

    static String fileName(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    /**
     * The project a file's text describes, checked and with defaults filled in.
     *
     * @param name the file's name, for messages
     * @throws StoryProjectException when it is damaged, from a newer Cantor or invalid
     */
    static StoryProject parse(String text, String name) throws StoryProjectException {
        if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1);                 // Notepad's UTF-8 signature: not part of the JSON
        }
        JsonNode tree;
        try {
            tree = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new StoryProjectException("the project file " + name + " is damaged: " + JsonProblems.describe(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new StoryProjectException(name + " is not a Cantor project (expected a JSON object)");
        }
        if (!StoryProject.FORMAT.equals(tree.path("format").asText(null))) {
            throw new StoryProjectException(name + " is not a Cantor project (it needs \"format\": \""
                    + StoryProject.FORMAT + "\")");
        }
        JsonNode version = tree.get("version");
        if (version == null || version.isNull()) {
            throw new StoryProjectException(name + " has no schema \"version\" (this Cantor reads version "
                    + StoryProject.VERSION + ")");
        }
        if (!version.isNumber()) {
            throw new StoryProjectException(name + ": \"version\" must be a number, as in \"version\": "
                    + StoryProject.VERSION + " (without quotes), got " + JsonProblems.oneLine(version.toString()));
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new StoryProjectException(name + ": \"version\" must be a whole number such as "
                    + StoryProject.VERSION + ", got " + JsonProblems.oneLine(version.toString()));
        }
        if (version.asInt() > StoryProject.VERSION) {
            throw new StoryProjectException(name + " was saved by a newer Cantor (project version " + version.asInt()
                    + "; this Cantor reads version " + StoryProject.VERSION + "). Update Cantor to open it; the file "
                    + "was not changed.");
        }
        if (version.asInt() < 1) {
            throw new StoryProjectException(name + " has an unknown project version " + version.asInt());
        }
        StoryProject project;
        try {
            project = READER.treeToValue(tree, StoryProject.class);
        } catch (JsonProcessingException e) {
            throw new StoryProjectException("the project file " + name + " has a value of the wrong kind: "
                    + JsonProblems.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new StoryProjectException(name + ": " + JsonProblems.oneLine(e.getMessage()), e);
        }
        try {
            return project.normalized().checked();
        } catch (IllegalArgumentException e) {
            throw new StoryProjectException(name + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code project} to {@code file} atomically (the caller asks before replacing a file). */
    public static void write(Path file, StoryProject project) throws IOException {
        writeText(file, text(project));
    }

    /** The text {@link #write} puts in a file for {@code project} (checked first). */
    static String text(StoryProject project) throws IOException {
        return JSON.writeValueAsString(project.normalized().checked());
    }

    static void writeText(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, text);
    }

    /** The seed section {@code index} samples with: its own, else one derived from the story's. */
    public static long sectionSeed(StoryProject p, int index) {
        Long own = p.sections().get(index).seed();
        return own != null ? own : p.seed() * 1_000_003L + index;
    }
}
