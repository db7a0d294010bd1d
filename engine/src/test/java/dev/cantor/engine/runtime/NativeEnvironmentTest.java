package dev.cantor.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeEnvironmentTest {

    private static void assumeLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "setenv/mallopt checked on Linux");
    }

    @Test
    void aDefaultReachesTheCEnvironmentThatNativeLibrariesRead() {
        assumeLinux();
        String name = "CANTOR_NATIVE_ENVIRONMENT_TEST_" + ProcessHandle.current().pid();
        assertNull(LibC.getenv(name));
        assertTrue(NativeEnvironment.setDefault(name, "AVX2"));
        assertEquals("AVX2", LibC.getenv(name));
        assertEquals("AVX2", NativeEnvironment.get(name));
        assertEquals("AVX2", NativeEnvironment.view().get(name));
    }

    @Test
    void whatTheProcessWasStartedWithWins() {
        assumeLinux();
        String path = System.getenv("PATH");
        assumeTrue(path != null);
        assertTrue(NativeEnvironment.setDefault("PATH", "/nowhere"));
        assertEquals(path, LibC.getenv("PATH"));
        assertEquals(path, NativeEnvironment.get("PATH"));
    }

    @Test
    void glibcTakesTheAllocatorSettingsUnlessTurnedOff() {
        assumeLinux();
        assertTrue(AllocatorTuning.apply());
        System.setProperty(AllocatorTuning.PROPERTY, "false");
        try {
            assertFalse(AllocatorTuning.apply());
        } finally {
            System.clearProperty(AllocatorTuning.PROPERTY);
        }
    }
}
