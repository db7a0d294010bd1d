package dev.cantor.engine.story;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.GenerationRequest;
import dev.cantor.engine.api.RequestException;
import dev.cantor.engine.api.StoryRequest;
import dev.cantor.engine.io.AtomicFiles;
import dev.cantor.engine.io.InputFileException;
import dev.cantor.engine.io.InputFiles;
import dev.cantor.engine.io.JsonProblems;
import dev.cantor.engine.music.Key;
import dev.cantor.engine.music.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads, checks and writes story project files. Reading never changes the file; writing is
 * atomic (a crash leaves the old project or the new one, never half of one).
 */
public final class StoryProjects {

    /** Longest story one project may ask for (30 minutes). */
    public static final double MAX_TOTAL_SECONDS = 1800;
    /** Longest section. */
    public static final double MAX_SECTION_SECONDS = 600;
    /** Most sections in one story (each is a prompt to embed and a seam to render). */
    public static final int MAX_SECTIONS = StoryRequest.MAX_SECTIONS;
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
            return check(project.normalized());
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
        return JSON.writeValueAsString(check(project.normalized()));
    }

    static void writeText(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.writeString(file, text);
    }

    /**
     * Checks every value a person may have typed.
     *
     * @throws IllegalArgumentException naming the section and field at fault
     */
    public static StoryProject check(StoryProject p) {
        List<StorySection> sections = p.sections();
        if (sections == null || sections.isEmpty()) {
            throw new IllegalArgumentException("a story needs at least one section");
        }
        if (sections.size() > MAX_SECTIONS) {
            throw new IllegalArgumentException("the story has " + sections.size() + " sections; at most "
                    + MAX_SECTIONS);
        }
        double shortest = Double.MAX_VALUE;
        for (int i = 0; i < sections.size(); i++) {
            StorySection s = sections.get(i);
            String where = "section " + (i + 1);
            if (s == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            if ((s.prompt() == null || s.prompt().isBlank()) && s.melody() == null) {
                throw new IllegalArgumentException(where + " needs a \"prompt\" (or a \"melody\")");
            }
            if (!(s.seconds() > 0) || s.seconds() > MAX_SECTION_SECONDS) {
                throw new IllegalArgumentException(where + ": \"seconds\" must be more than 0 and at most "
                        + (int) MAX_SECTION_SECONDS + ", got " + s.seconds());
            }
            if (s.tempoBpm() != null && !(s.tempoBpm() >= 20 && s.tempoBpm() <= 400)) {
                throw new IllegalArgumentException(where + ": \"tempo_bpm\" must be 20..400, got " + s.tempoBpm());
            }
            try {
                if (s.key() != null) {
                    Key.fromLabel(s.key());
                }
                if (s.mode() != null) {
                    Mode.fromLabel(s.mode());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            shortest = Math.min(shortest, s.seconds());
        }
        if (p.seconds() > MAX_TOTAL_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the story is %.0f s long; at most %.0f s", p.seconds(), MAX_TOTAL_SECONDS));
        }
        double t = p.transitionSeconds();
        if (!(t >= 0) || (sections.size() > 1 && t >= shortest)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "\"transition_seconds\" must be at least 0 and shorter than every section (the shortest is "
                            + "%.1f s), got %s", shortest, t));
        }
        StoryProject.Sampling s = p.sampling();
        try {
            GenerationRequest.requireValidSampling(s.temperature(), s.topK(), s.topP(), s.guidance());
        } catch (RequestException e) {
            throw new IllegalArgumentException("\"sampling\": " + e.getMessage(), e);
        }
        return p;
    }

    /** The seed section {@code index} samples with: its own, else one derived from the story's. */
    public static long sectionSeed(StoryProject p, int index) {
        Long own = p.sections().get(index).seed();
        return own != null ? own : p.seed() * 1_000_003L + index;
    }
}
