package dev.cantor.engine.runtime;

/**
 * Process-wide settings the engine needs before DJL loads: offline mode (nothing is ever
 * downloaded), PyTorch thread counts sized for the machine, and what the native libraries read
 * from the environment or need from the allocator ({@link NativeEnvironment},
 * {@link AllocatorTuning}) — inside the program, so every way of starting Cantor runs the same.
 */
public final class EngineRuntime {

    private EngineRuntime() {
    }

    /**
     * Sets defaults unless the user already set them (with -D, or in the environment). Call
     * before touching DJL: PyTorch's OpenMP reads its environment when the library loads.
     */
    public static void configureDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, cores)));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        // OpenMP threads that spin while idle slow PyTorch's many small ops down on small machines.
        NativeEnvironment.setDefault("OMP_WAIT_POLICY", "PASSIVE");
        // oneDNN's AVX-512 convolutions were seen to return wrong values (NativeConvolution).
        NativeEnvironment.setDefault("ONEDNN_MAX_CPU_ISA", "AVX2");
        NativeEnvironment.setDefault("DNNL_MAX_CPU_ISA", "AVX2");
        AllocatorTuning.apply();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
