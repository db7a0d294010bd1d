package dev.cantor.ui.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.api.TextFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Reads and writes {@link StudioSettings} as {@code settings.json} in Cantor's config folder.
 * Writes are atomic. Whatever the file holds, loading never throws: a damaged file (not JSON,
 * a value of the wrong kind, a null in a list, a path the system cannot name, too large) is
 * moved aside as {@code settings.json.bad} (or {@code .bad-2}, … when that name is taken, so an
 * earlier one is kept too) and the defaults are used, with a message saying so.
 */
public final class SettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FILE = "settings.json";
    private static final String BAD_SUFFIX = ".bad";
    /** Far above what the studio writes (50 prompts and a few paths are a few kilobytes). */
    static final long MAX_BYTES = 1 << 20;

    private final Path dir;
    private String warning;

    public SettingsStore(Path dir) {
        this.dir = dir;
    }

    /**
     * The folder Cantor keeps its settings in: {@code $CANTOR_CONFIG_DIR}, else
     * {@code $XDG_CONFIG_HOME/cantor}, else the platform's usual place.
     */
    public static Path defaultDir() {
        String explicit = System.getenv("CANTOR_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Cantor");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Cantor");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "cantor") : Path.of(home, ".config", "cantor");
    }

    public Path dir() {
        return dir;
    }

    public Path file() {
        return dir.resolve(FILE);
    }

    /** The saved settings, or the defaults when there are none or the file was damaged (never throws). */
    public StudioSettings load() {
        warning = null;
        Path file = file();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return StudioSettings.defaults();
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO would block the read forever, a folder cannot be read: neither is moved
            warning = "Your settings file " + file + " is not a regular file; Cantor uses default settings this time.";
            return StudioSettings.defaults();
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return damaged(file, "it is over " + (MAX_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            warning = "Cannot read your settings (" + e.getMessage() + "); Cantor uses default settings this time.";
            return StudioSettings.defaults();
        }
        try {
            return parse(bytes);
        } catch (IOException | RuntimeException e) {
            return damaged(file, null);
        }
    }

    /**
     * The settings {@code bytes} hold, checked and with defaults filled in.
     *
     * @throws IOException              when they are not a JSON object of settings
     * @throws IllegalArgumentException when a value is unusable (a null in a list, a bad path)
     */
    static StudioSettings parse(byte[] bytes) throws IOException {
        StudioSettings s = JSON.readValue(bytes, StudioSettings.class);
        if (s == null) {
            throw new IOException("the settings file holds null");
        }
        return s.checked().normalized();
    }

    /** Moves the damaged file aside under a free name and starts from the defaults. */
    private StudioSettings damaged(Path file, String why) {
        String what = why == null ? "was damaged" : "was damaged (" + why + ")";
        for (int n = 1; n <= 100; n++) {
            Path aside = file.resolveSibling(FILE + BAD_SUFFIX + (n == 1 ? "" : "-" + n));
            try {
                Files.move(file, aside);        // no REPLACE_EXISTING: an earlier damaged file is kept
                warning = "Your settings file " + what + "; it was kept as " + aside.getFileName()
                        + " and Cantor started with default settings.";
                return StudioSettings.defaults();
            } catch (FileAlreadyExistsException taken) {
                // try the next name
            } catch (IOException moveFailed) {
                break;
            }
        }
        warning = "Your settings file " + file + " " + what + "; Cantor uses default settings this time.";
        return StudioSettings.defaults();
    }

    /** Writes the settings atomically. */
    public void save(StudioSettings settings) throws IOException {
        Files.createDirectories(dir);
        TextFiles.writeAtomically(file(), JSON.writeValueAsString(settings));
    }

    /** What went wrong at the last load, for the status bar, or null. */
    public String warning() {
        return warning;
    }
}
