package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Named pipes for the tests that check nothing waits on one (made with mkfifo; skipped without it). */
public final class Fifos {

    private Fifos() {
    }

    /** Makes a named pipe at {@code path}; skips the test where mkfifo is missing. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not installed");
            return path;
        }
        assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        assumeTrue(Files.exists(path) && !Files.isRegularFile(path), "mkfifo made no pipe");
        return path;
    }
}
