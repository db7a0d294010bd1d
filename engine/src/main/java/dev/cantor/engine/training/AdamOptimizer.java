package dev.cantor.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.nn.ParameterStore;
import dev.cantor.engine.nn.TensorFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba) with global gradient-norm clipping. Its moments are saved beside the
 * weights so that a resumed run continues exactly where it stopped.
 */
public final class AdamOptimizer {

    private final ParameterStore store;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double maxGradNorm;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;

    public AdamOptimizer(ParameterStore store, double beta1, double beta2, double eps, double maxGradNorm) {
        this.store = store;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.maxGradNorm = maxGradNorm;
        store.parameters().forEach((name, p) -> {
            first.put(name, store.manager().zeros(p.getShape()));
            second.put(name, store.manager().zeros(p.getShape()));
        });
    }

    public long steps() {
        return steps;
    }

    /**
     * Applies one update from the gradients accumulated by the last backward pass, then zeroes
     * them. Call outside the gradient collector. Returns the gradient norm before clipping; when
     * it is not finite the update is skipped (gradients are zeroed, nothing else changes).
     */
    public double step(NDManager stepManager, double learningRate) {
        Map<String, NDArray> grads = new LinkedHashMap<>();
        double squared = 0;
        for (Map.Entry<String, NDArray> e : store.parameters().entrySet()) {
            NDArray g = e.getValue().getGradient();
            g.attach(stepManager);
            grads.put(e.getKey(), g);
            squared += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(squared);
        if (!Double.isFinite(norm)) {
            // Overwrite rather than multiply by 0: NaN × 0 is NaN, and the NaN would stay in the
            // accumulated gradient for every later step.
            for (NDArray g : grads.values()) {
                g.set(g.isNaN().logicalOr(g.isInfinite()), 0f);
                g.muli(0f);
            }
            return norm;
        }
        double clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / norm : 1.0;
        steps++;
        double correction1 = 1 - Math.pow(beta1, steps);
        double correction2 = 1 - Math.pow(beta2, steps);
        float stepSize = (float) (learningRate * Math.sqrt(correction2) / correction1);
        for (Map.Entry<String, NDArray> e : grads.entrySet()) {
            String name = e.getKey();
            NDArray g = e.getValue().mul((float) clip);
            NDArray m = ParameterStore.stepView(first.get(name), stepManager);
            NDArray v = ParameterStore.stepView(second.get(name), stepManager);
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().mul((float) (1 - beta2)));
            NDArray update = m.div(v.sqrt().add((float) (eps * Math.sqrt(correction2)))).mul(stepSize);
            ParameterStore.stepView(store.parameter(name), stepManager).subi(update);
            e.getValue().muli(0f);
        }
        return norm;
    }

    /** Saves both moments and the step count. */
    public void save(Path file) throws IOException {
        Map<String, NDArray> all = new LinkedHashMap<>();
        first.forEach((k, v) -> all.put("m/" + k, v));
        second.forEach((k, v) -> all.put("v/" + k, v));
        all.put("steps", store.manager().create(new float[] {steps}));
        TensorFile.write(file, all, TensorFile.Storage.FLOAT32);
        all.get("steps").close();
    }

    /** Restores what {@link #save(Path)} wrote. */
    public void load(Path file) throws IOException {
        Map<String, TensorFile.Entry> entries = TensorFile.read(file);
        for (String name : first.keySet()) {
            restore(file, entries, "m/" + name, first);
            restore(file, entries, "v/" + name, second);
        }
        TensorFile.Entry s = entries.get("steps");
        if (s == null) {
            throw new IOException("optimizer state " + file + " lacks its step count");
        }
        steps = (long) s.values()[0];
    }

    private void restore(Path file, Map<String, TensorFile.Entry> entries, String key, Map<String, NDArray> into)
            throws IOException {
        TensorFile.Entry e = entries.get(key);
        String name = key.substring(2);
        if (e == null || e.values().length != into.get(name).getShape().size()) {
            throw new IOException("optimizer state " + file + " does not match the model (" + key + ")");
        }
        NDArray old = into.get(name);
        into.put(name, store.manager().create(e.values(), old.getShape()));
        old.close();
    }
}
