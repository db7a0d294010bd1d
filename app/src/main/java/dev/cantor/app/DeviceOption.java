package dev.cantor.app;

import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.runtime.ModelDevice;
import picocli.CommandLine.Option;

/** {@code --device}, shared by every command that runs a model. */
final class DeviceOption {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu[:N]",
            description = "Where the models run: auto (a CUDA GPU when this Cantor's PyTorch supports one, else the CPU),"
                    + " cpu, or gpu / gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    /**
     * Makes the models this command loads run on the chosen device. Call before loading one.
     *
     * @return the device, as DJL names it ("cpu()", "gpu(0)")
     * @throws dev.cantor.engine.api.RequestException (exit 2) for an unknown name, or a GPU that is not there
     */
    String apply() {
        return ModelDevice.use(DeviceChoice.parse(device));
    }
}
