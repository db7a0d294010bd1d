package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.cantor.engine.nn.ParameterStore;

/**
 * Keys and values of the positions seen so far, per layer, so a sampling step runs the network
 * on the newest position only. The arrays live in the cache's own manager; each append frees the
 * previous arrays, so memory stays proportional to what is kept, not to the steps.
 *
 * <p>A model with learned positions keeps every position (its sequences are at most a window
 * long). A model with rotary positions keeps the prefix apart and only the audio steps a new step
 * can still see ({@link LmConfig#attentionSpan()} − 1), so a piece of any length runs in bounded
 * memory.
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

    /** Positions seen: the prefix and every audio step so far (more than are held past the span). */
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
        private NDArray prefixKeys;
        private NDArray prefixValues;
        /** Rotary layout: the slot the next single step overwrites, or −1 while in step order. */
        private int ringSlot = -1;

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
            closeHeld();
            keys = k;
            values = v;
            return new NDArray[] {ParameterStore.stepView(keys, step), ParameterStore.stepView(values, step)};
        }

        /**
         * Rotary layout: stores the prefix's keys and values when given (the first pass), and
         * returns views of the stored ones, [keys, values], owned by {@code step}.
         */
        NDArray[] prefix(NDArray newKeys, NDArray newValues, NDManager step) {
            if (newKeys != null) {
                if (prefixKeys != null) {
                    throw new IllegalStateException("the prefix is already in the cache");
                }
                prefixKeys = newKeys.duplicate();
                prefixValues = newValues.duplicate();
                prefixKeys.attach(manager);
                prefixValues.attach(manager);
                return new NDArray[] {newKeys, newValues};
            }
            if (prefixKeys == null) {
                throw new IllegalStateException("the first pass must hold the prefix");
            }
            return new NDArray[] {ParameterStore.stepView(prefixKeys, step), ParameterStore.stepView(prefixValues, step)};
        }

        /**
         * Rotary layout: returns the held audio keys and values followed by the new ones (for
         * this pass's attention, owned by the new keys' manager), and keeps only the last
         * {@code keep} of them for the next pass.
         *
         * <p>Once {@code keep} steps are held, single steps go into a ring of {@code keep + 1}
         * slots: the newest overwrites the oldest in place, so a step copies one position, not
         * the whole span twice. The ring's order is rotated, which attention does not mind (it
         * sums over keys; only float rounding changes) as long as no mask is needed, and a
         * single step within the span never needs one.
         */
        NDArray[] appendAudio(NDArray newKeys, NDArray newValues, int keep) {
            NDManager step = newKeys.getManager();
            long steps = newKeys.getShape().get(2);
            if (ringSlot >= 0 && steps == 1 && keys.getShape().get(2) == keep + 1) {
                NDIndex slot = new NDIndex(":, :, {}:{}", ringSlot, ringSlot + 1);
                keys.set(slot, newKeys);
                values.set(slot, newValues);
                ringSlot = (ringSlot + 1) % (keep + 1);
                return new NDArray[] {ParameterStore.stepView(keys, step), ParameterStore.stepView(values, step)};
            }
            unwindRing();
            NDArray k = keys == null ? newKeys : keys.concat(newKeys, 2);
            NDArray v = values == null ? newValues : values.concat(newValues, 2);
            long total = k.getShape().get(2);
            if (steps == 1 && total == keep + 1) {
                // the span is full: from here on a ring (slot 0 holds the oldest, the next to go)
                k.attach(manager);
                v.attach(manager);
                closeHeld();
                keys = k;
                values = v;
                ringSlot = 0;
                return new NDArray[] {ParameterStore.stepView(keys, step), ParameterStore.stepView(values, step)};
            }
            k.attach(step);
            v.attach(step);
            long from = Math.max(0, total - keep);
            NDArray keptKeys = k.get(new NDIndex(":, :, {}:", from)).duplicate();
            NDArray keptValues = v.get(new NDIndex(":, :, {}:", from)).duplicate();
            keptKeys.attach(manager);
            keptValues.attach(manager);
            closeHeld();
            keys = keptKeys;
            values = keptValues;
            return new NDArray[] {k, v};
        }

        /**
         * Puts a ring back in step order, oldest first, without the stale slot the next single
         * step would have overwritten (for a pass of several steps, which is masked by order).
         */
        private void unwindRing() {
            if (ringSlot < 0) {
                return;
            }
            long slots = keys.getShape().get(2);
            NDArray k = ordered(keys, ringSlot, slots);
            NDArray v = ordered(values, ringSlot, slots);
            k.attach(manager);
            v.attach(manager);
            closeHeld();
            keys = k;
            values = v;
            ringSlot = -1;
        }

        /** The slots after {@code stale} then those before it, in a new array. */
        private static NDArray ordered(NDArray ring, int stale, long slots) {
            if (stale == 0) {
                return ring.get(new NDIndex(":, :, 1:")).duplicate();
            }
            if (stale == slots - 1) {
                return ring.get(new NDIndex(":, :, 0:{}", stale)).duplicate();
            }
            return ring.get(new NDIndex(":, :, {}:", stale + 1)).concat(ring.get(new NDIndex(":, :, 0:{}", stale)), 2);
        }

        private void closeHeld() {
            if (keys != null) {
                keys.close();
                values.close();
            }
        }

        /** Audio steps held (rotary layout). */
        int audioHeld() {
            // a ring has one slot more than it keeps: the oldest, which the next step overwrites
            int stored = keys == null ? 0 : Math.toIntExact(keys.getShape().get(2));
            return ringSlot >= 0 ? stored - 1 : stored;
        }
    }
}
