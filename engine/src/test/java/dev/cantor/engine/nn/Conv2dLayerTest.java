package dev.cantor.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.cantor.engine.runtime.NativeConvolution;
import org.junit.jupiter.api.Assumptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * PyTorch's 2-D convolution (forward and backward) against the same convolution written as
 * shifted matrix products, on the discriminator's geometries: training trusts the native
 * backward pass only because this holds.
 */
class Conv2dLayerTest {

    private static final int[][] GEOMETRIES = {
        // in, out, kernel time, kernel freq, stride freq, dilation time
        {2, 8, 3, 9, 2, 1}, {8, 8, 3, 9, 2, 2}, {8, 8, 3, 9, 2, 4}, {8, 8, 3, 3, 1, 1}, {8, 1, 3, 3, 1, 1},
    };

    @Test
    void nativeAndShiftedPathsAgreeInValueAndGradient() {
        Assumptions.assumeTrue(NativeConvolution.trusted(), "native convolution is not used on this CPU");
        for (int[] g : GEOMETRIES) {
            try (NDManager m = NDManager.newBaseManager(); ParameterStore store = new ParameterStore(m, 3)) {
                Conv2dLayer conv = new Conv2dLayer(store, "c", g[0], g[1], g[2], g[3], g[4], g[5]);
                NDArray x = m.randomNormal(new Shape(2, g[0], 19, 33));
                float[][] outputs = new float[2][];
                float[][] inputGrads = new float[2][];
                float[][] weightGrads = new float[2][];
                for (int path = 0; path < 2; path++) {
                    try (NDManager step = m.newSubManager()) {
                        NDArray input = x.duplicate();
                        input.attach(step);
                        input.setRequiresGradient(true);
                        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray y = conv.forward(store.bind(step), input, path == 0);
                            // A fixed, uneven weighting of the outputs, so every gradient entry matters.
                            NDArray weights = step.arange((float) y.getShape().size()).reshape(y.getShape()).sin();
                            gc.backward(y.mul(weights).sum());
                            outputs[path] = y.toFloatArray();
                        }
                        inputGrads[path] = input.getGradient().toFloatArray();
                        NDArray wg = store.parameter("c.weight").getGradient();
                        weightGrads[path] = wg.toFloatArray();
                        wg.muli(0f);
                        store.parameter("c.bias").getGradient().muli(0f);
                    }
                }
                String what = Arrays.toString(g);
                assertClose(outputs[1], outputs[0], what + " output");
                assertClose(inputGrads[1], inputGrads[0], what + " input gradient");
                assertClose(weightGrads[1], weightGrads[0], what + " weight gradient");
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, scale), what + " at " + i);
        }
    }
}
