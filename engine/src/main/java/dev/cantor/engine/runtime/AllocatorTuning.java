package dev.cantor.engine.runtime;

/**
 * Keeps glibc's allocator from handing PyTorch's large buffers back to the kernel after every
 * step, which is what the {@code cantor} launcher's tcmalloc preload was for, so that a Cantor
 * started any other way ({@code java -jar}, the installed launcher) runs as fast.
 *
 * <p>By default glibc serves blocks above a sliding threshold with fresh {@code mmap}s and trims
 * its heap's free top, so each step's tensors of megabytes come back as page faults. Fixing the
 * mmap threshold at glibc's largest (32 MB on 64-bit), the trim threshold at 1 GB and padding each
 * heap growth by 64 MB keeps them in the heap. Measured with {@code cantor bench --seconds 10
 * --runs 2}, three interleaved runs each on 2 busy cores: minor page faults 357k–442k without
 * this, 318k–323k with it, 282k–291k with tcmalloc; decoding rtf 0.098–0.264 without,
 * 0.033–0.089 with, 0.049–0.072 with tcmalloc. Adding {@code M_ARENA_MAX=1} and
 * {@code M_MMAP_MAX=0} changed nothing measurable. {@code -Dcantor.mallopt=false} turns it off.
 */
public final class AllocatorTuning {

    /** System property that turns the tuning off (for measurements). */
    public static final String PROPERTY = "cantor.mallopt";

    // <malloc.h>
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;

    private static final int MB = 1 << 20;

    private AllocatorTuning() {
    }

    /**
     * Applies the settings; true when the allocator took them all (false with a non-glibc C
     * library, where there is no {@code mallopt}, or when turned off). A preloaded tcmalloc
     * accepts and ignores them.
     */
    public static boolean apply() {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return false;
        }
        boolean ok = LibC.mallopt(M_MMAP_THRESHOLD, 32 * MB);
        ok &= LibC.mallopt(M_TRIM_THRESHOLD, 1024 * MB);
        ok &= LibC.mallopt(M_TOP_PAD, 64 * MB);
        return ok;
    }
}
