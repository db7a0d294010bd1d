package dev.cantor.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceChoiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"auto", "cpu", "gpu", "gpu:0", "gpu:3"})
    void readsBackWhatItWrites(String text) {
        assertEquals(text, DeviceChoice.parse(text).toString());
    }

    @Test
    void readsAnyCaseAndNumbersTheGpu() {
        assertEquals(DeviceChoice.CPU, DeviceChoice.parse(" CPU "));
        DeviceChoice second = DeviceChoice.parse("GPU:1");
        assertEquals(DeviceChoice.Kind.GPU, second.kind());
        assertEquals(1, second.gpuIndex());
        assertEquals(0, DeviceChoice.GPU.gpuIndex());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cuda", "gpu:", "gpu:-1", "gpu:x", "cpu:0", "gpu:99999"})
    void refusesAnythingElseInOneLine(String text) {
        RequestException e = assertThrows(RequestException.class, () -> DeviceChoice.parse(text));
        assertTrue(e.getMessage().contains("use auto, cpu, gpu or gpu:N"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void onlyAGpuHasANumber() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceChoice(DeviceChoice.Kind.CPU, 0));
    }
}
