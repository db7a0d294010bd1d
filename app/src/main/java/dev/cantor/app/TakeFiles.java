package dev.cantor.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files {@code generate --takes N} writes: {@code --out} itself for one take; for more, the
 * take's number before the extension — {@code song.wav} → {@code song-1.wav}, {@code song-2.wav},
 * … (without an extension: {@code song-1}, …).
 */
final class TakeFiles {

    private TakeFiles() {
    }

    static List<Path> paths(Path out, int takes) {
        if (takes == 1) {
            return List.of(out);
        }
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i <= takes; i++) {
            paths.add(out.resolveSibling(stem + "-" + i + extension));
        }
        return List.copyOf(paths);
    }
}
