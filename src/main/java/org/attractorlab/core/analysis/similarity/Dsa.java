package org.attractorlab.core.analysis.similarity;

import org.attractorlab.core.analysis.HiddenStates;

/**
 * Dynamical Similarity Analysis (Ostrow et al. 2023). For each network: a Hankel delay embedding of its states
 * ({@code delays}, {@code delayInterval}), a reduced-rank dynamic mode decomposition (rank, ridge) giving the linear
 * operator A of the embedded dynamics. Between two networks: min over orthogonal C of ||A_x - C A_y C^T||_F, and the
 * angular distance arccos(&lt;A_x, C A_y C^T&gt; / (||A_x|| ||A_y||)).
 */
public final class Dsa {
    private Dsa() {
    }

    /**
     * @param delays        delay-embedding depth (number of stacked copies), &gt;= 1
     * @param delayInterval steps between stacked copies, &gt;= 1
     * @param rank          rank of the reduced DMD, &gt;= 1
     * @param ridge         ridge regularisation of the DMD regression, &gt;= 0
     * @param restarts      random orthogonal starts of the C optimisation, &gt;= 1
     * @param iterations    gradient steps per start, &gt;= 1
     * @param learningRate  step size of the C optimisation, &gt; 0
     * @param seed          seed of the random starts
     */
    public record Options(int delays, int delayInterval, int rank, double ridge, int restarts, int iterations,
                          double learningRate, long seed) {
        /** The defaults the degeneracy study uses (provisional values; the implementation documents its own). */
        public static final Options DEFAULTS = new Options(10, 1, 10, 1e-6, 4, 500, 0.01, 0);
    }

    /**
     * One system's DMD operator in its reduced coordinates.
     *
     * @param rank r
     * @param a    A [r, r], row-major
     */
    public record Model(int rank, double[] a) {
    }

    /**
     * @param frobenius min over orthogonal C of ||A_x - C A_y C^T||_F
     * @param angular   arccos of the normalised inner product at that C, in [0, pi]
     * @param c         the optimal C [r, r], row-major
     */
    public record Comparison(double frobenius, double angular, double[] c) {
    }

    /** The DMD model of one network's states. */
    public static Model fit(HiddenStates h, Options o) {
        throw new UnsupportedOperationException("Dsa.fit is not implemented yet");
    }

    /** The distance between two models of the same rank. */
    public static Comparison compare(Model x, Model y, Options o) {
        throw new UnsupportedOperationException("Dsa.compare is not implemented yet");
    }
}
