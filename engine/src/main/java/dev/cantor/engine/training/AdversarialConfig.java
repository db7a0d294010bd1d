package dev.cantor.engine.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cantor.engine.adversarial.DiscriminatorConfig;

/**
 * Adversarial training of the codec's decoder (SoundStream, EnCodec): a discriminator learns to
 * tell real clips from decoded ones, and the decoder gets its hinge loss and a feature-matching
 * loss on top of the reconstruction losses.
 *
 * @param weight        weight of the generator's hinge loss
 * @param featureWeight weight of the relative feature-matching loss
 * @param learningRate  the discriminator's Adam step size
 * @param startStep     steps of reconstruction alone before the discriminator joins (it does
 *                      not pay to judge a decoder that has not learned the coarse spectrum yet)
 * @param discriminator its shape
 * @param judgeSeconds  the discriminator judges a window of this length from each crop (the
 *                      same window of the real and the decoded clip; 0: the whole crop). The
 *                      discriminator costs more than the decoder per second of audio on a CPU.
 */
public record AdversarialConfig(
        @JsonProperty("weight") double weight,
        @JsonProperty("feature_weight") double featureWeight,
        @JsonProperty("learning_rate") double learningRate,
        @JsonProperty("start_step") long startStep,
        @JsonProperty("discriminator") DiscriminatorConfig discriminator,
        @JsonProperty("judge_seconds") double judgeSeconds) {

    public AdversarialConfig {
        if (!(weight >= 0) || !(featureWeight >= 0) || !Double.isFinite(weight) || !Double.isFinite(featureWeight)) {
            throw new IllegalArgumentException("invalid adversarial config: weights must be ≥ 0");
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("invalid adversarial config: learning_rate must be in (0, 1)");
        }
        if (startStep < 0) {
            throw new IllegalArgumentException("invalid adversarial config: start_step must be ≥ 0");
        }
        if (!(judgeSeconds >= 0 && judgeSeconds <= 30)) {
            throw new IllegalArgumentException("invalid adversarial config: judge_seconds must be in [0, 30]");
        }
        if (discriminator == null) {
            throw new IllegalArgumentException("invalid adversarial config: no discriminator");
        }
    }

    /**
     * The weights every measured run used (codec model card): hinge 2 and features 4 beside a
     * log-mel weight of 15, about Vocos's balance (mel 45, generator 1, features 2) with our
     * losses averaged over scales and layers instead of summed.
     */
    public static AdversarialConfig standard() {
        return new AdversarialConfig(2.0, 4.0, 2e-4, 0, DiscriminatorConfig.standard(), 0.5);
    }
}
