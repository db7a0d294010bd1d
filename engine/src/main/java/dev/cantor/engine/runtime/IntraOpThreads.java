package dev.cantor.engine.runtime;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Temporarily changes PyTorch's intra-op thread count. The token-sampling loop runs thousands
 * of tiny ops, where a second thread only adds synchronisation (measured 2–7× slower with 2
 * threads on 2 vCPUs, ARCHITECTURE.md); training and decoding keep the machine's count.
 */
public final class IntraOpThreads implements AutoCloseable {

    /** System property to override the sampling loop's thread count. */
    public static final String SAMPLING_THREADS_PROPERTY = "cantor.sampling.threads";

    private final int previous;

    private IntraOpThreads(int threads) {
        this.previous = JniUtils.getNumThreads();
        if (threads != previous) {
            JniUtils.setNumThreads(threads);
        }
    }

    /** Thread count for the sampling loop: the property's value, else 1. */
    public static IntraOpThreads forSampling() {
        int threads = 1;
        String value = System.getProperty(SAMPLING_THREADS_PROPERTY);
        if (value != null) {
            try {
                threads = Math.max(1, Integer.parseInt(value.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SAMPLING_THREADS_PROPERTY + " must be a whole number, got " + value);
            }
        }
        return new IntraOpThreads(threads);
    }

    @Override
    public void close() {
        if (JniUtils.getNumThreads() != previous) {
            JniUtils.setNumThreads(previous);
        }
    }
}
