package dev.cantor.engine.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.StoryResult;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.audio.AudioClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryTakeFilesTest {

    @TempDir
    Path dir;

    private static StoryResult result(int seed) {
        int rate = 8000;
        float[] x = new float[rate * 3];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 0.2);
        }
        int[][] codes = new int[4][150];
        for (int[] row : codes) {
            for (int t = 0; t < row.length; t++) {
                row[t] = r.nextInt(2048);
            }
        }
        return new StoryResult(new AudioClip(x, rate), codes, new int[] {0, 50, 150}, 50, 1.5);
    }

    @Test
    void aTakeReadsBackToTheSampleAndTheToken() throws Exception {
        Path project = dir.resolve("my story.json");
        StoryResult made = result(1);
        StoryProject.StoryTake take = StoryTakeFiles.save(project, made, 7, Instant.parse("2026-11-22T10:00:00Z"));
        assertEquals("my story.takes/take-001.wav", take.file());
        assertEquals(List.of(new StoryProject.Span(0, 1), new StoryProject.Span(1, 3)), take.sections());

        StoryResult back = StoryTakeFiles.load(project, take);
        assertArrayEquals(made.audio().samples(), back.audio().samples());
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(made.codes()[k], back.codes()[k]);
        }
        assertArrayEquals(made.sectionStart(), back.sectionStart());
        assertEquals(50, back.frameRate());
    }

    @Test
    void aNewTakeNeverReplacesAnOlderOne() throws Exception {
        Path project = dir.resolve("s.json");
        StoryProject.StoryTake first = StoryTakeFiles.save(project, result(1), 1, Instant.now());
        byte[] before = Files.readAllBytes(project.resolveSibling(first.file()));
        StoryProject.StoryTake second = StoryTakeFiles.save(project, result(2), 2, Instant.now());
        assertNotEquals(first.file(), second.file());
        assertArrayEquals(before, Files.readAllBytes(project.resolveSibling(first.file())));
    }

    @Test
    void takesSavedAtTheSameTimeGetDifferentNumbersAndAllReadBack() throws Exception {
        Path project = dir.resolve("s.json");
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoryProject.StoryTake>> saves = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int seed = i;
            saves.add(pool.submit(() -> {
                start.await();
                return StoryTakeFiles.save(project, result(seed), seed, Instant.now());
            }));
        }
        start.countDown();
        Set<String> files = new HashSet<>();
        for (int i = 0; i < writers; i++) {
            StoryProject.StoryTake take = saves.get(i).get();
            assertTrue(files.add(take.file()), "two saves got " + take.file());
            assertArrayEquals(result(i).audio().samples(), StoryTakeFiles.load(project, take).audio().samples());
        }
        pool.shutdown();
    }

    @Test
    void damagedOrMissingTakeFilesGiveMessagesNamingThem() throws Exception {
        Path project = dir.resolve("s.json");
        StoryProject.StoryTake take = StoryTakeFiles.save(project, result(1), 1, Instant.now());
        Path codes = project.resolveSibling(take.codes());
        byte[] bytes = Files.readAllBytes(codes);
        Files.write(codes, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        StoryProjectException e = assertThrows(StoryProjectException.class,
                () -> StoryTakeFiles.load(project, take));
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());

        Files.delete(project.resolveSibling(take.file()));
        e = assertThrows(StoryProjectException.class, () -> StoryTakeFiles.load(project, take));
        assertTrue(e.getMessage().contains("take-001.wav"), e.getMessage());
    }
}
