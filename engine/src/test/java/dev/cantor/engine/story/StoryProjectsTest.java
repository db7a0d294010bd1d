package dev.cantor.engine.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.SamplingParams;
import dev.cantor.engine.api.story.StoryProject;
import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.api.story.StorySection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryProjectsTest {

    static final String SMALLEST = "{\"format\": \"cantor-project\", \"version\": 1, \"seed\": 7, \"sections\": ["
            + "{\"prompt\": \"calm piano intro, 70 bpm\", \"seconds\": 10},"
            + "{\"prompt\": \"driving drums and bass, 140 bpm\", \"seconds\": 10}]}";

    @Test
    void theSmallestHandWrittenProjectLoadsWithDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, SMALLEST);
        StoryProject p = StoryProjects.read(file);
        assertEquals(7L, p.seed());
        assertEquals(2, p.sections().size());
        assertEquals("driving drums and bass, 140 bpm", p.sections().get(1).prompt());
        assertEquals(20.0, p.seconds());
        assertEquals(StoryProject.DEFAULT_TRANSITION_SECONDS, p.transitionSeconds());
        assertEquals(StoryProject.Sampling.defaults(), p.sampling());
        assertEquals(List.of(), p.takes());
        assertNotEquals(StoryProjects.sectionSeed(p, 0), StoryProjects.sectionSeed(p, 1));
    }

    @Test
    void theProjectsSamplingReachesTheRequestAndAnOlderFileGetsTheDefaultKeyGuidance(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("story.json");
        Files.writeString(file, SMALLEST.replace("\"sections\": [",
                "\"sampling\": {\"guidance\": 3.5, \"key_guidance\": 0}, \"sections\": ["));
        SamplingParams asked = StoryRequests.of(StoryProjects.read(file), dir, 32000).sampling();
        assertEquals(3.5, asked.guidance());
        assertEquals(0.0, asked.keyGuidance(), "key guidance turned off in the file stays off");

        Files.writeString(file, SMALLEST.replace("\"sections\": [", "\"sampling\": {\"guidance\": 3.5}, \"sections\": ["));
        SamplingParams older = StoryRequests.of(StoryProjects.read(file), dir, 32000).sampling();
        assertEquals(3.5, older.guidance());
        assertEquals(SamplingParams.DEFAULT_KEY_GUIDANCE, older.keyGuidance());
    }

    @Test
    void aSavedProjectReadsBackTheSameAndTheSaveIsAtomic(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("story.json");
        StoryProject p = StoryProject.of(3, List.of(StorySection.of("ambient pads", 8),
                new StorySection("jazz trio", 12, 99L, 120.0, "F#", "minor", "hum.wav")))
                .withTransitionSeconds(1.5)
                .withTake(new StoryProject.StoryTake("take1.wav", 3, "2026-11-22T10:00:00Z",
                        List.of(new StoryProject.Span(0, 8), new StoryProject.Span(8, 20))));
        StoryProjects.write(file, p);
        assertEquals(p.normalized(), StoryProjects.read(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
        assertTrue(Files.readString(file).contains("\"format\" : \"cantor-project\""));
    }

    @Test
    void aNewerOrBrokenFileIsAClearMessageAndStaysAsItWas(@TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.json");
        String future = SMALLEST.replace("\"version\": 1", "\"version\": 2");
        Files.writeString(newer, future);
        StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(newer));
        assertTrue(e.getMessage().contains("newer Cantor"), e.getMessage());
        assertEquals(future, Files.readString(newer));

        Path broken = dir.resolve("broken.json");
        byte[] half = SMALLEST.substring(0, 60).getBytes();
        Files.write(broken, half);
        e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(broken));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("line 1"), e.getMessage());
        assertArrayEquals(half, Files.readAllBytes(broken));

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"name\": \"my playlist\"}");
        e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(other));
        assertTrue(e.getMessage().contains("not a Cantor project"), e.getMessage());

        e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void badValuesNameTheSectionAndField(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"\"seconds\": 10}]}", "\"seconds\": 0}]}", "section 2: \"seconds\""},
            {"{\"prompt\": \"calm piano intro, 70 bpm\", ", "{\"prompt\": \" \", ", "section 1 needs a \"prompt\""},
            {"\"seed\": 7,", "\"seed\": 7, \"transition_seconds\": 12,", "transition_seconds"},
            {"\"seconds\": 10}]}", "\"seconds\": 10, \"key\": \"H\"}]}", "not a key name"},
            {"\"sections\": [", "\"sampling\": {\"top_p\": 0}, \"sections\": [", "sampling"},
            {"\"sections\": [", "\"sampling\": {\"temperature\": 25}, \"sections\": [",
                "\"sampling\": temperature must be between 0 and 10"},
            {"\"sections\": [", "\"sampling\": {\"key_guidance\": -1}, \"sections\": [",
                "\"sampling\": key guidance must be between 0 and 20"},
            {"\"seed\": 7,", "\"seed\": \"seven\",", "wrong kind"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("case.json");
            String text = SMALLEST.replace(c[0], c[1]);
            assertNotEquals(SMALLEST, text, "the case edits the project: " + c[1]);
            Files.writeString(file, text);
            StoryProjectException e = assertThrows(StoryProjectException.class, () -> StoryProjects.read(file));
            assertTrue(e.getMessage().contains(c[2]), c[2] + " in: " + e.getMessage());
        }
        Files.writeString(dir.resolve("none.json"), "{\"format\": \"cantor-project\", \"version\": 1}");
        StoryProjectException e = assertThrows(StoryProjectException.class,
                () -> StoryProjects.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().contains("at least one section"), e.getMessage());
    }
}
