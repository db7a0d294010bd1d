package dev.cantor.engine.io;

import dev.cantor.engine.io.AtomicFiles.NotReplacedException;
import dev.cantor.engine.io.AtomicFiles.Replacing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The writer {@link KillMidWriteTest} kills with SIGKILL: in a loop, replaces {@code out.wav}
 * (as {@code --force} does), writes and removes {@code fresh.wav} (as a run without it), and
 * tries to write over {@code keep.wav}, which it must never manage. Each file it writes holds one
 * byte value throughout, so a torn file shows.
 */
public final class KilledWriter {

    static final int BYTES = 300_000;

    private KilledWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int i = 0; ; i++) {
            byte[] content = new byte[BYTES];
            Arrays.fill(content, (byte) (1 + i % 200));
            AtomicFiles.write(dir.resolve("out.wav"), Replacing.REGULAR_FILE, out -> out.write(content));
            Files.deleteIfExists(dir.resolve("fresh.wav"));
            AtomicFiles.write(dir.resolve("fresh.wav"), Replacing.NOTHING, out -> out.write(content));
            try {
                AtomicFiles.write(dir.resolve("keep.wav"), Replacing.NOTHING, out -> out.write(content));
                System.exit(3);                          // the user's file was replaced
            } catch (NotReplacedException expected) {
                // what must happen every time
            }
            if (i == 0) {
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
