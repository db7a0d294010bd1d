package dev.cantor.engine.api;

import dev.cantor.engine.audio.AudioClip;

/**
 * What the musician asks for.
 *
 * @param prompt       text prompt ("slow melancholic piano, 70 bpm"); may be blank when a melody is given
 * @param seconds      length of the new music
 * @param seed         sampling seed: the same request and seed give the same audio
 * @param temperature  sampling temperature (0 = greedy)
 * @param topK         top-k filter (0 = off)
 * @param topP         nucleus filter (1 = off)
 * @param guidance     classifier-free guidance coefficient (1 = none)
 * @param keyGuidance  extra guidance towards the asked key at the start ({@link SamplingParams#keyGuidance}; 0 = off)
 * @param melody       a hummed/played melody to follow, or null
 * @param continuation audio to continue from, or null; the result starts with it
 */
public record GenerationRequest(String prompt, double seconds, long seed, double temperature, int topK,
                                double topP, double guidance, double keyGuidance, AudioClip melody,
                                AudioClip continuation) {

    /** Longest piece one request may ask for. */
    public static final double MAX_SECONDS = 600;

    public GenerationRequest {
        prompt = prompt == null ? "" : prompt.strip();
        requireValidSeconds(seconds);
        requireValidSampling(temperature, topK, topP, guidance, keyGuidance);
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

    /**
     * The one range check of the sampling settings, wherever they come from (studio, command line,
     * story project).
     *
     * @throws RequestException naming the setting out of range
     */
    public static void requireValidSampling(double temperature, int topK, double topP, double guidance) {
        requireValidSampling(temperature, topK, topP, guidance, SamplingParams.DEFAULT_KEY_GUIDANCE);
    }

    /** {@link #requireValidSampling(double, int, double, double)} with the key guidance too. */
    public static void requireValidSampling(double temperature, int topK, double topP, double guidance,
                                            double keyGuidance) {
        try {
            new SamplingParams(temperature, topK, topP, guidance, 0, keyGuidance);
        } catch (IllegalArgumentException e) {
            throw new RequestException(e.getMessage(), e);
        }
    }

    /** A text-only request with Cantor's default sampling ({@link SamplingParams#defaults}). */
    public static GenerationRequest ofPrompt(String prompt, double seconds, long seed) {
        return new GenerationRequest(prompt, seconds, seed, SamplingParams.DEFAULT_TEMPERATURE,
                SamplingParams.DEFAULT_TOP_K, SamplingParams.DEFAULT_TOP_P, SamplingParams.DEFAULT_GUIDANCE,
                SamplingParams.DEFAULT_KEY_GUIDANCE, null, null);
    }

    public GenerationRequest withMelody(AudioClip clip) {
        return new GenerationRequest(prompt, seconds, seed, temperature, topK, topP, guidance, keyGuidance, clip,
                continuation);
    }

    public GenerationRequest withContinuation(AudioClip clip) {
        return new GenerationRequest(prompt, seconds, seed, temperature, topK, topP, guidance, keyGuidance, melody,
                clip);
    }

    public GenerationRequest withSampling(double newTemperature, int newTopK, double newTopP, double newGuidance) {
        return new GenerationRequest(prompt, seconds, seed, newTemperature, newTopK, newTopP, newGuidance, keyGuidance,
                melody, continuation);
    }

    public GenerationRequest withKeyGuidance(double weight) {
        return new GenerationRequest(prompt, seconds, seed, temperature, topK, topP, guidance, weight, melody,
                continuation);
    }

    /** The sampling settings of this request, as the engine draws with them. */
    public SamplingParams sampling() {
        return new SamplingParams(temperature, topK, topP, guidance, seed, keyGuidance);
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
        return seed + take;
    }

    public GenerationRequest withSeed(long newSeed) {
        return new GenerationRequest(prompt, seconds, newSeed, temperature, topK, topP, guidance, keyGuidance, melody,
                continuation);
    }
}
