package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;

/**
 * What the musician asks for.
 *
 * @param prompt       text prompt ("slow melancholic piano, 70 bpm"); may be blank when a melody is given
 * @param seconds      length of the new music
 * @param sampling     how tokens are drawn, with the seed: the same request gives the same audio
 * @param melody       a hummed/played melody to follow, or null
 * @param continuation audio to continue from, or null; the result starts with it
 */
public record GenerationRequest(String prompt, double seconds, SamplingParams sampling, AudioClip melody,
                                AudioClip continuation) {

    /** Longest piece one request may ask for. */
    public static final double MAX_SECONDS = 600;

    public GenerationRequest {
        prompt = prompt == null ? "" : prompt.strip();
        requireValidSeconds(seconds);
        java.util.Objects.requireNonNull(sampling, "sampling");
        if (prompt.isEmpty() && melody == null && continuation == null) {
            throw new RequestException("give a prompt, a melody or audio to continue");
        }
    }

    /** @throws RequestException unless 0 < seconds ≤ {@link #MAX_SECONDS} */
    public static void requireValidSeconds(double seconds) {
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new RequestException(String.format(java.util.Locale.ROOT,
                    "length must be more than 0 and at most %.0f seconds, got %s", MAX_SECONDS, seconds));
        }
    }

    /** A text-only request with Cantor's default sampling ({@link SamplingParams#defaults}). */
    public static GenerationRequest ofPrompt(String prompt, double seconds, long seed) {
        return new GenerationRequest(prompt, seconds, SamplingParams.defaults(seed), null, null);
    }

    /** The sampling seed: the same request and seed give the same audio. */
    public long seed() {
        return sampling.seed();
    }

    public GenerationRequest withMelody(AudioClip clip) {
        return new GenerationRequest(prompt, seconds, sampling, clip, continuation);
    }

    public GenerationRequest withContinuation(AudioClip clip) {
        return new GenerationRequest(prompt, seconds, sampling, melody, clip);
    }

    public GenerationRequest withSeconds(double newSeconds) {
        return new GenerationRequest(prompt, newSeconds, sampling, melody, continuation);
    }

    /** This request drawn with {@code newSampling}, whose seed becomes the request's. */
    public GenerationRequest withSampling(SamplingParams newSampling) {
        return new GenerationRequest(prompt, seconds, newSampling, melody, continuation);
    }

    /**
     * The seed of take {@code take} (0, 1, …) when several takes of this request are made at once:
     * the request's seed plus the take's number, so take 0 is this request as it stands and the
     * takes of seed 7 are seeds 7, 8, 9, … — each can be made again alone with its seed.
     */
    public long seedOfTake(int take) {
        if (take < 0) {
            throw new IllegalArgumentException("take numbers start at 0, got " + take);
        }
        return seed() + take;
    }

    public GenerationRequest withSeed(long newSeed) {
        return withSampling(sampling.withSeed(newSeed));
    }
}
