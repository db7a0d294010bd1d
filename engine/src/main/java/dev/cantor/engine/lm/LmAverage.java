package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;

/**
 * Weight averaging of language models fine-tuned from one base ("model soups", Wortsman et al.,
 * 2022): each weight of the result is the weighted mean of the models' weights. Runs that left a
 * common starting point along different losses often sit in one basin, where the mean keeps most
 * of what each learned and can beat both. The models must have the same shape.
 */
public final class LmAverage {

    private LmAverage() {
    }

    /**
     * A new model whose every weight is Σ weights[i] · models[i]'s, the weights normalised to sum
     * to 1.
     *
     * @throws IllegalArgumentException fewer than two models, a weight that is not positive, a
     *                                  count of weights other than the models', or models of
     *                                  different shapes
     */
    public static TransformerLm of(List<TransformerLm> models, double[] weights) {
        if (models.size() < 2) {
            throw new IllegalArgumentException("averaging needs at least two models, got " + models.size());
        }
        if (weights.length != models.size()) {
            throw new IllegalArgumentException(weights.length + " weights for " + models.size() + " models");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("every weight must be positive, got " + w);
            }
            sum += w;
        }
        LmConfig config = models.get(0).config();
        for (TransformerLm m : models) {
            if (!m.config().equals(config)) {
                throw new IllegalArgumentException("the models differ in shape: " + config + " and " + m.config());
            }
        }
        TransformerLm out = TransformerLm.create(config, 0);
        for (Map.Entry<String, NDArray> e : out.parameters().parameters().entrySet()) {
            double[] mean = new double[Math.toIntExact(e.getValue().size())];
            for (int i = 0; i < models.size(); i++) {
                float[] v = models.get(i).parameters().parameter(e.getKey()).toFloatArray();
                double w = weights[i] / sum;
                for (int j = 0; j < v.length; j++) {
                    mean[j] += w * v[j];
                }
            }
            float[] rounded = new float[mean.length];
            for (int j = 0; j < mean.length; j++) {
                rounded[j] = (float) mean[j];
            }
            e.getValue().set(rounded);
        }
        return out;
    }
}
