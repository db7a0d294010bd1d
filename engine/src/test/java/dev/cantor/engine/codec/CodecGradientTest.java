package dev.cantor.engine.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.runtime.NoGrad;
import dev.cantor.engine.training.SpectralLoss;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backpropagation through the whole encoder and decoder against finite differences: moving every
 * parameter a little along a random direction must change the loss by the gradient's dot product
 * with that direction. Each layer's gradient can be right alone and the chain still wrong (PyTorch's
 * native convolution backward on this machine's CPU was, for inputs computed by an earlier layer), so
 * the check runs through the real stack of layers.
 */
class CodecGradientTest {

    private static final int BATCH = 2;

    @ParameterizedTest(name = "{0} loss")
    @ValueSource(strings = {"projection", "log-mel"})
    void gradientMatchesFiniteDifferences(String lossName) {
        CodecConfig config = CodecConfig.tiny();
        float[] audio = CodecTrainingTest.clip(32000, 0.48);
        int samples = audio.length / BATCH;
        Random random = new Random(1);
        float[] projection = new float[audio.length];
        for (int i = 0; i < projection.length; i++) {
            projection[i] = (float) random.nextGaussian();
        }
        SpectralLoss spectral = SpectralLoss.standard(32000);
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 3)) {
            SeanetEncoder encoder = new SeanetEncoder(store, config);
            SeanetDecoder decoder = new SeanetDecoder(store, config);
            BiFunction<ParameterStore.Bound, NDManager, NDArray> loss = (p, step) -> {
                NDArray x = step.create(audio, new Shape(BATCH, 1, samples));
                NDArray y = decoder.forward(p, encoder.forward(p, x));
                return lossName.equals("projection")
                        ? y.mul(step.create(projection, new Shape(BATCH, 1, samples))).sum()
                        : spectral.logMelL1(y, x);
            };

            Map<String, float[]> start = new LinkedHashMap<>();
            Map<String, float[]> direction = new LinkedHashMap<>();
            store.parameters().forEach((name, value) -> {
                start.put(name, value.toFloatArray());
                float[] d = new float[start.get(name).length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (1e-3 * random.nextGaussian());
                }
                direction.put(name, d);
            });

            double analytic = 0;
            try (NDManager step = root.newSubManager()) {
                try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                    collector.backward(loss.apply(store.bind(step), step));
                }
                for (Map.Entry<String, NDArray> e : store.parameters().entrySet()) {
                    float[] g = e.getValue().getGradient().toFloatArray();
                    float[] d = direction.get(e.getKey());
                    for (int i = 0; i < g.length; i++) {
                        analytic += g[i] * (double) d[i];
                    }
                }
            }
            double plus = lossAt(store, start, direction, 1, loss);
            double minus = lossAt(store, start, direction, -1, loss);
            double numeric = (plus - minus) / 2;
            assertEquals(1.0, analytic / numeric, 0.02,
                    "directional derivative: backprop " + analytic + ", finite differences " + numeric);
        }
    }

    private static double lossAt(ParameterStore store, Map<String, float[]> start, Map<String, float[]> direction,
                                 int sign, BiFunction<ParameterStore.Bound, NDManager, NDArray> loss) {
        try (NoGrad off = NoGrad.begin(); NDManager step = store.manager().newSubManager()) {
            store.parameters().forEach((name, value) -> {
                float[] moved = start.get(name).clone();
                float[] d = direction.get(name);
                for (int i = 0; i < moved.length; i++) {
                    moved[i] += sign * d[i];
                }
                value.set(moved);
            });
            return loss.apply(store.bind(step), step).getFloat();
        }
    }
}
