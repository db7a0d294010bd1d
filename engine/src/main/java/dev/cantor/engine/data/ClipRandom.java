package dev.cantor.engine.data;

import java.util.List;
import java.util.Random;

/**
 * The dice of one clip: a {@link Random} (whose algorithm the JDK specifies, so corpora stay
 * reproducible across Java versions) plus the few draws composition needs. Each clip and each
 * aspect of a clip (labels, notes, caption) gets its own stream, derived from the corpus seed and
 * the clip index only, so clip {@code i} is the same whatever else is generated.
 */
final class ClipRandom {

    private final Random random;

    ClipRandom(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The seed of one aspect of one clip: SplitMix64's finalizer over (corpus seed, clip index,
     * salt), so neighbouring indices give unrelated streams.
     */
    static long derive(long corpusSeed, int clipIndex, long salt) {
        long z = corpusSeed * 0x9E3779B97F4A7C15L + clipIndex * 0xD1B54A32D192ED03L + salt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform integer in [0, bound). */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** Uniform integer in [lo, hi] (both inclusive). */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal draw. */
    double gaussian() {
        return random.nextGaussian();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    int pick(int[] items) {
        return items[random.nextInt(items.length)];
    }

    /** Index drawn with probability proportional to {@code weights[i]}. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
