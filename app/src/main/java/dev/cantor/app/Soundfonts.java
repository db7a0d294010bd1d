package dev.cantor.app;

import dev.cantor.engine.data.Soundfont;
import dev.cantor.engine.data.SoundfontException;
import java.nio.file.Path;

/** Opens the soundfont a {@code --soundfont} option names, with messages a user can act on. */
final class Soundfonts {

    private Soundfonts() {
    }

    /** {@code null}: the system's default; "builtin": Java's small built-in bank; else a .sf2 file. */
    static Soundfont open(Path soundfont) {
        try {
            if (soundfont == null) {
                return Soundfont.systemDefault();
            }
            return soundfont.toString().equals("builtin") ? Soundfont.builtIn() : Soundfont.load(soundfont);
        } catch (SoundfontException e) {
            throw new UserInputException(e.getMessage());
        }
    }
}
