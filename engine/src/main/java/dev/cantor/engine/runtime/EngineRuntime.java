package dev.cantor.engine.runtime;

/**
 * Process-wide settings the engine needs before DJL loads: offline mode (nothing is ever
 * downloaded) and PyTorch thread counts sized for the machine.
 */
public final class EngineRuntime {

    private EngineRuntime() {
    }

    /** Sets defaults unless the user already set them with -D. Call before touching DJL. */
    public static void configureDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, cores)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
