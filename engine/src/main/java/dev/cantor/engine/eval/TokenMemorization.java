package dev.cantor.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MusicLM's memorization check (Agostinelli et al. 2023, §5.4): does the beginning of a
 * generated token sequence occur verbatim anywhere in the training data? Every window of
 * {@code window} consecutive tokens of every training sequence is indexed by a rolling hash;
 * a candidate's first {@code window} tokens are looked up and confirmed token by token.
 */
public final class TokenMemorization {

    private static final long BASE = 1_000_003L;

    private final List<int[]> training;
    private final int window;
    /** Hash of a window → (sequence index << 32 | offset) of every window with that hash. */
    private final Map<Long, List<Long>> index = new HashMap<>();

    /**
     * @param training token sequences (e.g. the first codebook of every training clip)
     * @param window   tokens that must match in a row (e.g. 5 s × 50 frames per second)
     */
    public TokenMemorization(List<int[]> training, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least one token");
        }
        this.training = List.copyOf(training);
        this.window = window;
        long top = 1;
        for (int i = 1; i < window; i++) {
            top *= BASE;
        }
        for (int s = 0; s < this.training.size(); s++) {
            int[] seq = this.training.get(s);
            if (seq.length < window) {
                continue;
            }
            long h = hash(seq, 0);
            add(h, s, 0);
            for (int o = 1; o + window <= seq.length; o++) {
                h = (h - seq[o - 1] * top) * BASE + seq[o + window - 1];
                add(h, s, o);
            }
        }
    }

    public int window() {
        return window;
    }

    /** Number of training windows indexed. */
    public int windows() {
        return index.values().stream().mapToInt(List::size).sum();
    }

    /**
     * True when the first {@link #window()} tokens of {@code sequence} appear in a row in some
     * training sequence.
     *
     * @throws IllegalArgumentException when the sequence is shorter than the window
     */
    public boolean containsPrefix(int[] sequence) {
        if (sequence.length < window) {
            throw new IllegalArgumentException("sequence of " + sequence.length + " tokens is shorter than the "
                    + window + "-token window");
        }
        List<Long> hits = index.get(hash(sequence, 0));
        if (hits == null) {
            return false;
        }
        int[] prefix = Arrays.copyOf(sequence, window);
        for (long hit : hits) {
            int s = (int) (hit >>> 32);
            int o = (int) hit;
            if (Arrays.equals(training.get(s), o, o + window, prefix, 0, window)) {
                return true;
            }
        }
        return false;
    }

    private long hash(int[] seq, int offset) {
        long h = 0;
        for (int i = 0; i < window; i++) {
            h = h * BASE + seq[offset + i];
        }
        return h;
    }

    private void add(long hash, int sequence, int offset) {
        index.computeIfAbsent(hash, k -> new ArrayList<>(1)).add((long) sequence << 32 | offset);
    }
}
