package dev.cantor.engine.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Environment variables that PyTorch's native libraries read, set from inside the program so
 * that every way of starting Cantor ({@code ./cantor}, {@code java -jar}, the installed
 * launcher) runs the same. {@link System#getenv()} is a snapshot taken when the JVM started;
 * this class writes the C environment the native libraries read and remembers what it wrote.
 *
 * <p>Timing matters: the OpenMP runtime bundled with PyTorch reads {@code OMP_WAIT_POLICY} when
 * it loads, oneDNN reads its ISA limit on its first primitive. Set them before DJL loads PyTorch.
 */
public final class NativeEnvironment {

    private static final Map<String, String> WRITTEN = new ConcurrentHashMap<>();

    private NativeEnvironment() {
    }

    /**
     * Sets {@code name} to {@code value} unless the process was started with it set (the user's
     * choice wins). Returns false when it was absent and could not be set.
     */
    public static boolean setDefault(String name, String value) {
        if (get(name) != null) {
            return true;
        }
        if (!LibC.setenv(name, value)) {
            return false;
        }
        WRITTEN.put(name, value);
        return true;
    }

    /** The variable's value as the native libraries see it, or null. */
    public static String get(String name) {
        String written = WRITTEN.get(name);
        return written != null ? written : System.getenv(name);
    }

    /** The process environment as the native libraries see it. */
    public static Map<String, String> view() {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(WRITTEN);
        return all;
    }
}
