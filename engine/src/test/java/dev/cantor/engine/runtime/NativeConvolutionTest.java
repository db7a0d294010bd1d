package dev.cantor.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeConvolutionTest {

    private static Path cpuinfo(Path dir, String flags) throws Exception {
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse2 " + flags + "\n\n");
        return f;
    }

    @Test
    void anAvx512CpuWithoutALimitComputesConvolutionsAsMatrixProducts(@TempDir Path dir) throws Exception {
        Path avx512 = cpuinfo(dir, "avx avx2 avx512f avx512bw");
        assertFalse(NativeConvolution.decide(Map.of(), avx512));
        assertFalse(NativeConvolution.decide(Map.of("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"), avx512));
        assertTrue(NativeConvolution.decide(Map.of("ONEDNN_MAX_CPU_ISA", "AVX2"), avx512));
        assertTrue(NativeConvolution.decide(Map.of("DNNL_MAX_CPU_ISA", "avx2_vnni"), avx512));
    }

    @Test
    void otherCpusAndUnreadableCpuInfoUseTheNativeConvolution(@TempDir Path dir) throws Exception {
        assertTrue(NativeConvolution.decide(Map.of(), cpuinfo(dir, "avx avx2 fma")));
        assertTrue(NativeConvolution.decide(Map.of(), dir.resolve("missing")));
    }
}
