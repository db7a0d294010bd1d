package dev.cantor.engine.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.cantor.engine.api.DeviceChoice;
import dev.cantor.engine.api.RequestException;

/**
 * The device every model's tensors live on, chosen once for the process (the CLI's
 * {@code --device}, the studio's setting) before models load: each model makes its manager on
 * {@link #current()}, and every tensor of a step is made by a sub-manager of that manager, so it
 * lives there too. A model loaded before a change stays where it was made.
 *
 * <p>DJL's own default takes a GPU whenever the PyTorch library was built with CUDA and a GPU is
 * seen; {@link #resolve} does the same for {@code auto}, and says in one line why a GPU asked for
 * by name cannot be had.
 */
public final class ModelDevice {

    private static volatile DeviceChoice choice = DeviceChoice.AUTO;

    private ModelDevice() {
    }

    /**
     * Chooses the device models loaded from now on use; checks it can be had first.
     *
     * @return the device, as DJL names it ("cpu()", "gpu(0)")
     * @throws RequestException when it cannot be had (see {@link #resolve}); the choice stays as it was
     */
    public static String use(DeviceChoice wanted) {
        Device device = resolve(wanted);
        choice = wanted;
        return device.toString();
    }

    /** What {@link #use} last chose ({@code auto} until then). */
    public static DeviceChoice choice() {
        return choice;
    }

    /** The device for the current choice, where models made now put their tensors. */
    public static Device current() {
        return resolve(choice);
    }

    /**
     * The DJL device for {@code wanted} on this machine.
     *
     * @throws RequestException when a GPU is asked for and the PyTorch library present has no
     *                          CUDA support, or sees fewer GPUs than the number asked for
     */
    public static Device resolve(DeviceChoice wanted) {
        return switch (wanted.kind()) {
            case CPU -> Device.cpu();
            case AUTO -> gpuCount() > 0 ? Device.gpu(0) : Device.cpu();
            case GPU -> {
                int count = gpuCount();
                if (count == 0) {
                    throw new RequestException("no CUDA GPU for --device " + wanted + ": "
                            + (cudaBuild() ? "the PyTorch library sees none on this machine"
                            : "this Cantor carries the CPU-only PyTorch library (see the README, 'Using a GPU')"));
                }
                if (wanted.gpuIndex() >= count) {
                    throw new RequestException("no GPU " + wanted.gpuIndex() + " for --device " + wanted + ": this machine has "
                            + count + (count == 1 ? " GPU (gpu:0)" : " GPUs (gpu:0 to gpu:" + (count - 1) + ")"));
                }
                yield Device.gpu(wanted.gpuIndex());
            }
        };
    }

    /** GPUs PyTorch can use: none when its library was built without CUDA (DJL checks that first). */
    private static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    private static boolean cudaBuild() {
        return Engine.getEngine("PyTorch").hasCapability("CUDA");
    }
}
