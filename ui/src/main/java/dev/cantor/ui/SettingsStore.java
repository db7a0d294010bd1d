package dev.cantor.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cantor.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes {@link StudioSettings} as {@code settings.json} in Cantor's config folder.
 * Writes are atomic. A damaged file is never overwritten in place: it is moved aside (its name
 * gets {@code .damaged-<time>}) and the defaults are used, with a message saying so.
 */
public final class SettingsStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String FILE = "settings.json";

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

    /** The saved settings, or the defaults when there are none or the file was damaged. */
    public StudioSettings load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return StudioSettings.defaults();
        }
        try {
            StudioSettings s = JSON.readValue(file.toFile(), StudioSettings.class);
            return s == null ? StudioSettings.defaults() : s.normalized();
        } catch (JsonProcessingException e) {
            Path aside = file.resolveSibling(FILE + ".damaged-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                warning = "Your settings file was damaged; it was kept as " + aside.getFileName()
                        + " and Cantor started with default settings.";
            } catch (IOException moveFailed) {
                warning = "Your settings file " + file + " is damaged; Cantor uses default settings this time.";
            }
            return StudioSettings.defaults();
        } catch (IOException e) {
            warning = "Cannot read your settings (" + e.getMessage() + "); Cantor uses default settings this time.";
            return StudioSettings.defaults();
        }
    }

    /** Writes the settings atomically. */
    public void save(StudioSettings settings) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(file(), JSON.writeValueAsString(settings));
    }

    /** What went wrong at the last load, for the status bar, or null. */
    public String warning() {
        return warning;
    }
}
