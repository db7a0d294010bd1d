package dev.cantor.engine.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.conditioning.MusicDescriptors;
import dev.cantor.engine.data.TokenClip;
import dev.cantor.engine.lm.LmCondition;
import dev.cantor.engine.lm.TransformerLm;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.runtime.NoGrad;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Backpropagation through the whole language model (condition prefix, melody and beat inputs,
 * transformer, delayed-codebook cross-entropy, and the representation regularizer) against finite
 * differences along a random direction in parameter space.
 */
class LmGradientTest {

    @ParameterizedTest(name = "representation regularizer weight {0}")
    @ValueSource(doubles = {0.0, 1.0})
    void gradientMatchesFiniteDifferences(double rrWeight) {
        Random random = new Random(9);
        int rows = 4;
        int unconditioned = 2;
        int frames = 12;
        List<TokenClip> clips = new ArrayList<>();
        List<LmCondition> conditions = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            TokenClip clip = LmTrainerTest.clip(random, i + ".wav", 20, 16);
            clips.add(clip);
            conditions.add(i < unconditioned ? LmCondition.NONE : LmBatch.fullCondition(clip, MusicDescriptors.NONE, 3, frames));
        }
        LmBatch batch = LmBatch.of(LmTrainerTest.CONFIG, clips, new int[] {3, 3, 3, 3}, frames, conditions,
                unconditioned);
        try (TransformerLm model = TransformerLm.create(LmTrainerTest.CONFIG, 5)) {
            BiFunction<ParameterStore.Bound, NDManager, NDArray> loss = (p, m) -> {
                LmLoss.Result r = LmLoss.forward(model, p, m, batch, 0f);
                NDArray total = r.mean();
                if (rrWeight > 0) {
                    NDArray audio = r.hidden().get(new NDIndex("0:{}", unconditioned));
                    total = total.add(RepresentationRegularizer.loss(audio,
                            RepresentationRegularizer.textSimilarities(batch.texts())).mul((float) rrWeight));
                }
                return total;
            };
            ParameterStore store = model.parameters();
            Map<String, float[]> start = new LinkedHashMap<>();
            Map<String, float[]> direction = new LinkedHashMap<>();
            store.parameters().forEach((name, value) -> {
                start.put(name, value.toFloatArray());
                // small steps: the regularizer max-pools over time, and a step that moves an
                // argmax crosses a kink the derivative does not see
                float[] d = new float[start.get(name).length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = (float) (1e-4 * random.nextGaussian());
                }
                direction.put(name, d);
            });
            double analytic = 0;
            try (NDManager step = model.manager().newSubManager()) {
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
            double plus = lossAt(store, model.manager(), start, direction, 1, loss);
            double minus = lossAt(store, model.manager(), start, direction, -1, loss);
            double numeric = (plus - minus) / 2;
            assertEquals(1.0, analytic / numeric, 0.02,
                    "directional derivative: backprop " + analytic + ", finite differences " + numeric);
        }
    }

    private static double lossAt(ParameterStore store, NDManager root, Map<String, float[]> start,
                                 Map<String, float[]> direction, int sign,
                                 BiFunction<ParameterStore.Bound, NDManager, NDArray> loss) {
        try (NoGrad off = NoGrad.begin(); NDManager step = root.newSubManager()) {
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
