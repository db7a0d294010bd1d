package dev.cantor.engine.training;

/**
 * Stops a run whose gradients stay non-finite. The optimizer skips a step with a non-finite
 * gradient, so a few are harmless; this many in a row means the run has diverged.
 */
final class DivergenceGuard {

    private static final int MAX_NON_FINITE_IN_A_ROW = 20;

    private int nonFiniteInARow;

    /** Counts a step's gradient norm; throws when too many in a row were not finite. */
    void check(double gradNorm) {
        nonFiniteInARow = Double.isFinite(gradNorm) ? 0 : nonFiniteInARow + 1;
        if (nonFiniteInARow >= MAX_NON_FINITE_IN_A_ROW) {
            throw new IllegalStateException("training diverged: " + nonFiniteInARow
                    + " steps in a row had a non-finite gradient (try a lower learning rate)");
        }
    }
}
