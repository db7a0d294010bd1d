package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cantor.engine.io.AtomicFiles.NotReplacedException;
import dev.cantor.engine.io.AtomicFiles.Replacing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each {@link Replacing} mode may replace, including what appears at the target during a write. */
class AtomicFilesTest {

    private static final byte[] USERS = "the user's own file".getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutForceAFileThatAppearsDuringTheWriteIsKeptAndTheWriteFails(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("take.wav");
        NotReplacedException e = assertThrows(NotReplacedException.class, () ->
                AtomicFiles.write(target, Replacing.NOTHING, out -> {
                    out.write(new byte[1000]);
                    Files.write(target, USERS);           // another program saves there meanwhile
                }));
        assertArrayEquals(USERS, Files.readAllBytes(target));
        assertTrue(e.getMessage().contains("appeared while Cantor was working"), e.getMessage());
        assertTrue(e.getMessage().contains(target.toString()), "names the user's path: " + e.getMessage());
        assertEquals(List.of("take.wav"), names(dir), "no temporary file is left");
    }

    @Test
    void withoutForceAFreeNameIsWrittenWithReadablePermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("take.wav");
        AtomicFiles.write(target, Replacing.NOTHING, out -> out.write(USERS));
        assertArrayEquals(USERS, Files.readAllBytes(target));
        assertEquals(List.of("take.wav"), names(dir), "the temporary name is gone after the link");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(target)));
        }
        assertThrows(NotReplacedException.class, () -> AtomicFiles.write(target, Replacing.NOTHING, out -> {
        }), "an existing file is refused before the work too");
    }

    @Test
    void twoWritersWithoutForceOneWinsTheOtherFailsClearly(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.wav");
        CyclicBarrier bothWritten = new CyclicBarrier(2);   // both hold a finished temporary file
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (String who : new String[] {"first", "second"}) {
                runs.add(pool.submit(() -> {
                    try {
                        AtomicFiles.write(target, Replacing.NOTHING, out -> {
                            out.write(who.getBytes(StandardCharsets.UTF_8));
                            await(bothWritten);
                        });
                        return "won:" + who;
                    } catch (NotReplacedException e) {
                        return "refused:" + e.getMessage();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> run : runs) {
                outcomes.add(run.get(1, TimeUnit.MINUTES));
            }
            List<String> won = outcomes.stream().filter(o -> o.startsWith("won:")).toList();
            assertEquals(1, won.size(), "exactly one writer wins: " + outcomes);
            assertEquals(won.get(0).substring(4), Files.readString(target), "the file is the winner's, whole");
            assertTrue(outcomes.stream().anyMatch(o -> o.contains("appeared while Cantor was working")), outcomes.toString());
            assertEquals(List.of("out.wav"), names(dir));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withForceARegularFileIsReplacedAndKeepsItsPermissions(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("take.wav");
        Files.write(target, USERS);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
        }
        AtomicFiles.write(target, Replacing.REGULAR_FILE, out -> out.write(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rw-rw----", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(target)));
        }
    }

    @Test
    void withForceASymbolicLinkIsNeitherReplacedNorFollowed(@TempDir Path dir) throws Exception {
        Path elsewhere = dir.resolve("elsewhere.txt");
        Files.write(elsewhere, USERS);
        Path link = Files.createSymbolicLink(dir.resolve("take.wav"), elsewhere);
        NotReplacedException e = assertThrows(NotReplacedException.class, () ->
                AtomicFiles.write(link, Replacing.REGULAR_FILE, out -> out.write(new byte[10])));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(USERS, Files.readAllBytes(elsewhere));
    }

    @Test
    void withForceALinkThatAppearsDuringTheWriteIsNotReplaced(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("take.wav");
        Path elsewhere = Files.write(dir.resolve("elsewhere.txt"), USERS);
        assertThrows(NotReplacedException.class, () -> AtomicFiles.write(target, Replacing.REGULAR_FILE, out -> {
            out.write(new byte[10]);
            Files.createSymbolicLink(target, elsewhere);
        }));
        assertTrue(Files.isSymbolicLink(target));
        assertEquals(List.of("elsewhere.txt", "take.wav"), names(dir));
    }

    @Test
    void withForceAFolderOrFifoIsNotReplaced(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("take.wav"));
        NotReplacedException e = assertThrows(NotReplacedException.class, () ->
                AtomicFiles.write(folder, Replacing.REGULAR_FILE, out -> out.write(1)));
        assertTrue(e.getMessage().contains("a folder"), e.getMessage());
        assertTrue(Files.isDirectory(folder));

        Path fifo = Fifos.make(dir.resolve("pipe.wav"));
        e = assertThrows(NotReplacedException.class, () ->
                AtomicFiles.write(fifo, Replacing.REGULAR_FILE, out -> out.write(1)));
        assertTrue(e.getMessage().contains("FIFO"), e.getMessage());
        assertTrue(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo));
    }

    @Test
    void aDeviceNodeIsAnObstacleEvenWithForce() {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "a Unix system");
        // only the check: were it wrong, a test run as root would replace /dev/null
        String obstacle = AtomicFiles.obstacle(devNull, Replacing.REGULAR_FILE);
        assertNotNull(obstacle);
        assertTrue(obstacle.contains("not a regular file"), obstacle);
        assertNull(AtomicFiles.obstacle(Path.of("/dev/cantor-no-such-file"), Replacing.NOTHING));
    }

    @Test
    void aFailedWriteNamesTheTargetAndTheReasonNotTheTemporaryFile(@TempDir Path dir) throws Exception {
        Path missingFolderParent = Files.write(dir.resolve("a-file"), USERS);
        Path target = missingFolderParent.resolve("take.wav");     // its "folder" is a file
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, Replacing.NOTHING,
                out -> out.write(1)));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());

        Path ok = dir.resolve("ok.wav");
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(ok, Replacing.NOTHING, out -> {
            out.write(new byte[1 << 17]);                  // past the buffer: reaches the stream
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", full.getMessage(), "the body's own error passes unchanged");
        assertFalse(Files.exists(ok));
        assertEquals(List.of("a-file"), names(dir));
    }

    @Test
    void ownStateFilesAreStillReplacedWhateverIsThere(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("settings.json");
        Files.write(target, USERS);
        AtomicFiles.writeString(target, "{}");
        assertEquals("{}", Files.readString(target));
    }

    private static void await(CyclicBarrier barrier) throws IOException {
        try {
            barrier.await(1, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
