package dev.cantor.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.RequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Device resolution; the GPU cases run where PyTorch sees no CUDA GPU (this machine, CI). */
class ModelDeviceTest {

    private static boolean noGpu() {
        return Engine.getEngine("PyTorch").getGpuCount() == 0;
    }

    @Test
    void cpuIsTheCpu() {
        assertEquals(Device.cpu(), ModelDevice.resolve(DeviceChoice.CPU));
    }

    @Test
    void autoFallsBackToTheCpuWithoutAGpu() {
        assumeTrue(noGpu());
        assertEquals(Device.cpu(), ModelDevice.resolve(DeviceChoice.AUTO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "gpu:0", "gpu:2"})
    void aGpuThatIsNotThereIsOneClearLine(String asked) {
        assumeTrue(noGpu());
        RequestException e = assertThrows(RequestException.class, () -> ModelDevice.resolve(DeviceChoice.parse(asked)));
        assertTrue(e.getMessage().startsWith("no CUDA GPU for --device " + asked + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aRefusedChoiceLeavesTheLastOne() {
        assumeTrue(noGpu());
        DeviceChoice before = ModelDevice.choice();
        assertThrows(RequestException.class, () -> ModelDevice.use(DeviceChoice.GPU));
        assertEquals(before, ModelDevice.choice());
    }
}
