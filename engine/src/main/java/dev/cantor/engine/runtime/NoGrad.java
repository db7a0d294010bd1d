package dev.cantor.engine.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's autograd off on the current thread until closed (then restores what was
 * there). Grad mode is per thread: DJL switches it off only on the thread that loaded the
 * engine, so inference on any other thread (the studio's engine thread) would otherwise record
 * a graph for every operation and refuse the in-place copies that load weights.
 */
public final class NoGrad implements AutoCloseable {

    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    /** Starts a no-grad section on this thread; use with try-with-resources. */
    public static NoGrad begin() {
        Engine.getEngine("PyTorch");          // loads the native library before the first JNI call
        return new NoGrad();
    }

    /** Whether operations on this thread record a graph for a backward pass. */
    public static boolean recording() {
        Engine.getEngine("PyTorch");
        return JniUtils.isGradMode();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
