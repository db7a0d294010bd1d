package dev.cantor.engine.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.cantor.engine.nn.ParameterStore;
import java.util.SplittableRandom;

/**
 * One codebook of the residual quantizer, learned by exponential moving averages of the
 * vectors assigned to each code (van den Oord et al. 2017, as used by SoundStream/EnCodec),
 * with Laplace smoothing and replacement of codes that fell out of use.
 *
 * <p>Buffers (saved with the weights — without them a checkpoint cannot be reloaded):
 * {@code codebook [S, D]}, {@code cluster_size [S]}, {@code embed_sum [S, D]},
 * {@code initialized [1]}.
 */
public final class VectorQuantizer implements QuantizerStage {

    private static final float LAPLACE_EPS = 1e-5f;

    private final String codebook;
    private final String clusterSize;
    private final String embedSum;
    private final String initialized;
    private final int size;
    private final int dim;
    private final float decay;
    /** A code whose EMA usage falls below this share of the uniform usage is replaced. */
    private final float deadFraction;

    public VectorQuantizer(ParameterStore store, String name, int size, int dim, float decay, float deadFraction) {
        this.codebook = store.addBuffer(name + ".codebook", new Shape(size, dim));
        this.clusterSize = store.addBuffer(name + ".cluster_size", new Shape(size));
        this.embedSum = store.addBuffer(name + ".embed_sum", new Shape(size, dim));
        this.initialized = store.addBuffer(name + ".initialized", new Shape(1));
        this.size = size;
        this.dim = dim;
        this.decay = decay;
        this.deadFraction = deadFraction;
    }

    @Override
    public int size() {
        return size;
    }

    /** Nearest code for each row of x [N, D] (x carries no gradient here). */
    @Override
    public long[] nearest(ParameterStore.Bound p, NDArray x) {
        NDArray c = p.get(codebook);                               // [S, D]
        NDArray cross = x.matMul(c.transpose());                   // [N, S]
        NDArray dist = c.square().sum(new int[] {1}).sub(cross.mul(2)); // |c|² − 2x·c (|x|² is constant per row)
        return dist.argMin(1).toLongArray();
    }

    /** Codebook rows for the given codes, as a new [N, D] array in {@code manager}. */
    public NDArray lookup(ParameterStore store, NDManager manager, long[] codes) {
        float[] table = store.buffer(codebook).toFloatArray();
        float[] out = new float[codes.length * dim];
        for (int i = 0; i < codes.length; i++) {
            System.arraycopy(table, (int) codes[i] * dim, out, i * dim, dim);
        }
        return manager.create(out, new Shape(codes.length, dim));
    }

    /** The codebook rows themselves: an EMA stage adds its code vectors to the latent. */
    @Override
    public NDArray decode(ParameterStore store, NDManager manager, long[] codes) {
        return lookup(store, manager, codes);
    }

    /** True once the codebook has been seeded from data. */
    public boolean isInitialized(ParameterStore store) {
        return store.buffer(initialized).toFloatArray()[0] > 0;
    }

    /** Seeds the codebook with randomly chosen rows of the first batch (plus a little noise). */
    public void initializeFrom(ParameterStore store, float[] x, int rows, SplittableRandom rng) {
        // Usage starts at the uniform share of a batch, so a code the data abandons falls below the
        // dead-code threshold within tens of steps (starting at 1 per code hid collapse for ~400).
        float share = rows / (float) size;
        float[] table = new float[size * dim];
        float[] sums = new float[size * dim];
        float[] counts = new float[size];
        for (int s = 0; s < size; s++) {
            int r = rng.nextInt(rows);
            for (int d = 0; d < dim; d++) {
                table[s * dim + d] = x[r * dim + d] + (float) (rng.nextGaussian() * 1e-3);
                sums[s * dim + d] = table[s * dim + d] * share;
            }
            counts[s] = share;
        }
        store.setBuffer(codebook, table);
        store.setBuffer(embedSum, sums);
        store.setBuffer(clusterSize, counts);
        store.setBuffer(initialized, new float[] {1f});
    }

    /**
     * EMA update with the batch's assignments, then dead-code replacement.
     *
     * @param x     the batch's input rows [rows × D], row-major
     * @param codes the code each row was assigned
     * @return how many codes were replaced
     */
    public int update(ParameterStore store, float[] x, long[] codes, SplittableRandom rng) {
        int rows = codes.length;
        float[] counts = new float[size];
        float[] sums = new float[size * dim];
        for (int i = 0; i < rows; i++) {
            int c = (int) codes[i];
            counts[c] += 1;
            for (int d = 0; d < dim; d++) {
                sums[c * dim + d] += x[i * dim + d];
            }
        }
        float[] cluster = store.buffer(clusterSize).toFloatArray();
        float[] avg = store.buffer(embedSum).toFloatArray();
        double total = 0;
        for (int s = 0; s < size; s++) {
            cluster[s] = decay * cluster[s] + (1 - decay) * counts[s];
            total += cluster[s];
        }
        for (int j = 0; j < avg.length; j++) {
            avg[j] = decay * avg[j] + (1 - decay) * sums[j];
        }
        float[] table = new float[size * dim];
        for (int s = 0; s < size; s++) {
            // Laplace smoothing keeps rarely used codes from dividing by ~0.
            double smoothed = (cluster[s] + LAPLACE_EPS) / (total + size * LAPLACE_EPS) * total;
            for (int d = 0; d < dim; d++) {
                table[s * dim + d] = (float) (avg[s * dim + d] / smoothed);
            }
        }
        int replaced = replaceDeadCodes(table, cluster, avg, x, rows, rng);
        store.setBuffer(clusterSize, cluster);
        store.setBuffer(embedSum, avg);
        store.setBuffer(codebook, table);
        return replaced;
    }

    private int replaceDeadCodes(float[] table, float[] cluster, float[] avg, float[] x, int rows,
                                 SplittableRandom rng) {
        float threshold = deadFraction * rows / size;
        int replaced = 0;
        for (int s = 0; s < size; s++) {
            if (cluster[s] >= threshold) {
                continue;
            }
            int r = rng.nextInt(rows);
            for (int d = 0; d < dim; d++) {
                float v = x[r * dim + d];
                table[s * dim + d] = v;
                avg[s * dim + d] = v;
            }
            cluster[s] = rows / (float) size;
            for (int d = 0; d < dim; d++) {
                avg[s * dim + d] *= cluster[s];
            }
            replaced++;
        }
        return replaced;
    }
}
