package dev.cantor.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever settings.json holds — settings the studio saved, then damaged in any of the ways a
 * disk, an editor or another program damages files — loading it never throws: it gives either
 * settings every control can show, or the defaults with a notice and the file kept as
 * settings.json.bad, byte for byte. Tries: {@code jqwik.tries.default} ({@code -Pfuzz} for many).
 */
class SettingsFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("version", "recent_prompts", "model_folders",
            "selected_model", "seconds", "temperature", "top_k", "top_p", "guidance", "export_format",
            "export_sample_rate", "export_folder", "input_device", "story_project", "unknown_field");
    /** Values that are legal JSON but not what the field wants, or that push parsers' limits. */
    private static final List<String> HOSTILE_VALUES = List.of("null", "[null]", "[\"a\", null]", "[1, 2]", "{}",
            "[]", "true", "-1", "0", "1e400", "-1e400", "1e20", "99999999999999999999999", "0.000001", "\"\"",
            "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"😀\"", "[[[[[[[[[[]]]]]]]]]]", "{\"a\": [null]}",
            "\"" + "x".repeat(5000) + "\"", "[" + "\"p\",".repeat(200) + "\"q\"]", "2147483648", "-0.0");

    @Property
    void mutatedSettingsLoadAsUsableSettingsOrAsDefaultsWithTheFileKept(
            @ForAll("mutatedSettings") byte[] bytes) throws IOException {
        checkLoad(bytes);
    }

    @Property
    void anyBytesLoadAsUsableSettingsOrAsDefaultsWithTheFileKept(@ForAll @Size(max = 300) byte[] bytes)
            throws IOException {
        checkLoad(bytes);
    }

    @Property
    void whatTheStudioSavesLoadsBackUnchanged(@ForAll("savedSettings") StudioSettings saved) throws IOException {
        Path dir = Files.createTempDirectory("settings-fuzz");
        try {
            SettingsStore store = new SettingsStore(dir);
            store.save(saved);
            assertEquals(saved, new SettingsStore(dir).load());
        } finally {
            deleteTree(dir);
        }
    }

    private static void checkLoad(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("settings-fuzz");
        try {
            Files.write(dir.resolve("settings.json"), bytes);
            SettingsStore store = new SettingsStore(dir);
            StudioSettings loaded = store.load();
            Statistics.label("outcome").collect(store.warning() == null ? "loaded" : "defaults, file kept as .bad");
            if (store.warning() != null) {
                assertEquals(StudioSettings.defaults(), loaded, store.warning());
                assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("settings.json.bad")), "kept byte for byte");
                assertFalse(Files.exists(dir.resolve("settings.json")));
            } else {
                assertUsable(loaded);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** What the studio does with settings at start-up, none of which may throw. */
    private static void assertUsable(StudioSettings s) {
        assertNotNull(s.recentPrompts());
        assertTrue(s.recentPrompts().size() <= StudioSettings.MAX_RECENT);
        s.recentPrompts().forEach(p -> assertNotNull(p));
        assertTrue(s.seconds() >= 1 && s.seconds() <= 600, "seconds " + s.seconds());
        assertTrue(s.temperature() >= 0 && s.temperature() <= 2, "temperature " + s.temperature());
        assertTrue(s.topK() >= 0 && s.topK() <= 1024, "top_k " + s.topK());
        assertTrue(s.topP() >= 0.05 && s.topP() <= 1, "top_p " + s.topP());
        assertTrue(s.guidance() >= 0 && s.guidance() <= 10, "guidance " + s.guidance());
        new ModelsViewModel(null, s.modelFolders(), s.selectedModel());
        for (String path : new String[] {s.exportFolder(), s.storyProject(), s.selectedModel()}) {
            if (path != null) {
                Path.of(path);
            }
        }
        assertEquals(s, s.checked().normalized(), "loading is idempotent");
    }

    @Provide
    Arbitrary<byte[]> mutatedSettings() {
        Arbitrary<String> saved = savedSettings().map(SettingsFuzzTest::text);
        Arbitrary<Mutation> mutation = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(HOSTILE_VALUES)).as(SetField::new),
                Arbitraries.doubles().between(0, 1).map(Truncate::new),
                Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.chars().ascii()).as(Insert::new),
                Arbitraries.doubles().between(0, 1).map(Delete::new));
        return Combinators.combine(saved, mutation.list().ofMinSize(1).ofMaxSize(4)).as((text, mutations) -> {
            String t = text;
            for (Mutation m : mutations) {
                t = m.apply(t);
            }
            return t.getBytes(StandardCharsets.UTF_8);
        });
    }

    @Provide
    Arbitrary<StudioSettings> savedSettings() {
        Arbitrary<String> prompt = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> path = Arbitraries.strings().withChars("abc/ -_.é").ofMinLength(1).ofMaxLength(20);
        Arbitrary<List<String>> prompts = prompt.list().ofMaxSize(StudioSettings.MAX_RECENT);
        Arbitrary<List<String>> folders = path.list().ofMaxSize(4);
        Arbitrary<double[]> numbers = Combinators.combine(Arbitraries.doubles().between(1, 600),
                Arbitraries.doubles().between(0, 2), Arbitraries.doubles().between(0.05, 1),
                Arbitraries.doubles().between(0, 10)).as((a, b, c, d) -> new double[] {a, b, c, d});
        return Combinators.combine(prompts, folders, path.injectNull(0.3), numbers,
                Arbitraries.integers().between(0, 1024), path.injectNull(0.3), Arbitraries.of("PCM_16", "PCM_24", "FLOAT_32"))
                .as((p, f, selected, n, topK, story, format) -> StudioSettings.defaults().withRecentPrompts(p)
                        .withModelFolders(f).withSelectedModel(selected).withParameters(n[0], n[1], topK, n[2], n[3])
                        .withExport(format, 48000, selected).withStoryProject(story));
    }

    private static String text(StudioSettings s) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Mutation {
        String apply(String text);
    }

    /** Gives a field (or an unknown one) a hostile value, through the JSON tree when the text still is JSON. */
    private record SetField(String field, String value) implements Mutation {
        public String apply(String text) {
            try {
                JsonNode tree = JSON.readTree(text);
                if (tree instanceof ObjectNode object) {
                    object.putRawValue(field, new RawValue(value));
                    return JSON.writeValueAsString(object);
                }
            } catch (IOException e) {
                // no longer JSON: splice it in as text
            }
            return text.replaceFirst("\\{", "{\"" + field + "\": " + Matcher.quoteReplacement(value)
                    + ", ");
        }
    }

    private record Truncate(double at) implements Mutation {
        public String apply(String text) {
            return text.substring(0, (int) (at * text.length()));
        }
    }

    private record Insert(double at, char c) implements Mutation {
        public String apply(String text) {
            int i = (int) (at * text.length());
            return text.substring(0, i) + c + text.substring(i);
        }
    }

    private record Delete(double at) implements Mutation {
        public String apply(String text) {
            if (text.isEmpty()) {
                return text;
            }
            int i = Math.min(text.length() - 1, (int) (at * text.length()));
            return text.substring(0, i) + text.substring(i + 1);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(walk.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}
