package dev.cantor.engine.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.adversarial.AdversarialLosses;
import dev.cantor.engine.adversarial.MultiScaleStftDiscriminator;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.runtime.NoGrad;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The discriminator side of adversarial codec training: the discriminator, its own Adam, the
 * generator's adversarial terms, and the discriminator's step. Saved in the training checkpoint
 * (never in the model's files), so {@code --resume} continues the game exactly.
 *
 * <p>Order within a training step: the decoder's step first, judged by the discriminator as it
 * is, then the discriminator's step on the same real clips and the decoder's output detached. The
 * real clips' features (the feature-matching targets) are computed without a graph.
 */
final class Adversary {

    static final String WEIGHTS_FILE = "discriminator.cntr";
    static final String OPTIMIZER_FILE = "discriminator_optimizer.cntr";

    private final AdversarialConfig config;
    private final MultiScaleStftDiscriminator discriminator;
    private final AdamOptimizer optimizer;

    /** The generator's adversarial terms of one step: the weighted sum and its two parts. */
    record GeneratorTerms(NDArray loss, NDArray hinge, NDArray features) {
    }

    /** @param parent the codec's manager: the discriminator's tensors are freed with the codec */
    Adversary(NDManager parent, AdversarialConfig config, long seed) {
        this.config = config;
        this.discriminator = new MultiScaleStftDiscriminator(parent, config.discriminator(), seed ^ 0x5DEECE66DL);
        // β₁ = 0.5, β₂ = 0.9 as EnCodec's discriminator: a fast-moving opponent needs short memory.
        this.optimizer = new AdamOptimizer(discriminator.parameters(), 0.5, 0.9, 1e-8, 10.0);
    }

    /** Whether step {@code step} (0-based) trains adversarially. */
    boolean activeAt(long step) {
        return step >= config.startStep();
    }

    long parameterCount() {
        return discriminator.parameters().parameterCount();
    }

    /**
     * Inside the decoder's gradient collector: the weighted hinge and feature-matching terms. The
     * discriminator's weights are held constant for this pass, so the backward pass computes no
     * gradients for them (they would be thrown away; it saves about a quarter of the pass).
     */
    GeneratorTerms generatorTerms(NDManager step, NDArray fake, NDArray real) {
        setTrainable(false);
        try {
            ParameterStore.Bound p = discriminator.parameters().bind(step);
            MultiScaleStftDiscriminator.Verdict realVerdict;
            try (NoGrad off = NoGrad.begin()) {
                realVerdict = discriminator.judge(p, real);
            }
            MultiScaleStftDiscriminator.Verdict fakeVerdict = discriminator.judge(p, fake);
            NDArray hinge = AdversarialLosses.generatorHinge(fakeVerdict);
            NDArray features = AdversarialLosses.featureMatching(realVerdict, fakeVerdict);
            NDArray loss = hinge.mul((float) config.weight()).add(features.mul((float) config.featureWeight()));
            return new GeneratorTerms(loss, hinge, features);
        } finally {
            setTrainable(true);
        }
    }

    private void setTrainable(boolean trainable) {
        for (NDArray w : discriminator.parameters().parameters().values()) {
            w.setRequiresGradient(trainable);
        }
    }

    /** Samples the discriminator judges of each crop (0: all of it). */
    int judgedSamples(int sampleRate) {
        return (int) Math.round(config.judgeSeconds() * sampleRate);
    }

    /** Fewest samples the discriminator can judge. */
    int minimumSamples() {
        return discriminator.minimumSamples();
    }

    /**
     * The discriminator's step on real clips and the decoder's output (detached), after the
     * decoder's update.
     *
     * @return the discriminator's hinge loss
     */
    double discriminatorStep(NDManager step, NDArray real, NDArray fake) {
        NDArray loss;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            ParameterStore.Bound p = discriminator.parameters().bind(step);
            loss = AdversarialLosses.discriminatorHinge(discriminator.judge(p, real),
                    discriminator.judge(p, fake.stopGradient()));
            gc.backward(loss);
        }
        optimizer.step(step, config.learningRate());
        return loss.getFloat();
    }

    void save(Path checkpointDir) throws IOException {
        discriminator.save(checkpointDir.resolve(WEIGHTS_FILE));
        optimizer.save(checkpointDir.resolve(OPTIMIZER_FILE));
    }

    void load(Path checkpointDir) throws IOException {
        discriminator.load(checkpointDir.resolve(WEIGHTS_FILE));
        optimizer.load(checkpointDir.resolve(OPTIMIZER_FILE));
    }

}
