package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 24, items 6 and 12: what is not a regular file, or is too large, is refused by name before reading. */
class InputFilesTest {

    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = Fifos.make(dir.resolve("config.json"));
        InputFileException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(InputFileException.class, () -> InputFiles.readBounded(fifo, "the config", 100)));
        assertTrue(e.getMessage().contains("named pipe (FIFO)") && e.getMessage().contains("config.json"),
                e.getMessage());
    }

    @Test
    void aDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        InputFileException e = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(InputFileException.class, () -> InputFiles.readBounded(zero, "the project", 1000)));
        assertTrue(e.getMessage().contains("is a device"), e.getMessage());
    }

    @Test
    void aFolderAndAMissingFileAreNamedAsSuch() throws Exception {
        InputFileException e = assertThrows(InputFileException.class,
                () -> InputFiles.readBounded(dir, "the project", 1000));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> InputFiles.readBounded(dir.resolve("gone"), "the project", 9));
    }

    @Test
    void aFileOverTheLimitIsRefusedStatingTheLimit() throws Exception {
        Path big = Files.write(dir.resolve("big.json"), new byte[2001]);
        InputFileException e = assertThrows(InputFileException.class,
                () -> InputFiles.readBounded(big, "the project file", 2000));
        assertTrue(e.getMessage().contains("is 2.0 kB") && e.getMessage().contains("at most 2 kB"), e.getMessage());
        assertArrayEquals(new byte[2001], InputFiles.readBounded(big, "the project file", 2001));
    }

    @Test
    void textThatIsNotUtf8IsRefusedInOneLine() throws Exception {
        Path latin1 = Files.write(dir.resolve("p.json"), "{\"prompt\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        InputFileException e = assertThrows(InputFileException.class, () -> InputFiles.readUtf8(latin1, "the project", 99));
        assertTrue(e.getMessage().contains("not UTF-8") && !e.getMessage().contains("Input length"), e.getMessage());
        Path bom = Files.write(dir.resolve("bom.json"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertEquals("\uFEFF{}", InputFiles.readUtf8(bom, "the project", 99));
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertEquals("512 bytes", InputFiles.bytes(512));
        assertEquals("10 MB", InputFiles.bytes(10_000_000));
        assertEquals("5.4 GB", InputFiles.bytes(5_400_000_000L));
    }
}
