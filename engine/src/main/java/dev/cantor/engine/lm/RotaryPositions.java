package dev.cantor.engine.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding (RoFormer): each pair of a head's dimensions (i, i + dh/2) is turned
 * by the angle position · θ_i, with θ_i = base^(−2i/dh). A query at position m and a key at
 * position n rotated so have a dot product that depends on m − n only, which is what lets
 * {@link KvCache} drop the oldest steps and run on past the training window without the model
 * ever seeing an offset it was not trained on.
 *
 * <p>Angles are computed in double precision from the absolute position, so a step an hour into
 * a piece is rotated as accurately as the first.
 */
final class RotaryPositions {

    private static final double BASE = 10_000.0;

    private final int headDim;
    private final double[] frequencies;

    RotaryPositions(int headDim) {
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("rotary positions need an even head width, got " + headDim);
        }
        this.headDim = headDim;
        int half = headDim / 2;
        this.frequencies = new double[half];
        for (int i = 0; i < half; i++) {
            frequencies[i] = Math.pow(BASE, -2.0 * i / headDim);
        }
    }

    /** The cosines and sines of positions [first, first + count), each [count, headDim]. */
    Angles angles(NDManager m, long first, int count) {
        int half = headDim / 2;
        float[] cos = new float[count * headDim];
        float[] sin = new float[count * headDim];
        for (int t = 0; t < count; t++) {
            for (int i = 0; i < half; i++) {
                double angle = ((first + t) * frequencies[i]) % (2 * Math.PI);
                float c = (float) Math.cos(angle);
                float s = (float) Math.sin(angle);
                cos[t * headDim + i] = c;
                cos[t * headDim + half + i] = c;
                sin[t * headDim + i] = s;
                sin[t * headDim + half + i] = s;
            }
        }
        return new Angles(m.create(cos, new Shape(count, headDim)), m.create(sin, new Shape(count, headDim)));
    }

    /** The angles of a run of positions, broadcast over batch and heads. */
    record Angles(NDArray cos, NDArray sin) {

        /** x [B, H, T, dh] with position t of T turned by the angles of row t. */
        NDArray rotate(NDArray x) {
            long half = x.getShape().get(3) / 2;
            NDList halves = x.split(new long[] {half}, 3);
            NDArray turned = halves.get(1).neg().concat(halves.get(0), 3);     // (−x2, x1)
            return x.mul(cos).add(turned.mul(sin));
        }
    }
}
