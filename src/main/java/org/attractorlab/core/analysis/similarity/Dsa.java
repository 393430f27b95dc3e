package org.attractorlab.core.analysis.similarity;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.Covariance;
import org.attractorlab.core.analysis.pca.TopEigen;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.lu.LUDecompositionAlt_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Dynamical Similarity Analysis (Ostrow et al. 2023). For each network: a Hankel delay embedding of its states
 * ({@code delays}, {@code delayInterval}), a reduced-rank dynamic mode decomposition (rank, ridge) giving the linear
 * operator A of the embedded dynamics. Between two networks: min over orthogonal C of ||A_x - C A_y C^T||_F, and the
 * angular distance arccos(&lt;A_x, C A_y C^T&gt; / (||A_x|| ||A_y||)).
 *
 * <p><b>The model ({@link #fit})</b> is HAVOK-style DMD in the SVD coordinates of the delay embedding (the
 * reference implementation's {@code DMD.A_v}). Per trial, with D = delays and tau = delayInterval, sample s of the
 * embedding is the row
 * <pre>
 *   e_s = [h_{t}, h_{t - tau}, ..., h_{t - (D-1) tau}],   t = s + (D-1) tau,   s = 0 .. m-1,   m = T - (D-1) tau
 * </pre>
 * (width H * D). All B * m rows E [B m, H D] give the <em>uncentred</em> scatter E^T E = U diag(sigma^2) U^T; with the
 * top r directions U_r [H D, r],
 * <pre>
 *   z_s = diag(1 / sigma_1..r) U_r^T e_s          (the rows of V_r in E = U S V^T: sum_s z_s z_s^T = I_r)
 *   A   = Z1 Z0^T (Z0 Z0^T + ridge I)^-1          over the pairs (z_s, z_{s+1}) of one trial, never across trials
 * </pre>
 * The coordinates are whitened: every kept direction has unit energy over all samples, so A weighs a mode of small
 * variance as much as a large one (DSA compares dynamics, not geometry), and the ridge is dimensionless (a fraction
 * of each coordinate's total energy, independent of the scale of the states and of the number of samples). States
 * are not centred, as in the reference: a constant offset of the states is one more direction whose dynamics is an
 * eigenvalue near 1. A fit from states y = Q x (Q orthogonal on the units) equals that from x up to sign flips of
 * the coordinates, which the orthogonal C of {@link #compare} absorbs.
 *
 * <p><b>The comparison ({@link #compare})</b> normalises both operators (a = A_x / ||A_x||, b = A_y / ||A_y||) and
 * maximises g(C) = &lt;a, C b C^T&gt; over the orthogonal group, which minimises ||a - C b C^T||^2 = 2 - 2 g and
 * ||A_x - C A_y C^T|| alike. Riemannian gradient ascent with the Cayley retraction:
 * <pre>
 *   G = a C b^T + a^T C b                          (Euclidean gradient of g)
 *   W = skew(C^T G) = (C^T G - G^T C) / 2
 *   C &lt;- C (I - h/2 W)^-1 (I + h/2 W)                 (stays orthogonal; to first order C + h C W)
 * </pre>
 * Step sizes are Barzilai-Borwein's (alternately &lt;S, S&gt; / |&lt;S, Y&gt;| and |&lt;S, Y&gt;| / &lt;Y, Y&gt;, with S the
 * change of C and Y that of the tangent gradient C W between accepted steps; Wen and Yin 2013), starting from
 * {@code learningRate}; a step is accepted if g(C_new) &gt;= ref + {@value #ARMIJO} h ||W||^2 with ref the
 * Zhang-Hager weighted mean of the values visited (weight {@value #NONMONOTONE}), else h is halved. Every trial step
 * counts as one of the {@code iterations}. A start stops after {@code iterations} steps, when ||W||_F &lt;
 * {@value #GRADIENT_TOLERANCE}
 * or when h falls below {@value #MIN_STEP}. The flow never leaves the component (det C = +1 or -1) it starts in, so
 * the starts are the identity and {@code restarts} Haar-random orthogonal matrices (seeded) whose determinants
 * alternate -1, +1, -1, ...; the best start is returned.
 *
 * <p>Invariance (and what DSA cannot see): the score is invariant to orthogonal transforms of either network's
 * states, reflections included. A rotation and its time reversal are mirror images (F R(theta) F = R(-theta) for a
 * reflection F), so they are at distance 0, as their state clouds are for the Procrustes distance.
 */
public final class Dsa {
    /** ||skew(C^T G)||_F (for the normalised operators) below which a start has converged. */
    public static final double GRADIENT_TOLERANCE = 1e-10;
    /** Step size below which a start stops: no step of that size increases g any more. */
    public static final double MIN_STEP = 1e-14;
    /** Largest step size. */
    public static final double MAX_STEP = 1e6;
    /** Sufficient increase of the non-monotone Armijo test, g(C_new) &gt;= ref + ARMIJO h ||W||^2. */
    public static final double ARMIJO = 1e-4;
    /** Weight of the past in the Zhang-Hager reference value (0: monotone, 1: the mean of all values). */
    public static final double NONMONOTONE = 0.85;
    /** A kept direction whose variance is below this fraction of the largest one makes the fit fail. */
    public static final double RANK_TOLERANCE = 1e-12;

    private Dsa() {
    }

    /**
     * @param delays        delay-embedding depth (number of stacked copies), &gt;= 1
     * @param delayInterval steps between stacked copies, &gt;= 1
     * @param rank          rank of the reduced DMD, &gt;= 1 (at most units * delays, checked in {@link #fit})
     * @param ridge         ridge regularisation of the DMD regression, &gt;= 0, relative to the unit energy of each
     *                      whitened coordinate
     * @param restarts      random orthogonal starts of the C optimisation besides the identity, &gt;= 0
     * @param iterations    gradient steps per start at most, &gt;= 1
     * @param learningRate  initial step size of the C optimisation, &gt; 0 (adapted, see {@link Dsa})
     * @param seed          seed of the random starts
     */
    public record Options(int delays, int delayInterval, int rank, double ridge, int restarts, int iterations,
                          double learningRate, long seed) {

        /**
         * The defaults, chosen for 64-unit flip-flop networks on a 128-trial probe of 100 steps (see
         * src/docs/decisions/dsa.md): 10 delays 1 step apart (a 640-dimensional embedding, 91 samples per trial),
         * rank 8, ridge 1e-8, the identity plus 8 random starts of at most 500 steps from step size 0.5, seed 0.
         */
        public static final Options DEFAULTS = new Options(10, 1, 8, 1e-8, 8, 500, 0.5, 0L);

        public Options {
            if (delays < 1) {
                throw new IllegalArgumentException("dsa.delays = " + delays + " is not allowed: use 1 or more");
            }
            if (delayInterval < 1) {
                throw new IllegalArgumentException("dsa.delayInterval = " + delayInterval
                        + " is not allowed: use 1 or more steps");
            }
            if (rank < 1) {
                throw new IllegalArgumentException("dsa.rank = " + rank
                        + " is not allowed: use 1 .. units * delays");
            }
            if (!(ridge >= 0) || Double.isInfinite(ridge)) {
                throw new IllegalArgumentException("dsa.ridge = " + ridge + " is not allowed: use a finite value >= 0");
            }
            if (restarts < 0) {
                throw new IllegalArgumentException("dsa.restarts = " + restarts
                        + " is not allowed: use 0 (the identity start only) or more");
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("dsa.iterations = " + iterations
                        + " is not allowed: use 1 or more");
            }
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("dsa.learningRate = " + learningRate
                        + " is not allowed: use a finite value > 0");
            }
        }

        public Options withDelays(int v) {
            return new Options(v, delayInterval, rank, ridge, restarts, iterations, learningRate, seed);
        }

        public Options withDelayInterval(int v) {
            return new Options(delays, v, rank, ridge, restarts, iterations, learningRate, seed);
        }

        public Options withRank(int v) {
            return new Options(delays, delayInterval, v, ridge, restarts, iterations, learningRate, seed);
        }

        public Options withRidge(double v) {
            return new Options(delays, delayInterval, rank, v, restarts, iterations, learningRate, seed);
        }

        public Options withRestarts(int v) {
            return new Options(delays, delayInterval, rank, ridge, v, iterations, learningRate, seed);
        }

        public Options withIterations(int v) {
            return new Options(delays, delayInterval, rank, ridge, restarts, v, learningRate, seed);
        }

        public Options withLearningRate(double v) {
            return new Options(delays, delayInterval, rank, ridge, restarts, iterations, v, seed);
        }

        public Options withSeed(long v) {
            return new Options(delays, delayInterval, rank, ridge, restarts, iterations, learningRate, v);
        }

        /** Embedded samples per trial of {@code steps} steps: steps - (delays - 1) * delayInterval. */
        public int samplesPerTrial(int steps) {
            return steps - (delays - 1) * delayInterval;
        }
    }

    /**
     * One system's DMD operator in its reduced coordinates.
     *
     * @param rank r
     * @param a    A [r, r], row-major
     */
    public record Model(int rank, double[] a) {

        public Model {
            if (rank < 1) {
                throw new IllegalArgumentException("DSA model rank = " + rank + " is not allowed: use 1 or more");
            }
            Objects.requireNonNull(a, "a");
            if (a.length != rank * rank) {
                throw new IllegalArgumentException("DSA model of rank " + rank + " needs " + rank * rank
                        + " values, got " + a.length);
            }
        }

        /**
         * The eigenvalues of A, by modulus descending (ties: imaginary part descending).
         *
         * @return {real parts, imaginary parts}, each [r]
         */
        public double[][] eigenvalues() {
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(rank, false);
            if (!eig.decompose(DMatrixRMaj.wrap(rank, rank, a.clone()))) {
                throw new IllegalStateException("eigen-decomposition of the DSA model did not converge");
            }
            Complex_F64[] v = new Complex_F64[rank];
            for (int i = 0; i < rank; i++) {
                v[i] = eig.getEigenvalue(i);
            }
            Arrays.sort(v, (p, q) -> {
                int c = Double.compare(q.getMagnitude(), p.getMagnitude());
                return c != 0 ? c : Double.compare(q.imaginary, p.imaginary);
            });
            double[][] out = new double[2][rank];
            for (int i = 0; i < rank; i++) {
                out[0][i] = v[i].real;
                out[1][i] = v[i].imaginary;
            }
            return out;
        }
    }

    /**
     * @param frobenius min over orthogonal C of ||A_x - C A_y C^T||_F
     * @param angular   arccos of the normalised inner product at that C, in [0, pi] (NaN if either A is zero)
     * @param c         the optimal C [r, r], row-major
     */
    public record Comparison(double frobenius, double angular, double[] c) {
    }

    /**
     * The DMD model of one network's states (see {@link Dsa} for the formulas). Allocates the embedding
     * (B m x H D floats), its scatter (H D x H D doubles) and the whitened coordinates (B m x r doubles).
     *
     * @param h states [trials, steps, units], not modified
     * @throws IllegalArgumentException if the embedding leaves fewer than 2 samples per trial, the rank exceeds the
     *                                  embedded dimension or the number of samples, the embedded states have fewer
     *                                  than {@code rank} directions of non-zero variance, or ridge = 0 leaves the
     *                                  regression singular
     */
    public static Model fit(HiddenStates h, Options o) {
        return fit(h, o, TopEigen.Method.AUTO);
    }

    /**
     * {@link #fit(HiddenStates, Options)} with the top r eigenpairs of the scatter computed by the given method
     * ({@link TopEigen.Method#AUTO} is the public one's: block Lanczos for large embeddings, e.g. 256 units x 10
     * delays; the others exist to check that the choice does not change the model).
     */
    static Model fit(HiddenStates h, Options o, TopEigen.Method method) {
        Objects.requireNonNull(h, "states");
        Objects.requireNonNull(o, "options");
        int units = h.units();
        int steps = h.steps();
        int trials = h.trials();
        int m = o.samplesPerTrial(steps);
        if (m < 2) {
            throw new IllegalArgumentException("dsa.delays = " + o.delays() + " with dsa.delayInterval = "
                    + o.delayInterval() + " spans " + ((long) (o.delays() - 1) * o.delayInterval() + 1)
                    + " steps, leaving " + Math.max(m, 0) + " samples per trial of " + steps
                    + " steps: use (delays - 1) * delayInterval <= " + (steps - 2));
        }
        long dl = (long) units * o.delays();
        int r = o.rank();
        long nl = (long) trials * m;
        if (r > dl) {
            throw new IllegalArgumentException("dsa.rank = " + r + " is not allowed for states of " + units
                    + " units with " + o.delays() + " delays: use 1 .. " + dl);
        }
        if (r > nl) {
            throw new IllegalArgumentException("dsa.rank = " + r + " is not allowed with " + nl
                    + " embedded samples: use 1 .. " + nl);
        }
        if (dl * nl > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the delay embedding of " + trials + " trials x " + m + " samples x "
                    + dl + " dimensions is too large: use fewer dsa.delays or fewer trials");
        }
        int d = (int) dl;
        int n = (int) nl;
        float[] e = embed(h, o.delays(), o.delayInterval(), m);
        Covariance.Scatter s = Covariance.scatter(e, d, m, trials, null, 0, m, false);
        Covariance.Eigen top = new TopEigen(d).top(s.matrix(), r, method);
        double[] lambda = top.values();
        if (!(lambda[r - 1] > RANK_TOLERANCE * lambda[0])) {
            int k = 0;
            while (k < r && lambda[k] > RANK_TOLERANCE * lambda[0]) {
                k++;
            }
            throw new IllegalArgumentException("dsa.rank = " + r + " is not allowed: the embedded states have only "
                    + k + " directions of non-zero variance; use 1 .. " + Math.max(k, 1));
        }
        double[] u = top.vectors();
        double[] inv = new double[r];
        for (int c = 0; c < r; c++) {
            inv[c] = 1 / Math.sqrt(lambda[c]);
        }
        // z [n, r]: whitened coordinates of every embedded sample
        double[] z = new double[n * r];
        for (int i = 0; i < n; i++) {
            int eo = i * d;
            for (int c = 0; c < r; c++) {
                int uo = c * d;
                double acc = 0;
                for (int k = 0; k < d; k++) {
                    acc += u[uo + k] * e[eo + k];
                }
                z[i * r + c] = acc * inv[c];
            }
        }
        // normal equations over the within-trial pairs: g0 = Z0 Z0^T + ridge I, g10 = Z1 Z0^T
        DMatrixRMaj g0 = new DMatrixRMaj(r, r);
        DMatrixRMaj g10t = new DMatrixRMaj(r, r); // (Z1 Z0^T)^T = Z0 Z1^T
        double[] p = g0.data;
        double[] q = g10t.data;
        for (int b = 0; b < trials; b++) {
            for (int t = 0; t < m - 1; t++) {
                int z0 = (b * m + t) * r;
                int z1 = z0 + r;
                for (int i = 0; i < r; i++) {
                    double zi = z[z0 + i];
                    int row = i * r;
                    for (int j = i; j < r; j++) {
                        p[row + j] += zi * z[z0 + j];
                    }
                    for (int j = 0; j < r; j++) {
                        q[row + j] += zi * z[z1 + j];
                    }
                }
            }
        }
        for (int i = 0; i < r; i++) {
            p[i * r + i] += o.ridge();
            for (int j = i + 1; j < r; j++) {
                p[j * r + i] = p[i * r + j];
            }
        }
        // A^T = g0^-1 (Z0 Z1^T), g0 symmetric
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(r);
        DMatrixRMaj at = new DMatrixRMaj(r, r);
        if (!solveChecked(solver, g0, g10t, at)) {
            throw new IllegalArgumentException("dsa.ridge = " + o.ridge() + " leaves the DMD regression singular "
                    + "(the embedded states do not span " + r + " directions at consecutive steps): use a ridge > 0");
        }
        double[] a = new double[r * r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                a[i * r + j] = at.data[j * r + i];
            }
        }
        return new Model(r, a);
    }

    /** g0 X = rhs by Cholesky, false if g0 is not numerically positive definite. g0 may be modified. */
    private static boolean solveChecked(LinearSolverDense<DMatrixRMaj> solver, DMatrixRMaj g0, DMatrixRMaj rhs,
                                        DMatrixRMaj x) {
        if (!solver.setA(g0) || !(solver.quality() > 1e-14)) {
            return false;
        }
        solver.solve(rhs, x);
        for (double v : x.data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delay embedding [trials, m, units * delays]: row (b, s) = [h_{b,t}, h_{b,t-tau}, ..., h_{b,t-(D-1)tau}]
     * with t = s + (D - 1) tau.
     */
    static float[] embed(HiddenStates h, int delays, int interval, int m) {
        int units = h.units();
        int steps = h.steps();
        int d = units * delays;
        float[] src = h.states();
        float[] e = new float[h.trials() * m * d];
        for (int b = 0; b < h.trials(); b++) {
            for (int s = 0; s < m; s++) {
                int row = (b * m + s) * d;
                int t = s + (delays - 1) * interval;
                for (int j = 0; j < delays; j++) {
                    System.arraycopy(src, (b * steps + t - j * interval) * units, e, row + j * units, units);
                }
            }
        }
        return e;
    }

    /**
     * The distance between two models of the same rank (see {@link Dsa} for the optimisation). Neither model is
     * modified. Allocates one workspace of about twenty r x r matrices per call, shared by every start; the
     * iterations allocate nothing. The score is symmetric up to the optimisation's tolerance: d(x, y) = d(y, x) with C^T in place of C.
     */
    public static Comparison compare(Model x, Model y, Options o) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(o, "options");
        if (x.rank() != y.rank()) {
            throw new IllegalArgumentException("DSA compares models of the same rank, got " + x.rank() + " and "
                    + y.rank());
        }
        int r = x.rank();
        double nx = frobenius(x.a());
        double ny = frobenius(y.a());
        if (nx == 0 || ny == 0) {
            double[] id = CommonOps_DDRM.identity(r).data;
            return new Comparison(Math.max(nx, ny), Double.NaN, id);
        }
        Ascent w = new Ascent(r, x.a(), 1 / nx, y.a(), 1 / ny);
        SplittableRandom rng = new SplittableRandom(o.seed());
        double best = Double.NEGATIVE_INFINITY;
        double[] bestC = new double[r * r];
        for (int start = 0; start <= o.restarts(); start++) {
            if (start == 0) {
                CommonOps_DDRM.setIdentity(w.c);
            } else {
                w.randomOrthogonal(rng, start % 2 == 1 ? -1 : 1);
            }
            double g = w.run(o.iterations(), o.learningRate());
            if (g > best) {
                best = g;
                System.arraycopy(w.c.data, 0, bestC, 0, r * r);
            }
        }
        // the score at the best C, on the operators as given
        DMatrixRMaj c = DMatrixRMaj.wrap(r, r, bestC);
        DMatrixRMaj ay = DMatrixRMaj.wrap(r, r, y.a());
        DMatrixRMaj cb = new DMatrixRMaj(r, r);
        DMatrixRMaj cbc = new DMatrixRMaj(r, r);
        CommonOps_DDRM.mult(c, ay, cb);
        CommonOps_DDRM.multTransB(cb, c, cbc);
        double dot = 0;
        double diff = 0;
        double[] ax = x.a();
        for (int i = 0; i < r * r; i++) {
            dot += ax[i] * cbc.data[i];
            double v = ax[i] - cbc.data[i];
            diff += v * v;
        }
        double cos = Math.max(-1, Math.min(1, dot / (nx * ny)));
        return new Comparison(Math.sqrt(diff), Math.acos(cos), bestC);
    }

    private static double frobenius(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** Workspace of one comparison: every matrix of the ascent, allocated once, reused by every start. */
    private static final class Ascent {
        final int r;
        final DMatrixRMaj a;
        final DMatrixRMaj b;
        DMatrixRMaj c;
        DMatrixRMaj cand;
        final DMatrixRMaj p;
        final DMatrixRMaj m;
        final DMatrixRMaj q;
        final DMatrixRMaj grad;
        final DMatrixRMaj k;
        final DMatrixRMaj omega;
        final DMatrixRMaj left;
        final DMatrixRMaj right;
        final DMatrixRMaj y;
        final DMatrixRMaj xi;
        final DMatrixRMaj xiPrev;
        final DMatrixRMaj best;
        final LinearSolverDense<DMatrixRMaj> lu;
        final DMatrixRMaj gauss;
        final DMatrixRMaj rr;
        final QRDecomposition<DMatrixRMaj> qr;
        final LUDecompositionAlt_DDRM det = new LUDecompositionAlt_DDRM();
        double omegaNorm;

        Ascent(int r, double[] ax, double sx, double[] ay, double sy) {
            this.r = r;
            a = new DMatrixRMaj(r, r);
            b = new DMatrixRMaj(r, r);
            for (int i = 0; i < r * r; i++) {
                a.data[i] = ax[i] * sx;
                b.data[i] = ay[i] * sy;
            }
            c = new DMatrixRMaj(r, r);
            cand = new DMatrixRMaj(r, r);
            p = new DMatrixRMaj(r, r);
            m = new DMatrixRMaj(r, r);
            q = new DMatrixRMaj(r, r);
            grad = new DMatrixRMaj(r, r);
            k = new DMatrixRMaj(r, r);
            omega = new DMatrixRMaj(r, r);
            left = new DMatrixRMaj(r, r);
            right = new DMatrixRMaj(r, r);
            y = new DMatrixRMaj(r, r);
            xi = new DMatrixRMaj(r, r);
            xiPrev = new DMatrixRMaj(r, r);
            best = new DMatrixRMaj(r, r);
            lu = LinearSolverFactory_DDRM.lu(r);
            gauss = new DMatrixRMaj(r, r);
            rr = new DMatrixRMaj(r, r);
            qr = DecompositionFactory_DDRM.qr(r, r);
        }

        /** g(C) = &lt;a, C b C^T&gt;; leaves p = C b. cc is not modified. */
        double value(DMatrixRMaj cc) {
            CommonOps_DDRM.mult(cc, b, p);
            CommonOps_DDRM.multTransB(p, cc, m);
            double g = 0;
            for (int i = 0; i < r * r; i++) {
                g += a.data[i] * m.data[i];
            }
            return g;
        }

        /** omega = skew(C^T G) at c, with p = c b from {@link #value}; sets omegaNorm. */
        void gradient() {
            CommonOps_DDRM.multTransB(c, b, q);
            CommonOps_DDRM.mult(a, q, grad);
            CommonOps_DDRM.multAddTransA(a, p, grad);
            CommonOps_DDRM.multTransA(c, grad, k);
            double s = 0;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < r; j++) {
                    double v = 0.5 * (k.data[i * r + j] - k.data[j * r + i]);
                    omega.data[i * r + j] = v;
                    s += v * v;
                }
            }
            omegaNorm = Math.sqrt(s);
        }

        /**
         * Gradient ascent from c (Cayley retraction, Barzilai-Borwein steps, non-monotone Armijo test); c ends at the
         * best point visited. Returns g(c).
         */
        double run(int iterations, double step) {
            double g = value(c);
            gradient();
            CommonOps_DDRM.mult(c, omega, xi);
            System.arraycopy(c.data, 0, best.data, 0, r * r);
            double bestG = g;
            double h = step;
            double ref = g;
            double weight = 1;
            for (int it = 0; it < iterations; it++) {
                if (omegaNorm < GRADIENT_TOLERANCE || h < MIN_STEP) {
                    break;
                }
                // y = (I - h/2 W)^-1 (I + h/2 W), cand = c y
                for (int i = 0; i < r * r; i++) {
                    double v = 0.5 * h * omega.data[i];
                    left.data[i] = -v;
                    right.data[i] = v;
                }
                for (int i = 0; i < r; i++) {
                    left.data[i * r + i] += 1;
                    right.data[i * r + i] += 1;
                }
                if (!lu.setA(left)) {
                    h *= 0.5;
                    continue;
                }
                lu.solve(right, y);
                CommonOps_DDRM.mult(c, y, cand);
                double gc = value(cand);
                if (!(gc >= ref + ARMIJO * h * omegaNorm * omegaNorm)) {
                    h *= 0.5;
                    continue;
                }
                DMatrixRMaj t = c;
                c = cand;
                cand = t; // the previous point
                g = gc;
                gradient();
                // BB step from the change of the point and of the tangent gradient xi = C W
                System.arraycopy(xi.data, 0, xiPrev.data, 0, r * r);
                CommonOps_DDRM.mult(c, omega, xi);
                double ss = 0;
                double sy = 0;
                double yy = 0;
                for (int i = 0; i < r * r; i++) {
                    double sv = c.data[i] - cand.data[i];
                    double yv = xi.data[i] - xiPrev.data[i];
                    ss += sv * sv;
                    sy += sv * yv;
                    yy += yv * yv;
                }
                sy = Math.abs(sy);
                if (sy > 0 && yy > 0) {
                    h = (it % 2 == 0) ? ss / sy : sy / yy;
                    h = Math.max(MIN_STEP, Math.min(MAX_STEP, h));
                } else {
                    h = Math.min(MAX_STEP, 2 * h);
                }
                // Zhang-Hager reference value: a weighted average of the values visited
                double w = NONMONOTONE * weight + 1;
                ref = (NONMONOTONE * weight * ref + g) / w;
                weight = w;
                if (g > bestG) {
                    bestG = g;
                    System.arraycopy(c.data, 0, best.data, 0, r * r);
                }
            }
            System.arraycopy(best.data, 0, c.data, 0, r * r);
            return bestG;
        }

        /** c = a Haar-random orthogonal matrix with determinant {@code sign}. */
        void randomOrthogonal(SplittableRandom rng, int sign) {
            for (int i = 0; i < r * r; i++) {
                double u = 1 - rng.nextDouble();
                gauss.data[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
            }
            if (!qr.decompose(gauss)) {
                throw new IllegalStateException("QR of a random matrix failed");
            }
            qr.getQ(c, false);
            qr.getR(rr, false);
            // Q diag(sign R_jj) is Haar-distributed
            for (int j = 0; j < r; j++) {
                if (rr.data[j * r + j] < 0) {
                    for (int i = 0; i < r; i++) {
                        c.data[i * r + j] = -c.data[i * r + j];
                    }
                }
            }
            System.arraycopy(c.data, 0, y.data, 0, r * r);
            if (!det.decompose(y)) {
                throw new IllegalStateException("LU of a random orthogonal matrix failed");
            }
            if (Math.signum(det.computeDeterminant().real) != sign) {
                for (int i = 0; i < r; i++) {
                    c.data[i * r] = -c.data[i * r];
                }
            }
        }
    }
}
