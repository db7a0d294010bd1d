package dev.cantor.engine.api;

import java.util.List;

/**
 * What {@link MusicEngine#generateTakes} produced: N takes of one request that differ only in
 * their seed ("Make 4"), made together.
 *
 * @param takes         the takes in order; take i was made with {@code seeds.get(i)}, and its
 *                      {@code lmSeconds} is its share (1/N) of the batch's sampling time
 * @param seeds         the seed of each take ({@link GenerationRequest#seedOfTake(int)})
 * @param lmSeconds     wall time spent sampling the tokens of all takes together
 * @param decodeSeconds wall time spent decoding all takes
 */
public record TakesResult(List<GenerationResult> takes, List<Long> seeds, double lmSeconds, double decodeSeconds) {

    public TakesResult {
        takes = List.copyOf(takes);
        seeds = List.copyOf(seeds);
        if (takes.isEmpty() || takes.size() != seeds.size()) {
            throw new IllegalArgumentException("one seed per take, at least one take");
        }
    }

    /** Wall seconds of sampling and decoding per take. */
    public double secondsPerTake() {
        return (lmSeconds + decodeSeconds) / takes.size();
    }
}
