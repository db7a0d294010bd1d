package dev.cantor.engine.api;


/**
 * How tokens are drawn from the model's distribution.
 *
 * @param temperature divides the logits; 0 means greedy (always the most likely token)
 * @param topK        keep only the K most likely tokens; 0 keeps all
 * @param topP        keep the smallest set whose probability reaches P (nucleus); 1 keeps all
 * @param guidance    classifier-free guidance coefficient g: uncond + g·(cond − uncond); 1 is plain
 *                    conditional sampling, 0 ignores the condition
 * @param seed        seeds the sampler, so equal inputs give equal output
 * @param keyGuidance extra guidance towards the asked key over a piece made from nothing (not a
 *                    continuation, nor a piece with a hummed melody): the conditional logits
 *                    gain λ·(with key − without key) before the guidance above; 0 turns it off
 */
public record SamplingParams(double temperature, int topK, double topP, double guidance, long seed,
                             double keyGuidance) {

    /*
     * Cantor's defaults, used wherever a caller does not choose (CLI, studio, story projects):
     * MusicGen's temperature and top-k, and a lighter guidance than MusicGen's 3, chosen for the
     * shipped model on an evaluation set of its own (not the shipped one): 2 followed mode and key
     * best there, and above 3 mode, key and melody all fall (resources/models/default/lm/MODEL_CARD.md,
     * "Sampling").
     */
    public static final double DEFAULT_TEMPERATURE = 1.0;
    public static final int DEFAULT_TOP_K = 250;
    public static final double DEFAULT_TOP_P = 1.0;
    public static final double DEFAULT_GUIDANCE = 2.0;

    /*
     * Left to itself after its first seconds, a model drifts from the asked key to a near one
     * (the dominant, most often); guiding every step keeps it there (LM card, "Key guidance").
     */
    public static final double DEFAULT_KEY_GUIDANCE = 2.0;

    /** Settings with Cantor's default key guidance. */
    public SamplingParams(double temperature, int topK, double topP, double guidance, long seed) {
        this(temperature, topK, topP, guidance, seed, DEFAULT_KEY_GUIDANCE);
    }

    public SamplingParams {
        if (!(temperature >= 0) || temperature > 10) {
            throw new RequestException("temperature must be between 0 and 10, got " + temperature);
        }
        if (topK < 0) {
            throw new RequestException("top-k must be 0 (off) or positive, got " + topK);
        }
        if (!(topP > 0) || topP > 1) {
            throw new RequestException("top-p must be in (0, 1], got " + topP);
        }
        if (!(guidance >= 0) || guidance > 20) {
            throw new RequestException("guidance must be between 0 and 20, got " + guidance);
        }
        if (!(keyGuidance >= 0) || keyGuidance > 20) {
            throw new RequestException("key guidance must be between 0 and 20, got " + keyGuidance);
        }
    }

    /** Cantor's defaults ({@link #DEFAULT_TEMPERATURE} and the rest) with this seed. */
    public static SamplingParams defaults(long seed) {
        return new SamplingParams(DEFAULT_TEMPERATURE, DEFAULT_TOP_K, DEFAULT_TOP_P, DEFAULT_GUIDANCE, seed);
    }

    public SamplingParams withSeed(long newSeed) {
        return new SamplingParams(temperature, topK, topP, guidance, newSeed, keyGuidance);
    }

    public SamplingParams withGuidance(double g) {
        return new SamplingParams(temperature, topK, topP, g, seed, keyGuidance);
    }

    public SamplingParams withKeyGuidance(double weight) {
        return new SamplingParams(temperature, topK, topP, guidance, seed, weight);
    }
}
