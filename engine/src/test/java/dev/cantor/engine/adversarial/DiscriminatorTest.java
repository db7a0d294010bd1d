package dev.cantor.engine.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.runtime.NoGrad;
import dev.cantor.engine.training.AdamOptimizer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscriminatorTest {

    private static final int RATE = 32000;

    /** Harmonic tones (the "real" clips) in [B, 1, T]. */
    private static float[] tones(int batch, int samples, SplittableRandom rng) {
        float[] x = new float[batch * samples];
        for (int b = 0; b < batch; b++) {
            double f = 150 + 400 * rng.nextDouble();
            for (int i = 0; i < samples; i++) {
                double t = i / (double) RATE;
                x[b * samples + i] = (float) (0.3 * Math.sin(2 * Math.PI * f * t) + 0.1 * Math.sin(4 * Math.PI * f * t));
            }
        }
        return x;
    }

    private static float[] noise(int batch, int samples, SplittableRandom rng) {
        float[] x = new float[batch * samples];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.2 * (rng.nextDouble() * 2 - 1));
        }
        return x;
    }

    @Test
    void eachScaleGivesLogitsAndFiveFeatureMapsOfTheExpectedShape() {
        try (NDManager m = NDManager.newBaseManager(); NoGrad off = NoGrad.begin();
             MultiScaleStftDiscriminator d = new MultiScaleStftDiscriminator(m, DiscriminatorConfig.tiny(), 1)) {
            NDArray audio = m.create(noise(3, 4096, new SplittableRandom(1)), new Shape(3, 1, 4096));
            MultiScaleStftDiscriminator.Verdict v = d.judge(d.parameters().bind(m), audio);
            int[] sizes = DiscriminatorConfig.tiny().fftSizes();
            assertEquals(sizes.length, v.logits().size());
            for (int s = 0; s < sizes.length; s++) {
                long frames = 4096 / (sizes[s] / 4) + 1;                 // centred STFT
                long bins = sizes[s] / 2 + 1;
                for (int halvings = 0; halvings < 4; halvings++) {
                    bins = (bins - 1) / 2 + 1;
                }
                assertEquals(new Shape(3, 1, frames, bins), v.logits().get(s).getShape(), "scale " + sizes[s]);
                assertEquals(5, v.features().get(s).size());
                assertEquals(new Shape(3, DiscriminatorConfig.tiny().channels(), frames, bins),
                        v.features().get(s).get(4).getShape());
            }
        }
    }

    @Test
    void itLearnsToTellTonesFromNoise() {
        SplittableRandom rng = new SplittableRandom(7);
        int batch = 4;
        int samples = 4096;
        try (NDManager m = NDManager.newBaseManager();
             MultiScaleStftDiscriminator d = new MultiScaleStftDiscriminator(m, DiscriminatorConfig.tiny(), 2)) {
            ParameterStore store = d.parameters();
            AdamOptimizer adam = new AdamOptimizer(store, 0.5, 0.9, 1e-8, 10.0);
            double first = 0;
            double last = 0;
            for (int step = 0; step < 30; step++) {
                try (NDManager s = m.newSubManager()) {
                    NDArray real = s.create(tones(batch, samples, rng), new Shape(batch, 1, samples));
                    NDArray fake = s.create(noise(batch, samples, rng), new Shape(batch, 1, samples));
                    NDArray loss;
                    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                        ParameterStore.Bound p = store.bind(s);
                        loss = AdversarialLosses.discriminatorHinge(d.judge(p, real), d.judge(p, fake));
                        gc.backward(loss);
                    }
                    float value = loss.getFloat();
                    if (step < 3) {
                        first += value / 3;
                    } else if (step >= 27) {
                        last += value / 3;
                    }
                    adam.step(s, 2e-3);
                }
            }
            // Chance is a hinge loss of 2 (both terms at 1); a discriminator that tells them apart goes well below.
            assertTrue(last < 0.7 * first && last < 1.5, "hinge loss " + first + " -> " + last);
        }
    }
}
