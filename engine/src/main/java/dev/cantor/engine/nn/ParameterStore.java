package dev.cantor.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named tensors of a model: trainable parameters (with gradients) and buffers (state that
 * is learned without gradients, such as EMA codebooks). All live in one long-lived manager.
 *
 * <p>Layers do not hold NDArrays; they hold names and look their tensors up in a {@link Bound}
 * view made for one step, so every intermediate array of that step is attached to the step's
 * manager and freed with it (DJL attaches an op's result to its first operand's manager).
 */
public final class ParameterStore implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> buffers = new LinkedHashMap<>();
    private final SplittableRandom initRandom;

    /** @param seed seeds the weight initialisation, so a fresh model is reproducible */
    public ParameterStore(NDManager parent, long seed) {
        this.manager = parent.newSubManager();
        this.initRandom = new SplittableRandom(seed);
    }

    public NDManager manager() {
        return manager;
    }

    /** Adds a trainable tensor initialised uniformly in [-bound, bound]. */
    public String addParameter(String name, Shape shape, double bound) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((initRandom.nextDouble() * 2 - 1) * bound);
        }
        return addParameter(name, shape, values);
    }

    /** Adds a trainable tensor with the given values. */
    public String addParameter(String name, Shape shape, float[] values) {
        requireNew(name);
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        parameters.put(name, array);
        return name;
    }

    /** Adds a non-trainable tensor (zeros). */
    public String addBuffer(String name, Shape shape) {
        requireNew(name);
        buffers.put(name, manager.zeros(shape));
        return name;
    }

    public NDArray parameter(String name) {
        NDArray a = parameters.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return a;
    }

    public NDArray buffer(String name) {
        NDArray a = buffers.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no buffer named " + name);
        }
        return a;
    }

    /** Replaces a buffer's content (shape must match); the old tensor is freed. */
    public void setBuffer(String name, float[] values) {
        NDArray old = buffer(name);
        NDArray fresh = manager.create(values, old.getShape());
        buffers.put(name, fresh);
        old.close();
    }

    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Map<String, NDArray> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Whether {@code other} holds the same names with bit-identical values, parameters and buffers alike. */
    public boolean sameValues(ParameterStore other) {
        return sameTensors(parameters, other.parameters) && sameTensors(buffers, other.buffers);
    }

    private static boolean sameTensors(Map<String, NDArray> a, Map<String, NDArray> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, NDArray> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue().toFloatArray(), b.get(e.getKey()).toFloatArray())) {
                return false;
            }
        }
        return true;
    }

    /** Total number of trainable scalars. */
    public long parameterCount() {
        return parameters.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /**
     * Makes step-local views of every tensor. Call inside the gradient collector when training:
     * a view made with gradients off would not carry gradients back to the parameter.
     */
    public Bound bind(NDManager step) {
        Map<String, NDArray> views = new LinkedHashMap<>();
        parameters.forEach((name, p) -> views.put(name, stepView(p, step)));
        buffers.forEach((name, b) -> views.put(name, stepView(b, step)));
        return new Bound(views, step);
    }

    /**
     * Fresh views of the buffers for a step already bound, after buffers were replaced
     * (parameter views are kept, so gradients still reach the same graph).
     */
    public Bound rebindBuffers(Bound bound) {
        Map<String, NDArray> views = new LinkedHashMap<>(bound.tensors());
        buffers.forEach((name, b) -> views.put(name, stepView(b, bound.manager())));
        return new Bound(views, bound.manager());
    }

    /**
     * A view of {@code a} (same storage, gradients flow back to it) owned by {@code step}, so
     * the arrays computed from it are freed with the step.
     */
    public static NDArray stepView(NDArray a, NDManager step) {
        NDArray v = a.reshape(a.getShape());
        v.attach(step);
        return v;
    }

    private void requireNew(String name) {
        if (parameters.containsKey(name) || buffers.containsKey(name)) {
            throw new IllegalArgumentException("duplicate tensor name " + name);
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    /** The tensors of one step, attached to that step's manager. */
    public record Bound(Map<String, NDArray> tensors, NDManager manager) {
        public NDArray get(String name) {
            NDArray a = tensors.get(name);
            if (a == null) {
                throw new IllegalArgumentException("no tensor named " + name);
            }
            return a;
        }
    }
}
