package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cantor.engine.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void resumingARunRewindsItsLogToTheCheckpointsStep(@TempDir Path dir) throws Exception {
        TrainingCheckpoint.save(dir, new TrainingCheckpoint.State(200, 12.5, "codec"),
                folder -> AtomicFiles.writeString(folder.resolve("training_config.json"), "{}"));
        StringBuilder lines = new StringBuilder();
        for (int step = 1; step <= 258; step++) {           // a run killed 58 steps after its checkpoint
            lines.append("{\"step\":").append(step).append("}\n");
        }
        Files.writeString(dir.resolve(TrainingLog.FILE), lines);

        TrainingCheckpoint.Resumed<Map> run = TrainingCheckpoint.resume(dir, Map.class);

        assertEquals(200, run.state().step());
        List<String> kept = Files.readAllLines(dir.resolve(TrainingLog.FILE));
        assertEquals(200, kept.size());
        assertEquals("{\"step\":200}", kept.get(kept.size() - 1));
    }
}
