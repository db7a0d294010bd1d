package dev.cantor.engine.story;

import static dev.cantor.engine.io.PropertyRunner.forAll;

import dev.cantor.engine.api.story.StoryProjectException;
import dev.cantor.engine.io.Mutations;
import dev.cantor.engine.io.PropertyRunner.Gen;
import dev.cantor.engine.io.PropertyRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: story projects as a hostile hand writes them. Every try either reads or fails
 * with a {@link StoryProjectException} whose message is one line — never another exception,
 * never out of memory, never a hang. Tries: {@link PropertyRunner#tries()} (bounded in CI, many
 * more with {@code mvn -Pfuzz}).
 */
class StoryProjectFuzzTest {

    private static final String VALID = """
            {
              "format" : "cantor-project",
              "version" : 1,
              "seed" : 7,
              "transition_seconds" : 1.5,
              "sampling" : { "temperature" : 1.0, "top_k" : 250, "top_p" : 0.9, "guidance" : 3.0 },
              "sections" : [
                { "prompt" : "slow piano, 70 bpm", "seconds" : 8, "key" : "F#", "mode" : "minor" },
                { "prompt" : "drums and bass", "seconds" : 6, "seed" : 3, "tempo_bpm" : 120, "melody" : "hum.wav" }
              ],
              "takes" : [ { "file" : "s.takes/take-001.wav", "seed" : 7, "created" : "2026-01-01T00:00:00Z",
                "sections" : [ { "start" : 0.0, "end" : 8.0 } ], "codes" : "s.takes/take-001.codes" } ]
            }
            """;

    private static Path dir;

    @BeforeAll
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("story-fuzz");
    }

    @AfterAll
    static void deleteFolder() throws IOException {
        Mutations.deleteTree(dir);
    }

    @Test
    void theSeedProjectIsValid() throws StoryProjectException {
        StoryProjects.parse(VALID, "seed.json");
        StoryProjects.parse("\uFEFF" + VALID, "seed.json");
    }

    @Test
    void mutatedBytesReadOrFailCleanly() {
        byte[] utf8 = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_8);
        forAll(Mutations.mutated(List.of(utf8, bom)), m -> readOrRefuse(Files.write(dir.resolve("p.json"), m.bytes())));
    }

    /** Values a hand may put in any field: wrong kinds, extremes, nesting, escapes. */
    private static Gen<String> hostileValue() {
        return Gen.oneOf(
                Gen.of("null", "true", "\"\"", "\"1\"", "1.5", "-1", "0", "1e308", "-1e308", "NaN",
                        "99999999999999999999999", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "\"\\u0000\"", "\"F#\"",
                        "\"\\uD800\"", "2147483648", "-2147483649", "1.0", "\"minor\"", "\"../../etc/passwd\""),
                Gen.ints().map(String::valueOf),
                Gen.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity") && !s.equals("NaN")),
                Gen.strings(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    @Test
    void hostileValuesReadOrFailCleanly() {
        Gen<String> field = Gen.of("\"version\" : 1", "\"seed\" : 7", "\"transition_seconds\" : 1.5",
                "\"temperature\" : 1.0", "\"top_k\" : 250", "\"seconds\" : 8", "\"key\" : \"F#\"", "\"mode\" : \"minor\"",
                "\"tempo_bpm\" : 120", "\"melody\" : \"hum.wav\"", "\"prompt\" : \"drums and bass\"", "\"seed\" : 3",
                "\"start\" : 0.0", "\"file\" : \"s.takes/take-001.wav\"");
        Gen<String> value = hostileValue();
        Gen<String> projects = r -> {
            String f1 = field.next(r);
            String v1 = value.next(r);
            String f2 = field.next(r);
            String v2 = value.next(r);
            return VALID.replace(f1, f1.substring(0, f1.indexOf(':') + 2) + v1)
                    .replace(f2, f2.substring(0, f2.indexOf(':') + 2) + v2);
        };
        forAll(projects, text -> readOrRefuse(Files.writeString(dir.resolve("v.json"), text)));
    }

    private static String readOrRefuse(Path file) {
        try {
            StoryProjects.read(file);
            return "read";
        } catch (StoryProjectException expected) {
            Mutations.assertCleanMessage(expected);
            return "clean errors";
        }
    }
}
