package dev.cantor.ui.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.MusicEngine;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The studio's device setting: remembered, read back leniently, and handed to the engine loader. */
class DeviceSettingTest {

    @Test
    void aFirstStartAndAnUnknownDeviceAreAuto() throws Exception {
        assertEquals(DeviceChoice.AUTO, StudioSettings.defaults().deviceChoice());
        StudioSettings odd = SettingsStore.parse("{\"device\": \"tpu\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("auto", odd.device());
        StudioSettings gpu = SettingsStore.parse("{\"device\": \"GPU:1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("gpu:1", gpu.device());
        assertEquals(DeviceChoice.parse("gpu:1"), gpu.deviceChoice());
    }

    @Test
    void theChoiceSurvivesOtherChanges() {
        StudioSettings s = StudioSettings.defaults().withDevice(DeviceChoice.CPU)
                .withExport("PCM_24", 48000, null).withInputDevice("mic").withRecentPrompt("piano");
        assertEquals(DeviceChoice.CPU, s.deviceChoice());
    }

    @Test
    void aNewDeviceLoadsTheEngineAgainOnIt() throws Exception {
        List<DeviceChoice> opened = new ArrayList<>();
        EngineProvider provider = new EngineProvider() {
            @Override
            public MusicEngine open(ModelEntry model) {
                return open(model, DeviceChoice.AUTO);
            }

            @Override
            public MusicEngine open(ModelEntry model, DeviceChoice device) {
                opened.add(device);
                return (MusicEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {MusicEngine.class}, (p, m, a) -> null);
            }
        };
        ModelEntry model = new ModelEntry("tiny", Path.of("tiny"), false);
        EngineSession session = new EngineSession(provider, new SimpleObjectProperty<>(model));
        MusicEngine first = session.engineFor(model);
        assertSame(first, session.engineFor(model), "the same device keeps the loaded engine");
        session.device().set(DeviceChoice.CPU);
        session.engineFor(model);
        assertEquals(List.of(DeviceChoice.AUTO, DeviceChoice.CPU), opened);
    }
}
