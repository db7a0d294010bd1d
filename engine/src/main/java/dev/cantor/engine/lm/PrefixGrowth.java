package dev.cantor.engine.lm;

import dev.cantor.engine.nn.TensorFile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reshapes a trained LM's weights for a longer conditioning prefix, so that a model trained
 * without style, mood and instruments can go on training with them and keep what it learned.
 *
 * <p>The prefix sits before the audio steps, so two tensors depend on its length: the position
 * table (the audio steps' rows move down by the number of new prefix positions; the new
 * positions' rows start at zero) and the frame-condition projection of the whole prefix (the
 * columns of the new positions start at zero, so the frame condition is unchanged at first).
 * Every other tensor keeps its shape and values; the new conditions' own weights are not in the
 * base and start at zero ({@link TransformerLm#startFrom}).
 */
final class PrefixGrowth {

    private PrefixGrowth() {
    }

    /** {@code weights} of a model of shape {@code from}, laid out for shape {@code to}. */
    static Map<String, TensorFile.Entry> grow(Map<String, TensorFile.Entry> weights, LmConfig from, LmConfig to) {
        int oldPrefix = from.prefixLength();
        int newPrefix = to.prefixLength();
        if (newPrefix < oldPrefix || from.dModel() != to.dModel() || from.maxFrames() != to.maxFrames()
                || from.numCodebooks() != to.numCodebooks()) {
            throw new IllegalArgumentException("cannot grow a prefix of " + oldPrefix + " positions to " + newPrefix);
        }
        int d = to.dModel();
        Map<String, TensorFile.Entry> out = new LinkedHashMap<>(weights);
        TensorFile.Entry positions = weights.get(TransformerLm.POSITIONS);
        if (positions != null) {
            out.put(TransformerLm.POSITIONS, shiftedRows(positions, oldPrefix, newPrefix, to.maxPositions(), d));
        }
        TensorFile.Entry frame = weights.get(TransformerLm.FRAME_WEIGHT);
        if (frame != null) {
            out.put(TransformerLm.FRAME_WEIGHT, widenedColumns(frame, oldPrefix * d, newPrefix * d, d));
        }
        return out;
    }

    /** Rows [0, oldPrefix) stay; rows from oldPrefix on move to newPrefix on; the rows between are zero. */
    private static TensorFile.Entry shiftedRows(TensorFile.Entry e, int oldPrefix, int newPrefix, int rows, int d) {
        requireShape(e, TransformerLm.POSITIONS, rows - (newPrefix - oldPrefix), d);
        float[] v = new float[rows * d];
        System.arraycopy(e.values(), 0, v, 0, oldPrefix * d);
        System.arraycopy(e.values(), oldPrefix * d, v, newPrefix * d, (rows - newPrefix) * d);
        return new TensorFile.Entry(new long[] {rows, d}, v);
    }

    /** [outputs, oldColumns] → [outputs, newColumns]: the old columns first, zeros after. */
    private static TensorFile.Entry widenedColumns(TensorFile.Entry e, int oldColumns, int newColumns, int outputs) {
        requireShape(e, TransformerLm.FRAME_WEIGHT, outputs, oldColumns);
        float[] v = new float[outputs * newColumns];
        for (int r = 0; r < outputs; r++) {
            System.arraycopy(e.values(), r * oldColumns, v, r * newColumns, oldColumns);
        }
        return new TensorFile.Entry(new long[] {outputs, newColumns}, v);
    }

    private static void requireShape(TensorFile.Entry e, String name, long rows, long columns) {
        if (e.shape().length != 2 || e.shape()[0] != rows || e.shape()[1] != columns) {
            throw new IllegalArgumentException(name + " has shape " + java.util.Arrays.toString(e.shape())
                    + ", expected [" + rows + ", " + columns + "]");
        }
    }
}
