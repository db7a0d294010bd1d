package dev.cantor.engine.api;

import java.util.Locale;

/**
 * Where the models run: {@code auto} (a CUDA GPU when the PyTorch library present supports one,
 * else the CPU), {@code cpu}, or {@code gpu} / {@code gpu:N} (the first or the N-th CUDA GPU; an
 * error when there is none). Written and read as those words, in the CLI's {@code --device} and
 * in the studio's settings.
 *
 * @param kind  auto, the CPU or a GPU
 * @param index the GPU's number, or -1 when none is named ({@code auto}, {@code cpu}, {@code gpu})
 */
public record DeviceChoice(Kind kind, int index) {

    /** What kind of device is asked for. */
    public enum Kind { AUTO, CPU, GPU }

    public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, -1);
    public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, -1);
    public static final DeviceChoice GPU = new DeviceChoice(Kind.GPU, -1);

    public DeviceChoice {
        if (kind == null) {
            throw new IllegalArgumentException("no device kind");
        }
        if (index < -1 || (index >= 0 && kind != Kind.GPU)) {
            throw new IllegalArgumentException("a device number belongs to a GPU: " + kind + " " + index);
        }
    }

    /** The first (or only) GPU when {@link #index} names none. */
    public int gpuIndex() {
        return Math.max(0, index);
    }

    /**
     * Reads {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N} (any case, spaces around ignored).
     *
     * @throws RequestException naming what was given and what would do
     */
    public static DeviceChoice parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "auto":
                return AUTO;
            case "cpu":
                return CPU;
            case "gpu":
                return GPU;
            default:
                break;
        }
        if (t.startsWith("gpu:")) {
            String n = t.substring(4);
            if (!n.isEmpty() && n.length() <= 4 && n.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new DeviceChoice(Kind.GPU, Integer.parseInt(n));
            }
        }
        throw new RequestException("unknown device '" + text + "': use auto, cpu, gpu or gpu:N (N = 0, 1, …)");
    }

    /** The words {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case GPU -> index < 0 ? "gpu" : "gpu:" + index;
        };
    }
}
