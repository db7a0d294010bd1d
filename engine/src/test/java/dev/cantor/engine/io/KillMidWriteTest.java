package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer (SIGKILL, no shutdown hooks) at whatever point of its writes it has reached,
 * several times: the user's file stays byte-identical, every file under a real name is whole,
 * and what the kills strand is only temporary files of Cantor's naming, which the next write
 * to the folder sweeps once they are old.
 */
class KillMidWriteTest {

    private static final byte[] USERS = "the user's recording, not to be lost".getBytes(StandardCharsets.UTF_8);

    @Test
    void killingAWriterLosesNoUserFileAndLeavesOnlyWholeFiles(@TempDir Path dir) throws Exception {
        Path keep = Files.write(dir.resolve("keep.wav"), USERS);
        for (int kill = 0; kill < 4; kill++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), KilledWriter.class.getName(),
                    dir.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertEquals("writing", out.readLine(), "the writer started");
                Thread.sleep(3L * kill);                 // a different point of the loop each time
                writer.destroyForcibly();                // SIGKILL on Unix
            }
            assertTrue(writer.waitFor(1, TimeUnit.MINUTES));
            assertNotEquals(3, writer.exitValue(), "the writer replaced the user's file");

            assertArrayEquals(USERS, Files.readAllBytes(keep), "the user's file after kill " + kill);
            for (String name : List.of("out.wav", "fresh.wav")) {
                Path file = dir.resolve(name);
                if (Files.exists(file)) {
                    assertWhole(Files.readAllBytes(file), name);
                }
            }
            for (String name : AtomicFilesTest.names(dir)) {
                assertTrue(List.of("keep.wav", "out.wav", "fresh.wav").contains(name)
                        || StaleTemporaryFiles.isOurNaming(name), "only Cantor's temporary files are left: " + name);
            }
        }
        List<String> stranded = new ArrayList<>();
        for (String name : AtomicFilesTest.names(dir)) {
            if (StaleTemporaryFiles.isOurNaming(name)) {
                stranded.add(name);
                Files.setLastModifiedTime(dir.resolve(name), FileTime.from(Instant.now()
                        .minus(StaleTemporaryFiles.ABANDONED_AFTER).minus(Duration.ofMinutes(1))));
            }
        }
        AtomicFiles.writeString(dir.resolve("later.json"), "{}");    // this process's first write here
        for (String name : AtomicFilesTest.names(dir)) {
            assertTrue(List.of("keep.wav", "out.wav", "fresh.wav", "later.json").contains(name),
                    "stranded " + stranded + ", left after the next write: " + name);
        }
        assertArrayEquals(USERS, Files.readAllBytes(keep));
    }

    private static void assertWhole(byte[] bytes, String name) {
        assertEquals(KilledWriter.BYTES, bytes.length, name + " is whole");
        for (byte b : bytes) {
            if (b != bytes[0]) {
                throw new AssertionError(name + " mixes two writes");
            }
        }
    }
}
