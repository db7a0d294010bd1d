package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * What the hostile-input fuzzers do to a valid file: change, insert, delete, duplicate or cut
 * bytes, and write the integers that break length fields (0, -1, the extremes), anywhere. The
 * fuzzers' shared rules live here too: a try ends in success or in the documented exception
 * with a one-line message, within a time limit.
 */
public final class Mutations {

    /** How long one try may take before it counts as a hang. */
    public static final Duration TRY_LIMIT = Duration.ofSeconds(20);

    private static final int[] BOUNDARY_INTS = {0, -1, 1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 0x7F, 0x80};

    private Mutations() {
    }

    /** One change to a file; {@code where} and {@code span} are fractions of its length. */
    public record Mutation(int kind, double where, double span, int value) {
    }

    public static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 0.2), Arbitraries.integers()).as(Mutation::new);
    }

    /** Up to eight mutations of one of {@code seeds}. */
    public static Arbitrary<byte[]> mutated(List<byte[]> seeds) {
        return Combinators.combine(Arbitraries.of(seeds), mutation().list().ofMinSize(1).ofMaxSize(8))
                .as(Mutations::apply);
    }

    public static byte[] apply(byte[] seed, List<Mutation> mutations) {
        byte[] b = seed.clone();
        for (Mutation m : mutations) {
            int at = (int) (m.where() * b.length);
            int span = Math.max(1, (int) (m.span() * b.length));
            switch (m.kind()) {
                case 0 -> {                                    // change one byte
                    if (b.length > 0) {
                        b[Math.min(at, b.length - 1)] = (byte) m.value();
                    }
                }
                case 1 -> b = splice(b, at, 0, new byte[] {(byte) m.value(), (byte) (m.value() >> 8)});
                case 2 -> b = splice(b, at, Math.min(span, b.length - at), new byte[0]);            // delete
                case 3 -> b = Arrays.copyOf(b, at);                                                  // cut
                case 4 -> {                                    // duplicate a stretch somewhere else
                    int from = Math.min(at, b.length);
                    byte[] chunk = Arrays.copyOfRange(b, from, Math.min(b.length, from + span));
                    b = splice(b, (int) ((1 - m.where()) * b.length), 0, chunk);
                }
                case 5, 6 -> {                                 // a boundary integer, big- or little-endian
                    int v = BOUNDARY_INTS[Math.floorMod(m.value(), BOUNDARY_INTS.length)];
                    for (int i = 0; i < 4 && at + i < b.length; i++) {
                        b[at + i] = (byte) (m.kind() == 5 ? v >>> (24 - 8 * i) : v >>> (8 * i));
                    }
                }
                default -> throw new IllegalStateException("no mutation " + m.kind());
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        at = Math.max(0, Math.min(at, b.length));
        remove = Math.max(0, Math.min(remove, b.length - at));
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, at);
        out.write(insert, 0, insert.length);
        out.write(b, at + remove, b.length - at - remove);
        return out.toByteArray();
    }

    /** Deletes a fuzzer's scratch folder and everything in it. */
    public static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
        try (var walk = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    /** Checks a clean refusal's message: present, one line, no Jackson "[Source" line. */
    public static void assertCleanMessage(Throwable e) {
        assertNotNull(e.getMessage(), e.getClass().getName() + " without a message");
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("[Source:"),
                "one-line message: " + e.getMessage());
    }

    /** Tries, successes and clean refusals of one fuzzer, printed once it ends (for the report). */
    public static final class Tally {
        private final String name;
        private final AtomicInteger read = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();

        public Tally(String name) {
            this.name = name;
        }

        public void read() {
            read.incrementAndGet();
        }

        public void refused() {
            refused.incrementAndGet();
        }

        public void print() {
            if (read.get() + refused.get() > 0) {
                System.out.printf("fuzz %s: %d tries, %d read, %d clean errors%n", name,
                        read.get() + refused.get(), read.get(), refused.get());
            }
        }
    }
}
