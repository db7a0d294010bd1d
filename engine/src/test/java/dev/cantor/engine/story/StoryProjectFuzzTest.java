package dev.cantor.engine.story;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cantor.engine.io.Mutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 24: story projects as a hostile hand writes them. Every try either reads or fails
 * with a {@link StoryProjectException} whose message is one line — never another exception,
 * never out of memory, never a hang. Tries: {@code jqwik.tries.default} (bounded in CI, many
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

    private static final Mutations.Tally BYTES = new Mutations.Tally("story project bytes");
    private static final Mutations.Tally VALUES = new Mutations.Tally("story project values");
    private static Path dir;

    @BeforeContainer
    static void makeFolder() throws IOException {
        dir = Files.createTempDirectory("story-fuzz");
    }

    @AfterContainer
    static void report() throws IOException {
        BYTES.print();
        VALUES.print();
        Mutations.deleteTree(dir);
    }

    @Example
    void theSeedProjectIsValid() throws StoryProjectException {
        StoryProjects.parse(VALID, "seed.json");
        StoryProjects.parse("\uFEFF" + VALID, "seed.json");
    }

    @Provide
    Arbitrary<byte[]> mutatedProjects() {
        byte[] utf8 = VALID.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + VALID).getBytes(StandardCharsets.UTF_8);
        return Mutations.mutated(List.of(utf8, bom));
    }

    @Property
    void mutatedBytesReadOrFailCleanly(@ForAll("mutatedProjects") byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("p.json"), bytes);
        readOrRefuse(file, BYTES);
    }

    /** Values a hand may put in any field: wrong kinds, extremes, nesting, escapes. */
    @Provide
    Arbitrary<String> hostileValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "\"\"", "\"1\"", "1.5", "-1", "0", "1e308", "-1e308", "NaN",
                        "99999999999999999999999", "[]", "{}", "[[[[[[[[[[]]]]]]]]]]", "\"\\u0000\"", "\"F#\"",
                        "\"\\uD800\"", "2147483648", "-2147483649", "1.0", "\"minor\"", "\"../../etc/passwd\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("Infinity") && !s.equals("NaN")),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    @Provide
    Arbitrary<String> projectsWithHostileValues() {
        List<String> fields = List.of("\"version\" : 1", "\"seed\" : 7", "\"transition_seconds\" : 1.5",
                "\"temperature\" : 1.0", "\"top_k\" : 250", "\"seconds\" : 8", "\"key\" : \"F#\"", "\"mode\" : \"minor\"",
                "\"tempo_bpm\" : 120", "\"melody\" : \"hum.wav\"", "\"prompt\" : \"drums and bass\"", "\"seed\" : 3",
                "\"start\" : 0.0", "\"file\" : \"s.takes/take-001.wav\"");
        return Combinators.combine(Arbitraries.of(fields), hostileValue(), Arbitraries.of(fields), hostileValue())
                .as((f1, v1, f2, v2) -> VALID.replace(f1, f1.substring(0, f1.indexOf(':') + 2) + v1)
                        .replace(f2, f2.substring(0, f2.indexOf(':') + 2) + v2));
    }

    @Property
    void hostileValuesReadOrFailCleanly(@ForAll("projectsWithHostileValues") String text) throws IOException {
        Path file = Files.writeString(dir.resolve("v.json"), text);
        readOrRefuse(file, VALUES);
    }

    private static void readOrRefuse(Path file, Mutations.Tally tally) {
        assertTimeoutPreemptively(Mutations.TRY_LIMIT, () -> {
            try {
                StoryProjects.read(file);
                tally.read();
            } catch (StoryProjectException expected) {
                Mutations.assertCleanMessage(expected);
                tally.refused();
            }
        });
    }
}
