package dev.cantor.ui.shared;

import java.nio.file.Path;

/**
 * A model the musician can pick: the shipped default or a model folder they added.
 *
 * @param name    what the selector shows
 * @param dir     the model folder (codec/ and lm/)
 * @param builtIn true for the model that ships with Cantor (it cannot be removed)
 */
public record ModelEntry(String name, Path dir, boolean builtIn) {

    @Override
    public String toString() {
        return name;
    }
}
