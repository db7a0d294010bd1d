package dev.cantor.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    /** ±s along each axis, shifted by {@code mean}: sample mean = mean, sample covariance = 2s²/(2d−1)·I. */
    private static List<float[]> star(int d, double s, double[] mean, double[][] rotation) {
        List<float[]> out = new ArrayList<>();
        for (int axis = 0; axis < d; axis++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                float[] x = new float[d];
                for (int i = 0; i < d; i++) {
                    x[i] = (float) (sign * s * rotation[i][axis] + mean[i]);
                }
                out.add(x);
            }
        }
        return out;
    }

    private static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** A random orthogonal matrix (Gram–Schmidt on Gaussian columns). */
    private static double[][] rotation(int d, long seed) {
        Random rnd = new Random(seed);
        double[][] q = new double[d][d];
        for (int k = 0; k < d; k++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = rnd.nextGaussian();
            }
            for (int j = 0; j < k; j++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[i][j];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[i][j];
                }
            }
            double norm = 0;
            for (double x : v) {
                norm += x * x;
            }
            for (int i = 0; i < d; i++) {
                q[i][k] = v[i] / Math.sqrt(norm);
            }
        }
        return q;
    }

    @Test
    void identicalSetsAreAtDistanceZero() {
        List<float[]> a = star(4, 1.5, new double[4], rotation(4, 1));
        assertEquals(0, FrechetDistance.between(a, a), 1e-6);
    }

    @Test
    void matchesTheClosedFormForIsotropicGaussiansWhateverTheRotation() {
        int d = 5;
        double[] zero = new double[d];
        double[] shift = {1, -2, 0, 0.5, 0};
        double var1 = 2 * 1.0 / (2 * d - 1);
        double var2 = 2 * 4.0 / (2 * d - 1);
        // |Δμ|² + d·(σ1 − σ2)²
        double expected = 1 + 4 + 0.25 + d * Math.pow(Math.sqrt(var1) - Math.sqrt(var2), 2);
        assertEquals(expected, FrechetDistance.between(star(d, 1, zero, identity(d)), star(d, 2, shift, identity(d))),
                1e-5);
        double[][] r = rotation(d, 7);
        // a common rotation changes neither the covariance spectra nor the mean distance
        assertEquals(expected, FrechetDistance.between(star(d, 1, zero, r), star(d, 2, shift, r)), 1e-5);
        // different rotations of isotropic sets are the same Gaussians
        assertEquals(expected, FrechetDistance.between(star(d, 1, zero, r), star(d, 2, shift, rotation(d, 8))), 1e-5);
    }

    @Test
    void needsTwoVectorsPerSet() {
        List<float[]> one = List.of(new float[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(one, one));
    }
}
