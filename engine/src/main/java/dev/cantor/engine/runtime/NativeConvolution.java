package dev.cantor.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Whether PyTorch's own convolution may be used for inference in this process.
 *
 * <p>On CPUs with AVX-512 (measured on an AMD EPYC under a hypervisor) oneDNN's float32
 * convolution kernels returned wrong values now and then — different from run to run, sometimes
 * NaN — while the same kernels limited to AVX2 were right every time. oneDNN reads its limit
 * from the environment when it loads ({@code ONEDNN_MAX_CPU_ISA}, older builds
 * {@code DNNL_MAX_CPU_ISA}); {@link EngineRuntime#configureDefaults()} sets it to AVX2 from inside
 * the program ({@link NativeEnvironment}), as the test runner does. Where that cannot be done (no
 * C library reachable) or the user asked for more, on such a CPU convolutions are computed as
 * matrix products instead (about three times slower for the codec decoder, and always right).
 */
public final class NativeConvolution {

    private static final boolean TRUSTED = decide(NativeEnvironment.view(), Path.of("/proc/cpuinfo"));

    private NativeConvolution() {
    }

    /** True when inference may call PyTorch's convolution. */
    public static boolean trusted() {
        return TRUSTED;
    }

    static boolean decide(Map<String, String> environment, Path cpuinfo) {
        if (limitedBelowAvx512(environment.get("ONEDNN_MAX_CPU_ISA"))
                || limitedBelowAvx512(environment.get("DNNL_MAX_CPU_ISA"))) {
            return true;
        }
        return !advertisesAvx512(cpuinfo);
    }

    static boolean limitedBelowAvx512(String isa) {
        if (isa == null) {
            return false;
        }
        String v = isa.trim().toUpperCase(Locale.ROOT);
        return v.equals("SSE41") || v.equals("AVX") || v.startsWith("AVX2");
    }

    static boolean advertisesAvx512(Path cpuinfo) {
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("flags") && line.contains(" avx512f")) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;     // not Linux, or unreadable: no sign of the CPUs where this was seen
        }
    }
}
