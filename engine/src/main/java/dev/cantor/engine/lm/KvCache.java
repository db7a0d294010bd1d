package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.cantor.engine.nn.ParameterStore;

/**
 * Keys and values of every position seen so far, per layer, so a sampling step runs the network
 * on the newest position only. The arrays live in the cache's own manager; each append frees the
 * previous (shorter) arrays, so memory stays proportional to the sequence, not to the steps.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final Layer[] layers;
    private int length;

    KvCache(NDManager parent, int numLayers) {
        this.manager = parent.newSubManager();
        this.layers = new Layer[numLayers];
        for (int i = 0; i < numLayers; i++) {
            layers[i] = new Layer();
        }
    }

    /** Positions held. */
    public int length() {
        return length;
    }

    Layer layer(int i) {
        return layers[i];
    }

    void advance(int positions) {
        length += positions;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** One layer's keys and values, [B, H, positions, headDim]. */
    final class Layer {
        private NDArray keys;
        private NDArray values;

        /**
         * Appends the new keys and values and returns views of all of them, [keys, values],
         * owned by the manager of the new keys (the step's), so what the caller computes from
         * them is freed with the step and not kept as long as the cache.
         */
        NDArray[] append(NDArray newKeys, NDArray newValues) {
            NDManager step = newKeys.getManager();
            NDArray k = keys == null ? newKeys.duplicate() : keys.concat(newKeys, 2);
            NDArray v = values == null ? newValues.duplicate() : values.concat(newValues, 2);
            k.attach(manager);
            v.attach(manager);
            if (keys != null) {
                keys.close();
                values.close();
            }
            keys = k;
            values = v;
            return new NDArray[] {ParameterStore.stepView(keys, step), ParameterStore.stepView(values, step)};
        }
    }
}
