package dev.cantor.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shipped default model: {@code -Dcantor.model=DIR} or {@code CANTOR_MODEL} when set,
 * else {@code resources/models/default} in the checkout the jar was built in (searched upwards
 * from the jar), else under the working directory.
 */
final class ModelLocator {

    static final String DEFAULT_RELATIVE = "resources/models/default";

    private ModelLocator() {
    }

    static Path defaultModel() {
        String explicit = System.getProperty("cantor.model", System.getenv("CANTOR_MODEL"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        try {
            Path here = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(DEFAULT_RELATIVE);
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of(DEFAULT_RELATIVE);
    }

    /** The model folder to use: the one given, else the default. */
    static Path orDefault(Path given) {
        return given != null ? given : defaultModel();
    }
}
