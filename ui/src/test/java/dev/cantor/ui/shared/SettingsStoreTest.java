package dev.cantor.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.io.Fifos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio starts whatever settings.json holds: damaged files become defaults, kept as settings.json.bad. */
class SettingsStoreTest {

    @Test
    void aNullInAListGivesDefaultsANoticeAndKeepsTheFileAsBad(@TempDir Path dir) throws Exception {
        String damaged = "{\"recent_prompts\":[null]}";
        Files.writeString(dir.resolve("settings.json"), damaged);
        SettingsStore store = new SettingsStore(dir);
        assertEquals(StudioSettings.defaults(), store.load());
        assertNotNull(store.warning());
        assertTrue(store.warning().contains("settings.json.bad"), store.warning());
        assertEquals(damaged, Files.readString(dir.resolve("settings.json.bad")));
        assertFalse(Files.exists(dir.resolve("settings.json")));
    }

    @Test
    void anEarlierBadFileIsKeptToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json.bad"), "first");
        Files.writeString(dir.resolve("settings.json"), "{\"model_folders\":[\"a\\u0000b\"]}");
        SettingsStore store = new SettingsStore(dir);
        assertEquals(StudioSettings.defaults(), store.load());
        assertEquals("first", Files.readString(dir.resolve("settings.json.bad")));
        assertTrue(Files.readString(dir.resolve("settings.json.bad-2")).contains("a\\u0000b"));
        assertTrue(store.warning().contains("settings.json.bad-2"), store.warning());
    }

    @Test
    void valuesOfTheWrongKindOrNotJsonAtAllGiveDefaults(@TempDir Path dir) throws Exception {
        for (String text : List.of("", "null", "[]", "{\"top_k\": \"many\"}", "{\"seconds\": [1]}",
                "{\"top_k\": 1e300}", "{\"recent_prompts\": {}}", "\u00ff\u00fe{", "[".repeat(5000))) {
            Files.writeString(dir.resolve("settings.json"), text);
            SettingsStore store = new SettingsStore(dir);
            assertEquals(StudioSettings.defaults(), store.load(), text);
            assertNotNull(store.warning(), text);
            Files.deleteIfExists(dir.resolve("settings.json.bad"));
        }
    }

    @Test
    void numbersTheControlsCannotShowTakeTheirDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.json"),
                "{\"seconds\": -5, \"temperature\": 1e9, \"top_k\": -1, \"top_p\": 0, \"guidance\": 0.5, \"key_guidance\": -3,"
                        + " \"recent_prompts\": [" + "\"p\",".repeat(80) + "\"last\"]}");
        SettingsStore store = new SettingsStore(dir);
        StudioSettings s = store.load();
        StudioSettings d = StudioSettings.defaults();
        assertEquals(d.seconds(), s.seconds());
        assertEquals(d.temperature(), s.temperature());
        assertEquals(d.topK(), s.topK());
        assertEquals(d.topP(), s.topP());
        assertEquals(0.5, s.guidance(), "a value in range is kept");
        assertEquals(d.keyGuidance(), s.keyGuidance());
        assertEquals(StudioSettings.MAX_RECENT, s.recentPrompts().size());
        assertNull(store.warning());
    }

    @Test
    void aSettingsFileThatIsAFifoOrTooLargeDoesNotHangOrFillMemory(@TempDir Path dir) throws Exception {
        Path fifo = Fifos.make(dir.resolve("settings.json"));
        SettingsStore store = new SettingsStore(dir);
        assertEquals(StudioSettings.defaults(), store.load());
        assertTrue(store.warning().contains("not a regular file"), store.warning());
        assertTrue(Files.exists(fifo), "not moved: it is not a damaged settings file");
        Files.delete(fifo);

        Files.write(dir.resolve("settings.json"), new byte[(int) SettingsStore.MAX_BYTES + 1]);
        assertEquals(StudioSettings.defaults(), store.load());
        assertTrue(store.warning().contains("over 1 MB"), store.warning());
        assertTrue(Files.exists(dir.resolve("settings.json.bad")));
    }

}
