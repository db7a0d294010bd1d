package dev.cantor.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cantor.engine.io.PropertyRunner.Gen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fuzzers' property runner: tries, outcome counts, failure reports that replay, hangs. */
class PropertyRunnerTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void runsEveryTryAndCountsTheOutcomes() {
        Map<String, Integer> outcomes = PropertyRunner.forAll("PropertyRunnerTest#example", 200, 1, LIMIT, Gen.ints(0, 9),
                v -> v < 5 ? "small" : "large");
        assertEquals(200, outcomes.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcomes.get("small") > 50 && outcomes.get("large") > 50, outcomes.toString());
    }

    @Test
    void eachTryHasItsOwnSeedAndTheFirstIsTheGivenOne() {
        assertEquals(42, PropertyRunner.seedOf(42, 0));
        assertNotEquals(PropertyRunner.seedOf(42, 1), PropertyRunner.seedOf(42, 2));
        assertNotEquals(PropertyRunner.seedOf(42, 1), PropertyRunner.seedOf(43, 1));
    }

    @Test
    void aFailureTellsTheTryAndASeedThatReplaysIt() {
        Gen<Integer> gen = Gen.ints(0, 1000);
        List<Integer> seen = new ArrayList<>();
        AssertionError failure = assertThrows(AssertionError.class, () -> PropertyRunner.forAll("Some#property",
                100, 7, LIMIT, gen, v -> {
                    seen.add(v);
                    assertTrue(v < 900, "too big");
                    return "ok";
                }));
        int failing = seen.getLast();
        assertTrue(failing >= 900);
        String message = failure.getMessage();
        assertTrue(message.contains("property Some#property failed on try " + seen.size() + " of 100"), message);
        assertTrue(message.contains("value: " + failing), message);
        assertTrue(message.contains("-Dtest='Some#property'"), message);
        assertInstanceOf(AssertionError.class, failure.getCause());
        Matcher seed = Pattern.compile("-Dcantor\\.fuzz\\.seed=(-?\\d+)").matcher(message);
        assertTrue(seed.find(), message);
        assertEquals(failing, gen.next(new Random(Long.parseLong(seed.group(1)))), "the seed gives the value back");
        List<Integer> replayed = new ArrayList<>();
        assertThrows(AssertionError.class, () -> PropertyRunner.forAll("Some#property", 1,
                Long.parseLong(seed.group(1)), LIMIT, gen, v -> {
                    replayed.add(v);
                    assertTrue(v < 900, "too big");
                    return "ok";
                }));
        assertEquals(List.of(failing), replayed);
    }

    @Test
    void anUnexpectedExceptionOrErrorFailsTheProperty() {
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.forAll("PropertyRunnerTest#example", 10, 1, LIMIT,
                Gen.bytes(10), b -> {
                    throw new IllegalStateException("boom");
                }));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getMessage().contains("bytes: "), e.getMessage());
        AssertionError oom = assertThrows(AssertionError.class, () -> PropertyRunner.forAll("PropertyRunnerTest#example", 10, 1, LIMIT,
                Gen.strings(10), s -> {
                    throw new OutOfMemoryError("simulated");
                }));
        assertInstanceOf(OutOfMemoryError.class, oom.getCause());
    }

    @Test
    void aHangIsCutAtTheLimit() {
        long start = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class, () -> PropertyRunner.forAll("PropertyRunnerTest#example", 3, 1,
                Duration.ofMillis(200), Gen.ints(), v -> {
                    Thread.sleep(60_000);
                    return "never";
                }));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "cut short");
        assertTrue(e.getMessage().contains("try 1 of 3"), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("timed out"), e.getCause().getMessage());
    }

    @Test
    void generatorsStayInTheirBounds() {
        Random r = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            int n = Gen.ints(-3, 7).next(r);
            assertTrue(n >= -3 && n <= 7, "int " + n);
            double d = Gen.doubles(0.05, 1).next(r);
            assertTrue(d >= 0.05 && d <= 1, "double " + d);
            assertTrue(Double.isFinite(Gen.doubles().next(r)));
            long l = Gen.longs(0, 1 << 20).next(r);
            assertTrue(l >= 0 && l <= 1 << 20, "long " + l);
            List<Integer> list = Gen.ints().list(1, 8).next(r);
            assertTrue(list.size() >= 1 && list.size() <= 8, "list " + list.size());
            assertTrue(Gen.bytes(300).next(r).length <= 300);
            String s = Gen.strings(40).next(r);
            assertTrue(s.length() <= 40 && s.codePoints().noneMatch(c -> c >= 0xD800 && c < 0xE000), s);
            String p = Gen.strings("abc", 1, 20).next(r);
            assertTrue(p.length() >= 1 && p.length() <= 20 && p.matches("[abc]+"), p);
        }
        assertEquals(Gen.ints().list(0, 20).next(new Random(9)), Gen.ints().list(0, 20).next(new Random(9)),
                "a seed gives the same value");
    }
}
