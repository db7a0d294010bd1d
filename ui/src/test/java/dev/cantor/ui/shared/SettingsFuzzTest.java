package dev.cantor.ui.shared;

import static dev.cantor.engine.io.PropertyRunner.forAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.cantor.engine.io.PropertyRunner;
import dev.cantor.engine.io.PropertyRunner.Gen;
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
import org.junit.jupiter.api.Test;

/**
 * Whatever settings.json holds — settings the studio saved, then damaged in any of the ways a
 * disk, an editor or another program damages files — loading it never throws: it gives either
 * settings every control can show, or the defaults with a notice and the file kept as
 * settings.json.bad, byte for byte. Tries: {@link PropertyRunner#tries()} ({@code -Pfuzz} for many).
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

    @Test
    void mutatedSettingsLoadAsUsableSettingsOrAsDefaultsWithTheFileKept() {
        forAll(mutatedSettings(), damaged -> checkLoad(damaged.bytes()));
    }

    @Test
    void anyBytesLoadAsUsableSettingsOrAsDefaultsWithTheFileKept() {
        forAll(Gen.bytes(300), SettingsFuzzTest::checkLoad);
    }

    @Test
    void whatTheStudioSavesLoadsBackUnchanged() {
        forAll(savedSettings(), saved -> {
            Path dir = Files.createTempDirectory("settings-fuzz");
            try {
                SettingsStore store = new SettingsStore(dir);
                store.save(saved);
                assertEquals(saved, new SettingsStore(dir).load());
                return "round trips";
            } finally {
                deleteTree(dir);
            }
        });
    }

    private static String checkLoad(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("settings-fuzz");
        try {
            Files.write(dir.resolve("settings.json"), bytes);
            SettingsStore store = new SettingsStore(dir);
            StudioSettings loaded = store.load();
            if (store.warning() != null) {
                assertEquals(StudioSettings.defaults(), loaded, store.warning());
                assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("settings.json.bad")), "kept byte for byte");
                assertFalse(Files.exists(dir.resolve("settings.json")));
                return "defaults, file kept as .bad";
            }
            assertUsable(loaded);
            return "loaded";
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
        assertTrue(s.keyGuidance() >= 0 && s.keyGuidance() <= 10, "key_guidance " + s.keyGuidance());
        new ModelsViewModel(null, s.modelFolders(), s.selectedModel());
        for (String path : new String[] {s.exportFolder(), s.storyProject(), s.selectedModel()}) {
            if (path != null) {
                Path.of(path);
            }
        }
        assertEquals(s, s.checked().normalized(), "loading is idempotent");
    }

    /** Settings the studio saved, as text, damaged by one to four mutations. */
    private static Gen<Damaged> mutatedSettings() {
        Gen<String> saved = savedSettings().map(SettingsFuzzTest::text);
        Gen<Mutation> mutation = Gen.oneOf(
                r -> new SetField(Gen.of(FIELDS).next(r), Gen.of(HOSTILE_VALUES).next(r)),
                Gen.doubles(0, 1).map(Truncate::new),
                r -> new Insert(Gen.doubles(0, 1).next(r), Gen.ascii().next(r)),
                Gen.doubles(0, 1).map(Delete::new));
        Gen<List<Mutation>> mutations = mutation.list(1, 4);
        return r -> {
            String text = saved.next(r);
            List<Mutation> m = mutations.next(r);
            String t = text;
            for (Mutation each : m) {
                t = each.apply(t);
            }
            return new Damaged(text, m, t.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Saved settings, what was done to them, and the bytes that came of it (for failure reports). */
    private record Damaged(String saved, List<Mutation> mutations, byte[] bytes) {
        @Override
        public String toString() {
            return PropertyRunner.describe(saved) + " with " + mutations + ": " + PropertyRunner.describe(bytes);
        }
    }

    private static Gen<StudioSettings> savedSettings() {
        Gen<String> prompt = Gen.strings(40);
        Gen<String> path = Gen.strings("abc/ -_.é", 1, 20);
        Gen<List<String>> prompts = prompt.list(0, StudioSettings.MAX_RECENT);
        Gen<List<String>> folders = path.list(0, 4);
        Gen<Double> seconds = Gen.doubles(1, 600);
        Gen<Double> temperature = Gen.doubles(0, 2);
        Gen<Double> topP = Gen.doubles(0.05, 1);
        Gen<Double> guidance = Gen.doubles(0, 10);
        Gen<Integer> topK = Gen.ints(0, 1024);
        Gen<String> selectedOrStory = path.orNull(0.3);
        Gen<String> format = Gen.of("PCM_16", "PCM_24", "FLOAT_32");
        return r -> {
            List<String> p = prompts.next(r);
            List<String> f = folders.next(r);
            String selected = selectedOrStory.next(r);
            double s = seconds.next(r);
            double t = temperature.next(r);
            double tp = topP.next(r);
            double g = guidance.next(r);
            double kg = guidance.next(r);
            int k = topK.next(r);
            String story = selectedOrStory.next(r);
            return StudioSettings.defaults().withRecentPrompts(p).withModelFolders(f).withSelectedModel(selected)
                    .withParameters(s, t, k, tp, g, kg).withExport(format.next(r), 48000, selected)
                    .withStoryProject(story);
        };
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
