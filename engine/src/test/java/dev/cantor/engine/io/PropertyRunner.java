package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The property runner of the hostile-input fuzzers, our own (the root pom says why). {@link
 * #forAll} draws {@link #tries()} values from a {@link Gen}, each from a {@link Random} seeded
 * for that try, and runs the check on each within {@link #TRY_LIMIT}. The check returns a
 * label for its outcome ("read", "clean errors"), which
 * the runner counts and prints. The first failure — an assertion, any unexpected exception,
 * out of memory, a hang — stops the property with the try, its seed and the value; running
 * with {@code -Dcantor.fuzz.seed=<seed>} makes that seed the first try's, so the failing try
 * comes back first. No shrinking: the values describe themselves well enough.
 *
 * <p>Tries: {@code -Dcantor.fuzz.tries} (the build sets 60; {@code -Pfuzz} sets 5000).
 * ui's tests use it too, through the engine's test jar.
 */
public final class PropertyRunner {

    /** The system property with the number of tries per property. */
    public static final String TRIES = "cantor.fuzz.tries";
    /** The system property with the first try's seed (the others follow from it). */
    public static final String SEED = "cantor.fuzz.seed";
    /** Tries per property when {@link #TRIES} is not set. */
    public static final int DEFAULT_TRIES = 60;
    /** How long one try may take before it counts as a hang. */
    public static final Duration TRY_LIMIT = Duration.ofSeconds(20);

    private PropertyRunner() {
    }

    /** What a property checks for one value; returns a label for the outcome, counted in the report. */
    @FunctionalInterface
    public interface Check<T> {
        String check(T value) throws Throwable;
    }

    /** The tries per property: {@link #TRIES}, or {@link #DEFAULT_TRIES}. */
    public static int tries() {
        return Integer.getInteger(TRIES, DEFAULT_TRIES);
    }

    /** The seed of try {@code index} (from 0) when the first try's seed is {@code base}. */
    public static long seedOf(long base, int index) {
        if (index == 0) {
            return base;
        }
        long z = base + index * 0x9E3779B97F4A7C15L;                  // SplitMix64's step and mix
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first try's seed: {@link #SEED}, or a new random one each run. */
    public static long firstSeed() {
        Long given = Long.getLong(SEED);
        return given != null ? given : new SecureRandom().nextLong();
    }

    /**
     * Runs the property named after the calling test method for {@link #tries()} tries from
     * {@link #firstSeed()}, each within {@link #TRY_LIMIT}, and prints how the tries ended.
     */
    public static <T> Map<String, Integer> forAll(Gen<T> gen, Check<T> check) {
        StackWalker.StackFrame caller = StackWalker.getInstance()
                .walk(s -> s.filter(f -> !f.getClassName().equals(PropertyRunner.class.getName())).findFirst())
                .orElseThrow();
        String className = caller.getClassName().substring(caller.getClassName().lastIndexOf('.') + 1);
        return forAll(className + "#" + caller.getMethodName(), tries(), firstSeed(), TRY_LIMIT, gen, check);
    }

    /**
     * Runs the property {@code name} (as {@code -Dtest} takes it: Class#method): {@code tries}
     * tries, the first with seed {@code first}, each within {@code limit}. Returns the count per
     * outcome label; the first failing try throws an AssertionError that tells the try, its seed
     * and the value, with the failure as its cause.
     */
    public static <T> Map<String, Integer> forAll(String name, int tries, long first, Duration limit, Gen<T> gen,
            Check<T> check) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < tries; i++) {
            long seed = seedOf(first, i);
            T value = null;
            try {
                value = gen.next(new Random(seed));
                T v = value;
                String outcome = assertTimeoutPreemptively(limit, () -> check.check(v));
                outcomes.merge(String.valueOf(outcome), 1, Integer::sum);
            } catch (Throwable t) {
                throw new AssertionError(String.format("property %s failed on try %d of %d, seed %d%n"
                        + "  replay: -Dtest='%s' -D%s=%d -D%s=1%n  value: %s%n  cause: %s", name, i + 1, tries,
                        seed, name, SEED, seed, TRIES, describe(value), t), t);
            }
        }
        StringBuilder report = new StringBuilder();
        outcomes.forEach((outcome, n) -> report.append(", ").append(n).append(' ').append(outcome));
        System.out.printf("fuzz %s: %d tries (first seed %d)%s%n", name, tries, first, report);
        return outcomes;
    }

    /** A value for a failure report: byte arrays in hex, strings quoted, both cut short. */
    public static String describe(Object value) {
        String text;
        if (value instanceof byte[] b) {
            int shown = Math.min(b.length, 256);
            text = b.length + " bytes: " + HexFormat.of().formatHex(b, 0, shown) + (shown < b.length ? "…" : "");
        } else if (value instanceof String s) {
            text = "\"" + s.replace("\n", "\\n") + "\"";
        } else {
            text = String.valueOf(value);
        }
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    /** Makes values from a random source; the factories cover what the fuzzers draw. */
    @FunctionalInterface
    public interface Gen<T> {

        T next(Random random);

        default <R> Gen<R> map(Function<? super T, ? extends R> f) {
            return r -> f.apply(next(r));
        }

        /** Values that pass {@code keep}, drawing again (up to 1000 times) when one does not. */
        default Gen<T> filter(Predicate<? super T> keep) {
            return r -> {
                for (int i = 0; i < 1000; i++) {
                    T v = next(r);
                    if (keep.test(v)) {
                        return v;
                    }
                }
                throw new IllegalStateException("the filter keeps almost nothing");
            };
        }

        /** Lists of {@code min} to {@code max} values, short ones more often. */
        default Gen<List<T>> list(int min, int max) {
            return r -> {
                double u = r.nextDouble();
                int size = min + (int) (u * u * (max - min + 1));
                List<T> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(next(r));
                }
                return list;
            };
        }

        /** Null with probability {@code p}, else a value. */
        default Gen<T> orNull(double p) {
            return r -> r.nextDouble() < p ? null : next(r);
        }

        /** One of {@code values}, all equally likely. */
        @SafeVarargs
        static <T> Gen<T> of(T... values) {
            return of(List.of(values));
        }

        static <T> Gen<T> of(List<T> values) {
            List<T> copy = List.copyOf(values);
            return r -> copy.get(r.nextInt(copy.size()));
        }

        /** A value of one of {@code gens}, each as likely. */
        @SafeVarargs
        static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
            return r -> gens[r.nextInt(gens.length)].next(r);
        }

        /** Any int, edge values (0, ±1, the extremes) and small ones more often than by chance. */
        static Gen<Integer> ints() {
            int[] edges = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
                Integer.MIN_VALUE + 1};
            return r -> switch (r.nextInt(10)) {
                case 0 -> edges[r.nextInt(edges.length)];
                case 1, 2, 3 -> r.nextInt(-256, 257);
                default -> r.nextInt();
            };
        }

        /** An int from {@code min} to {@code max}, both included, the ends more often than by chance. */
        static Gen<Integer> ints(int min, int max) {
            return r -> switch (r.nextInt(10)) {
                case 0 -> r.nextBoolean() ? min : max;
                default -> (int) r.nextLong(min, (long) max + 1);
            };
        }

        /** Any long, edge values and small ones more often than by chance. */
        static Gen<Long> longs() {
            long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
            return r -> switch (r.nextInt(10)) {
                case 0 -> edges[r.nextInt(edges.length)];
                case 1, 2, 3 -> r.nextLong(-1024, 1025);
                default -> r.nextLong();
            };
        }

        /** A long from {@code min} to {@code max}, both included ({@code max} below Long.MAX_VALUE). */
        static Gen<Long> longs(long min, long max) {
            return r -> switch (r.nextInt(10)) {
                case 0 -> r.nextBoolean() ? min : max;
                default -> r.nextLong(min, max + 1);
            };
        }

        /** A double from {@code min} to {@code max}, the ends more often than by chance. */
        static Gen<Double> doubles(double min, double max) {
            return r -> switch (r.nextInt(10)) {
                case 0 -> r.nextBoolean() ? min : max;
                default -> Math.min(max, min + r.nextDouble() * (max - min));
            };
        }

        /** Any finite double, of any magnitude. */
        static Gen<Double> doubles() {
            double[] edges = {0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
            return r -> switch (r.nextInt(10)) {
                case 0 -> edges[r.nextInt(edges.length)];
                case 1, 2, 3 -> (r.nextDouble() - 0.5) * 2000;
                default -> (r.nextBoolean() ? 1 : -1) * r.nextDouble() * Math.pow(10, r.nextInt(-320, 308));
            };
        }

        /** Arrays of 0 to {@code maxLength} arbitrary bytes. */
        static Gen<byte[]> bytes(int maxLength) {
            return r -> {
                byte[] b = new byte[r.nextInt(maxLength + 1)];
                r.nextBytes(b);
                return b;
            };
        }

        /** An ASCII character, 0 to 127. */
        static Gen<Character> ascii() {
            return r -> (char) r.nextInt(128);
        }

        /**
         * Strings of up to {@code maxLength} chars of any well-formed Unicode — controls, ASCII,
         * the rest of the basic plane, and pairs of surrogates for the planes above.
         */
        static Gen<String> strings(int maxLength) {
            return r -> {
                int length = r.nextInt(maxLength + 1);
                StringBuilder s = new StringBuilder(length);
                while (s.length() < length) {
                    int cp = switch (r.nextInt(4)) {
                        case 0 -> r.nextInt(0x20);
                        case 1 -> r.nextInt(0x20, 0x7F);
                        case 2 -> {                                // the basic plane above ASCII, no surrogates
                            int c = r.nextInt(0x80, 0x10000 - 0x800);
                            yield c < 0xD800 ? c : c + 0x800;
                        }
                        default -> r.nextInt(0x10000, Character.MAX_CODE_POINT + 1);
                    };
                    if (s.length() + Character.charCount(cp) <= length) {
                        s.appendCodePoint(cp);
                    } else {
                        s.append((char) r.nextInt(0x20, 0x7F));
                    }
                }
                return s.toString();
            };
        }

        /** Strings of {@code minLength} to {@code maxLength} of the characters in {@code chars}. */
        static Gen<String> strings(String chars, int minLength, int maxLength) {
            return r -> {
                int length = minLength + r.nextInt(maxLength - minLength + 1);
                StringBuilder s = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    s.append(chars.charAt(r.nextInt(chars.length())));
                }
                return s.toString();
            };
        }
    }
}
