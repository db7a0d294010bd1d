package dev.cantor.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.api.DeviceChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAndModelsTest {

    @Test
    void settingsRoundTripAndKeepTheHistoryNewestFirst(@TempDir Path dir) throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("cfg"));
        assertEquals(StudioSettings.defaults(), store.load(), "first start");
        StudioSettings s = StudioSettings.defaults().withRecentPrompt("a").withRecentPrompt("b").withRecentPrompt("a")
                .withParameters(12, 0.9, 100, 0.95, 4, 0).withExport("PCM_24", 48000, "/music");
        store.save(s);
        StudioSettings back = new SettingsStore(dir.resolve("cfg")).load();
        assertEquals(s, back);
        assertEquals(List.of("a", "b"), back.recentPrompts());
        assertNull(store.warning());
    }

    @Test
    void eachWitherSetsItsOwnFieldsAndKeepsTheRest() {
        StudioSettings d = StudioSettings.defaults();
        StudioSettings all = d.withRecentPrompts(List.of("p")).withModelFolders(List.of("/m"))
                .withSelectedModel("/m/a").withParameters(12, 0.9, 100, 0.95, 4, 1.5)
                .withExport("PCM_24", 48000, "/out").withInputDevice("mic").withDevice(DeviceChoice.CPU)
                .withStoryProject("/s.json");
        assertEquals(new StudioSettings(d.version(), List.of("p"), List.of("/m"), "/m/a", 12.0, 0.9, 100, 0.95, 4.0,
                1.5, "PCM_24", 48000, "/out", "mic", "/s.json", DeviceChoice.CPU.toString()), all);
        assertEquals("/x", d.withSelectedModel("/x").selectedModel());
        assertEquals(d, d.withSelectedModel("/x").withSelectedModel(d.selectedModel()), "one field, nothing else");
    }

    @Test
    void aDamagedSettingsFileIsKeptAsideNotLost(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"recent_prompts\": [\"half a fi");
        SettingsStore store = new SettingsStore(dir);
        assertEquals(StudioSettings.defaults(), store.load());
        assertNotNull(store.warning());
        try (var files = Files.list(dir)) {
            Path aside = files.filter(p -> p.getFileName().toString().equals("settings.json.bad"))
                    .findFirst().orElseThrow();
            assertTrue(Files.readString(aside).contains("half a fi"), "the damaged content is still there");
        }
    }

    @Test
    void olderSettingsWithMissingFieldsGetDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"seconds\": 30, \"future_field\": 1}");
        StudioSettings s = new SettingsStore(dir).load();
        assertEquals(30.0, s.seconds());
        assertEquals(250, s.topK());
        assertEquals(List.of(), s.recentPrompts());
    }

    @Test
    void onlyRealModelFoldersCanBeAdded(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("my-model");
        Files.createDirectories(good.resolve("codec"));
        Files.createDirectories(good.resolve("lm"));
        Path bad = Files.createDirectories(dir.resolve("holiday-photos"));
        ModelEntry builtIn = new ModelEntry("Cantor default", dir.resolve("default"), true);
        ModelsViewModel vm = new ModelsViewModel(builtIn, List.of(dir.resolve("gone").toString()), null);
        assertEquals(List.of(builtIn), vm.models(), "a remembered folder that is gone is skipped");
        assertEquals(builtIn, vm.selected().get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vm.add(bad));
        assertTrue(e.getMessage().contains("not a Cantor model folder"));
        ModelEntry added = vm.add(good);
        assertEquals("my-model", added.name());
        assertEquals(added, vm.selected().get());
        assertEquals(List.of(good.toAbsolutePath().normalize().toString()), vm.addedFolders());
        vm.add(good);
        assertEquals(2, vm.models().size(), "adding twice selects, does not duplicate");
        ModelsViewModel again = new ModelsViewModel(builtIn, vm.addedFolders(), added.dir().toString());
        assertEquals("my-model", again.selected().get().name(), "the last choice is remembered");
    }
}
