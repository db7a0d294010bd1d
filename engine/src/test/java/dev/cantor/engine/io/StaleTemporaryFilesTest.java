package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files stranded by kill -9 go on the next write to their folder; nothing else does. */
class StaleTemporaryFilesTest {

    @Test
    void theNextWriteRemovesAbandonedTemporaryFilesOfOurNamingOnly(@TempDir Path dir) throws Exception {
        Instant longAgo = Instant.now().minus(StaleTemporaryFiles.ABANDONED_AFTER).minus(Duration.ofMinutes(1));
        Path stranded = aged(dir.resolve(".take.wav.8234923749823.tmp"), longAgo);
        Path strandedOther = aged(dir.resolve(".settings.json.17.tmp"), longAgo);
        Path fresh = aged(dir.resolve(".take.wav.555.tmp"), Instant.now());    // a write under way
        Path usersHidden = aged(dir.resolve(".notes.tmp"), longAgo);           // no random digits
        Path usersFile = aged(dir.resolve("take.wav.1.tmp"), longAgo);         // not hidden
        Path usersDraft = aged(dir.resolve(".draft.txt.v2.tmp"), longAgo);    // not digits
        Path folder = Files.createDirectory(dir.resolve(".album.wav.99.tmp"));
        Files.setLastModifiedTime(folder, FileTime.from(longAgo));

        AtomicFiles.writeString(dir.resolve("next.json"), "{}");

        assertFalse(Files.exists(stranded));
        assertFalse(Files.exists(strandedOther));
        for (Path kept : List.of(fresh, usersHidden, usersFile, usersDraft, folder)) {
            assertTrue(Files.exists(kept), "kept: " + kept.getFileName());
        }
        assertEquals("{}", Files.readString(dir.resolve("next.json")));
    }

    @Test
    void aSweepNeverTouchesTheWritersOwnFileAndCountsWhatItRemoves(@TempDir Path dir) throws Exception {
        Path own = Files.createFile(dir.resolve(".a.wav.1.tmp"));
        Path old = Files.createFile(dir.resolve(".b.wav.2.tmp"));
        Instant later = Instant.now().plus(StaleTemporaryFiles.ABANDONED_AFTER).plus(Duration.ofMinutes(1));
        assertEquals(1, StaleTemporaryFiles.sweep(dir, own, later));
        assertTrue(Files.exists(own));
        assertFalse(Files.exists(old));
    }

    @Test
    void theNamingIsExactlyWhatAtomicFilesMakes(@TempDir Path dir) throws Exception {
        Path made = Files.createTempFile(dir, ".take.wav.", ".tmp");
        assertTrue(StaleTemporaryFiles.isOurNaming(made.getFileName().toString()), made.toString());
        assertFalse(StaleTemporaryFiles.isOurNaming("take.wav"));
        assertFalse(StaleTemporaryFiles.isOurNaming(".take.wav.tmp"));
    }

    private static Path aged(Path file, Instant modified) throws Exception {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
