package dev.cantor.engine.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.nn.ParameterStore;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FactorizedVectorQuantizerTest {

    private static final int ROWS = 48;
    private static final int DIM = 6;
    private static final int STAGES = 2;
    private static final float DECAY = 0.99f;
    private static final float DEAD = 0.4f;

    private static float[] gaussian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** Backpropagates {@code lossOf(output)} of one pass over the parameter x into the store's gradients. */
    private static void backward(ParameterStore store, NDManager root, ResidualVectorQuantizer rvq,
                                 Function<ResidualVectorQuantizer.Output, NDArray> lossOf) {
        try (NDManager step = root.newSubManager();
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            ParameterStore.Bound p = store.bind(step);
            ResidualVectorQuantizer.Output out = rvq.forward(store, p, p.get("x"), STAGES, true, new SplittableRandom(1));
            gc.backward(lossOf.apply(out));
        }
    }

    private static double gradientMagnitude(ParameterStore store, String name) {
        float[] g = store.parameter(name).getGradient().toFloatArray();
        double sum = 0;
        for (float v : g) {
            assertTrue(Float.isFinite(v), "finite gradient of " + name);
            sum += Math.abs(v);
        }
        store.parameter(name).getGradient().muli(0f);
        return sum;
    }

    @Test
    void reconstructionGradientReachesTheInputAndTheCodebookLearnsOnlyFromItsLoss() {
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 1)) {
            ResidualVectorQuantizer rvq = ResidualVectorQuantizer.factorized(store, STAGES, 16, DIM, 3, DECAY, DEAD);
            store.addParameter("x", new Shape(ROWS, DIM), gaussian(ROWS * DIM, 2));

            // A loss on the quantized latent alone: straight-through carries it to the input and the
            // projections, but not to the codebooks (their rows enter only through stop-gradient).
            backward(store, root, rvq, out -> {
                NDArray w = out.quantized().getManager().arange(ROWS * DIM).reshape(ROWS, DIM)
                        .toType(DataType.FLOAT32, false);
                return out.quantized().mul(w).sum();
            });
            assertTrue(gradientMagnitude(store, "x") > 1e-3, "input gets the straight-through gradient");
            assertTrue(gradientMagnitude(store, "rvq.stage0.in_proj.weight") > 1e-3, "in_proj learns from it");
            assertTrue(gradientMagnitude(store, "rvq.stage1.out_proj.weight") > 1e-3, "out_proj learns from it");
            assertEquals(0, gradientMagnitude(store, "rvq.stage0.codebook"), 0.0);
            assertEquals(0, gradientMagnitude(store, "rvq.stage1.codebook"), 0.0);

            // The codebook loss moves the codebooks and nothing on the encoder side.
            backward(store, root, rvq, ResidualVectorQuantizer.Output::codebookLoss);
            assertTrue(gradientMagnitude(store, "rvq.stage0.codebook") > 1e-6, "codebook 0 gets a gradient");
            assertTrue(gradientMagnitude(store, "rvq.stage1.codebook") > 1e-6, "codebook 1 gets a gradient");
            assertEquals(0, gradientMagnitude(store, "rvq.stage0.in_proj.weight"), 0.0);
            assertEquals(0, gradientMagnitude(store, "x"), 0.0);

            // The commitment loss moves the encoder side and not the codebooks.
            backward(store, root, rvq, ResidualVectorQuantizer.Output::commitmentLoss);
            assertTrue(gradientMagnitude(store, "x") > 1e-6, "commitment reaches the input");
            assertTrue(gradientMagnitude(store, "rvq.stage1.in_proj.weight") > 1e-6, "and the projection");
            assertEquals(0, gradientMagnitude(store, "rvq.stage0.codebook"), 0.0);
        }
    }

    @Test
    void trainingValuesEncodingAndDecodingAgree() {
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 3)) {
            ResidualVectorQuantizer rvq = ResidualVectorQuantizer.factorized(store, STAGES, 16, DIM, 3, DECAY, DEAD);
            try (NDManager step = root.newSubManager()) {
                ParameterStore.Bound p = store.bind(step);
                NDArray x = step.create(gaussian(ROWS * DIM, 4), new Shape(ROWS, DIM));
                ResidualVectorQuantizer.Output out = rvq.forward(store, p, x, STAGES, true, new SplittableRandom(1));
                long[][] encoded = rvq.encode(store, p, x);
                assertArrayEquals(out.codes(), encoded, "encode picks the codes training picked");
                NDArray decoded = rvq.decode(store, step, encoded);
                assertEquals(new Shape(ROWS, DIM), decoded.getShape());
                assertArrayEquals(out.quantized().toFloatArray(), decoded.toFloatArray(), 1e-5f,
                        "the straight-through value is what decoding the codes gives");
                // Unit-length vectors on both sides: each loss is a mean of 2 − 2·cos over c dims.
                float commit = out.commitmentLoss().getFloat();
                assertEquals(commit, out.codebookLoss().getFloat(), 1e-6f);
                assertTrue(commit > 0 && commit < 4f / 3, "commitment of unit vectors in [0, 4/c]: " + commit);
                assertEquals(0, out.replacedCodes());
            }
        }
    }

    @Test
    void codesAreChosenByDirection() {
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 5)) {
            ResidualVectorQuantizer rvq = ResidualVectorQuantizer.factorized(store, 1, 32, DIM, 4, DECAY, DEAD);
            try (NDManager step = root.newSubManager()) {
                ParameterStore.Bound p = store.bind(step);
                // Residuals whose projections are positive multiples of one another share a code:
                // remove the in_proj bias so that projection is linear.
                store.parameter("rvq.stage0.in_proj.bias").muli(0f);
                float[] base = gaussian(DIM, 6);
                float[] rows = new float[3 * DIM];
                float[] scales = {0.1f, 1f, 25f};
                for (int r = 0; r < 3; r++) {
                    for (int d = 0; d < DIM; d++) {
                        rows[r * DIM + d] = base[d] * scales[r];
                    }
                }
                long[] codes = rvq.encode(store, p, step.create(rows, new Shape(3, DIM)))[0];
                assertEquals(codes[0], codes[1]);
                assertEquals(codes[1], codes[2]);
            }
        }
    }

    @Test
    void firstTrainingBatchSeedsEveryCodeWithAProjectedRow() {
        int size = 16;
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 7)) {
            ResidualVectorQuantizer rvq = ResidualVectorQuantizer.factorized(store, 1, size, DIM, 3, DECAY, DEAD);
            float[] before = store.parameter("rvq.stage0.codebook").toFloatArray();
            try (NDManager step = root.newSubManager()) {
                ParameterStore.Bound p = store.bind(step);
                NDArray x = step.create(gaussian(ROWS * DIM, 8), new Shape(ROWS, DIM));
                assertEquals(0, rvq.forward(store, p, x, 1, true, new SplittableRandom(9)).replacedCodes());
                // Nothing is written under a possibly recorded graph; the rows change on request.
                assertArrayEquals(before, store.parameter("rvq.stage0.codebook").toFloatArray(), 0f);
                rvq.applyCodeWrites(store);
                NDArray projected = x.matMul(p.get("rvq.stage0.in_proj.weight").transpose())
                        .add(p.get("rvq.stage0.in_proj.bias"));                           // [N, c]
                projected = projected.div(projected.norm(new int[] {1}, true));
                NDArray codebook = store.parameter("rvq.stage0.codebook");                // [S, c]
                NDArray cosine = codebook.div(codebook.norm(new int[] {1}, true)).matMul(projected.transpose());
                float[] best = cosine.max(new int[] {1}).toFloatArray();                 // [S]
                for (int s = 0; s < size; s++) {
                    assertEquals(1f, best[s], 1e-5f, "code " + s + " should be a projected batch row");
                }
            }
        }
    }

    @Test
    void codesTheDataNeverPicksAreReseededAfterTheirUsageDecays() {
        int size = 16;
        float[] three = gaussian(3 * DIM, 10);
        float[] data = new float[ROWS * DIM];
        for (int r = 0; r < ROWS; r++) {
            System.arraycopy(three, (r % 3) * DIM, data, r * DIM, DIM);
        }
        try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
             ParameterStore store = new ParameterStore(root, 11)) {
            ResidualVectorQuantizer rvq = ResidualVectorQuantizer.factorized(store, 1, size, DIM, 3, DECAY, DEAD);
            SplittableRandom rng = new SplittableRandom(12);
            int firstReseed = -1;
            int reseeded = 0;
            for (int pass = 0; pass < 120; pass++) {
                try (NDManager step = root.newSubManager()) {
                    ParameterStore.Bound p = store.bind(step);
                    int n = rvq.forward(store, p, step.create(data, new Shape(ROWS, DIM)), 1, true, rng).replacedCodes();
                    rvq.applyCodeWrites(store);
                    if (n > 0 && firstReseed < 0) {
                        firstReseed = pass;
                    }
                    reseeded += n;
                }
            }
            // Only three distinct directions exist, so at most 3 codes are used; the others start
            // at the uniform usage and fall below 0.4 of it after ln(0.4)/ln(0.99) ≈ 91 passes.
            assertTrue(firstReseed >= 85 && firstReseed <= 95, "first re-seed at pass " + firstReseed);
            assertTrue(reseeded >= size - 3, "unused codes re-seeded: " + reseeded);
        }
    }
}
