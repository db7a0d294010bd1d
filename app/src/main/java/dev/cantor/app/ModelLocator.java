package dev.cantor.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds what Cantor ships: the default model ({@code -Dcantor.model=DIR} or {@code CANTOR_MODEL}
 * when set, else {@code resources/models/default}), the evaluation set and its judge — in the
 * checkout the jar was built in (searched upwards from the jar), else under the working directory.
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
        return shipped(DEFAULT_RELATIVE);
    }

    /**
     * A file or folder shipped in the checkout, such as {@code resources/eval/prompts.jsonl}:
     * found upwards from the jar, else taken relative to the working directory.
     */
    static Path shipped(String relative) {
        try {
            Path here = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here.getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of(relative);
    }

    /** The model folder to use: the one given, else the default. */
    static Path orDefault(Path given) {
        return given != null ? given : defaultModel();
    }
}
