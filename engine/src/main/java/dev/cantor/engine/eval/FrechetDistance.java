package dev.cantor.engine.eval;

import java.util.List;

/**
 * Fréchet distance between two sets of embeddings, each modelled as a Gaussian (the FID/FAD
 * figure): |μ₁ − μ₂|² + tr(Σ₁) + tr(Σ₂) − 2·tr((Σ₁^½ Σ₂ Σ₁^½)^½). Lower is closer; 0 for
 * identical statistics. With few clips the covariances are rank-deficient and the figure is
 * biased upwards, so compare it only between runs with the same number of clips.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /** @throws IllegalArgumentException with fewer than two vectors per set or unequal dimensions */
    public static double between(List<float[]> a, List<float[]> b) {
        if (a.size() < 2 || b.size() < 2) {
            throw new IllegalArgumentException("need at least two embeddings per set");
        }
        int d = a.get(0).length;
        double[] muA = mean(a, d);
        double[] muB = mean(b, d);
        double[][] covA = covariance(a, muA);
        double[][] covB = covariance(b, muB);
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < d; i++) {
            meanTerm += (muA[i] - muB[i]) * (muA[i] - muB[i]);
            traces += covA[i][i] + covB[i][i];
        }
        double[][] rootA = SymmetricEigen.of(covA).sqrt();
        double[][] middle = multiply(multiply(rootA, covB), rootA);
        symmetrise(middle);
        double crossTrace = 0;
        for (double lambda : SymmetricEigen.of(middle).values()) {
            crossTrace += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, meanTerm + traces - 2 * crossTrace);
    }

    private static double[] mean(List<float[]> xs, int d) {
        double[] mu = new double[d];
        for (float[] x : xs) {
            if (x.length != d) {
                throw new IllegalArgumentException("embeddings differ in dimension: " + x.length + " vs " + d);
            }
            for (int i = 0; i < d; i++) {
                mu[i] += x[i] / (double) xs.size();
            }
        }
        return mu;
    }

    /** Unbiased sample covariance (divides by n − 1). */
    private static double[][] covariance(List<float[]> xs, double[] mu) {
        int d = mu.length;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (float[] x : xs) {
            for (int i = 0; i < d; i++) {
                c[i] = x[i] - mu[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = i; j < d; j++) {
                    cov[i][j] += c[i] * c[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                cov[i][j] /= xs.size() - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                if (xik != 0) {
                    for (int j = 0; j < n; j++) {
                        out[i][j] += xik * y[k][j];
                    }
                }
            }
        }
        return out;
    }

    /** Removes the rounding asymmetry of a product that is symmetric in exact arithmetic. */
    private static void symmetrise(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double avg = (m[i][j] + m[j][i]) / 2;
                m[i][j] = avg;
                m[j][i] = avg;
            }
        }
    }
}
