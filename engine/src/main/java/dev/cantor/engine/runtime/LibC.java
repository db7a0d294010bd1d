package dev.cantor.engine.runtime;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The two C library calls the engine makes itself, {@code setenv} and glibc's {@code mallopt},
 * resolved in the running process (so a preloaded allocator's {@code mallopt} wins, as it should).
 *
 * <p>Through JNA, which DJL already brings: the code targets Java 21, where the FFM API
 * ({@code java.lang.foreign}) is still a preview that would need {@code --enable-preview}.
 */
final class LibC {

    private static final Function SETENV = lookup("setenv");
    private static final Function MALLOPT = lookup("mallopt");
    private static final Function GETENV = lookup("getenv");

    private LibC() {
    }

    /** True when setenv could be found (Linux and macOS with JNA's native part loadable). */
    static boolean hasSetenv() {
        return SETENV != null;
    }

    /** setenv(3) with overwrite; true on success. */
    static boolean setenv(String name, String value) {
        return SETENV != null && SETENV.invokeInt(new Object[] {name, value, 1}) == 0;
    }

    /** getenv(3): the C environment as native libraries read it (null when unset or unavailable). */
    static String getenv(String name) {
        if (GETENV == null) {
            return null;
        }
        Pointer value = (Pointer) GETENV.invoke(Pointer.class, new Object[] {name});
        return value == null ? null : value.getString(0);
    }

    /** mallopt(3); true when the allocator accepted the setting (glibc returns 1). */
    static boolean mallopt(int parameter, int value) {
        return MALLOPT != null && MALLOPT.invokeInt(new Object[] {parameter, value}) == 1;
    }

    private static Function lookup(String symbol) {
        try {
            return NativeLibrary.getProcess().getFunction(symbol);
        } catch (LinkageError | RuntimeException e) {
            return null;     // no such symbol (mallopt is glibc's), or JNA cannot load here: run without it
        }
    }
}
