package dev.cantor.engine.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * The hinge GAN losses and the relative feature-matching loss of EnCodec/SoundStream, averaged
 * over the discriminator's scales (and, for features, over its layers), so their size does not
 * grow with the number of scales.
 */
public final class AdversarialLosses {

    private static final float FEATURE_EPS = 1e-8f;

    private AdversarialLosses() {
    }

    /** Discriminator: mean over scales of mean(relu(1 − D(real))) + mean(relu(1 + D(fake))). */
    public static NDArray discriminatorHinge(MultiScaleStftDiscriminator.Verdict real,
                                             MultiScaleStftDiscriminator.Verdict fake) {
        NDArray total = null;
        for (int s = 0; s < real.logits().size(); s++) {
            NDArray r = Activation.relu(real.logits().get(s).neg().add(1f)).mean();
            NDArray f = Activation.relu(fake.logits().get(s).add(1f)).mean();
            NDArray both = r.add(f);
            total = total == null ? both : total.add(both);
        }
        return total.div(real.logits().size());
    }

    /** Generator: mean over scales of mean(relu(1 − D(fake))). */
    public static NDArray generatorHinge(MultiScaleStftDiscriminator.Verdict fake) {
        NDArray total = null;
        for (NDArray logits : fake.logits()) {
            NDArray term = Activation.relu(logits.neg().add(1f)).mean();
            total = total == null ? term : total.add(term);
        }
        return total.div(fake.logits().size());
    }

    /**
     * Feature matching: mean over scales and layers of mean|f_real − f_fake| / mean|f_real|. The
     * real activations are targets: pass them computed without a graph.
     */
    public static NDArray featureMatching(MultiScaleStftDiscriminator.Verdict real,
                                          MultiScaleStftDiscriminator.Verdict fake) {
        NDArray total = null;
        int terms = 0;
        for (int s = 0; s < real.features().size(); s++) {
            List<NDArray> r = real.features().get(s);
            List<NDArray> f = fake.features().get(s);
            for (int l = 0; l < r.size(); l++) {
                NDArray target = r.get(l);
                NDArray term = f.get(l).sub(target).abs().mean().div(target.abs().mean().add(FEATURE_EPS));
                total = total == null ? term : total.add(term);
                terms++;
            }
        }
        return total.div(terms);
    }
}
