package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run logs each step once: the log is rewound to the checkpoint it resumes from. */
class TrainingLogTest {

    @Test
    void rewindDropsStepsPastTheCheckpointAndLinesACrashCutShort(@TempDir Path dir) throws Exception {
        Path log = dir.resolve(TrainingLog.FILE);
        Files.writeString(log, """
                {"step":1,"loss":2.0}
                {"note":"no step: kept"}
                {"step":2,"loss":1.9}
                {"step":3,"loss":1.8}
                {"step":2,"mean":1.5,"windows":4}
                {"step":4,"loss":1.7}
                {"step":5,"lo""");
        assertEquals(3, TrainingLog.rewind(log, 2));
        assertEquals(List.of("{\"step\":1,\"loss\":2.0}", "{\"note\":\"no step: kept\"}", "{\"step\":2,\"loss\":1.9}",
                "{\"step\":2,\"mean\":1.5,\"windows\":4}"), Files.readAllLines(log));
        assertEquals(0, TrainingLog.rewind(log, 2), "nothing more to drop");
        assertEquals(0, TrainingLog.rewind(dir.resolve("absent.jsonl"), 2));
        assertFalse(Files.exists(dir.resolve("absent.jsonl")));
    }
}
