package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.TopEigen;
import org.attractorlab.core.task.ConditionTable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class DsaTest {
    /** ||A_x - C A_y C^T||_F at the optimum, relative to ||A||_F, for exactly conjugate operators. */
    private static final double ZERO_FROBENIUS = 1e-7;
    /** The angular distance of exactly conjugate operators (arccos near 1 amplifies rounding to ~1e-8). */
    private static final double ZERO_ANGLE = 1e-6;
    /** Agreement of a computed optimum with its closed form, and of d(x, y) with d(y, x). */
    private static final double OPTIMUM = 1e-7;
    /** Eigenvalues recovered from float32 states of a known linear system. */
    private static final double EIGENVALUE = 1e-4;
    /** The same, through a fit of orthogonally transformed float32 states: conjugate up to float rounding. */
    private static final double FIT_ZERO_ANGLE = 1e-3;

    private static final Dsa.Options EXACT = Dsa.Options.DEFAULTS.withDelays(1).withRidge(0);

    @Test
    void orthogonallyConjugatedCopyIsAtDistanceZero() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int r : new int[]{2, 5, 12}) {
            DMatrixRMaj ax = Random.gaussian(rnd, r, r);
            CommonOps_DDRM.scale(1 / Math.sqrt(r), ax);
            DMatrixRMaj q = Random.orthogonal(rnd, r);
            Dsa.Model x = new Dsa.Model(r, ax.data);
            Dsa.Model y = new Dsa.Model(r, conjugate(q, ax).data);
            Dsa.Comparison c = Dsa.compare(x, y, Dsa.Options.DEFAULTS);
            double norm = CommonOps_DDRM.elementSum(elementSquare(ax));
            assertEquals(0, c.frobenius(), ZERO_FROBENIUS * Math.sqrt(norm), "rank " + r);
            assertEquals(0, c.angular(), ZERO_ANGLE, "rank " + r);
            DMatrixRMaj cm = DMatrixRMaj.wrap(r, r, c.c());
            assertOrthogonal(cm);
            // C A_y C^T reproduces A_x
            assertTrue(Random.maxAbsDiff(conjugate(cm, y.a()), ax) < ZERO_FROBENIUS, "rank " + r);
        }
    }

    @Test
    void symmetricOperatorsMeetTheHoffmanWielandtOptimum() {
        // for symmetric A = P diag(alpha) P^T, B = R diag(beta) R^T the minimum over orthogonal C of ||A - C B C^T||
        // is || sort(alpha) - sort(beta) ||, attained by aligning the eigenvectors in order
        SplittableRandom rnd = new SplittableRandom(12);
        int r = 6;
        double[] alpha = {0.9, 0.7, 0.2, -0.1, -0.4, 0.5};
        double[] beta = {-0.8, 0.3, 0.6, 0.1, 0.95, -0.2};
        DMatrixRMaj a = symmetric(Random.orthogonal(rnd, r), alpha);
        DMatrixRMaj b = symmetric(Random.orthogonal(rnd, r), beta);
        double[] sa = alpha.clone();
        double[] sb = beta.clone();
        Arrays.sort(sa);
        Arrays.sort(sb);
        double diff = 0;
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < r; i++) {
            diff += (sa[i] - sb[i]) * (sa[i] - sb[i]);
            dot += sa[i] * sb[i];
            na += sa[i] * sa[i];
            nb += sb[i] * sb[i];
        }
        Dsa.Comparison c = Dsa.compare(new Dsa.Model(r, a.data), new Dsa.Model(r, b.data), Dsa.Options.DEFAULTS);
        assertEquals(Math.sqrt(diff), c.frobenius(), OPTIMUM);
        assertEquals(Math.acos(dot / Math.sqrt(na * nb)), c.angular(), OPTIMUM);
        assertTrue(c.angular() > 0.3, "different spectra are far apart: " + c.angular());
    }

    @Test
    void differentSpectraAreClearlyApart() {
        // a slow rotation with decay against a fast one: no orthogonal change of basis maps one onto the other
        SplittableRandom rnd = new SplittableRandom(13);
        DMatrixRMaj p = Random.orthogonal(rnd, 4);
        DMatrixRMaj ax = conjugate(p, blocks(0.95, 0.2, 0.9, 0.1));
        DMatrixRMaj ay = conjugate(Random.orthogonal(rnd, 4), blocks(0.95, 1.2, 0.6, 0.9));
        Dsa.Comparison c = Dsa.compare(new Dsa.Model(4, ax.data), new Dsa.Model(4, ay.data), Dsa.Options.DEFAULTS);
        assertTrue(c.angular() > 0.5, "angular distance " + c.angular());
        assertTrue(c.frobenius() > 0.5, "Frobenius distance " + c.frobenius());
        // and a conjugated copy of x stays at 0 in the same setting
        Dsa.Comparison same = Dsa.compare(new Dsa.Model(4, ax.data),
                new Dsa.Model(4, conjugate(Random.orthogonal(rnd, 4), ax).data), Dsa.Options.DEFAULTS);
        assertEquals(0, same.angular(), ZERO_ANGLE);
    }

    @Test
    void distanceIsSymmetric() {
        SplittableRandom rnd = new SplittableRandom(14);
        for (int r : new int[]{3, 8, 16}) {
            DMatrixRMaj ax = Random.gaussian(rnd, r, r);
            DMatrixRMaj ay = Random.gaussian(rnd, r, r);
            CommonOps_DDRM.scale(2, ay);
            Dsa.Model x = new Dsa.Model(r, ax.data);
            Dsa.Model y = new Dsa.Model(r, ay.data);
            Dsa.Comparison xy = Dsa.compare(x, y, Dsa.Options.DEFAULTS);
            Dsa.Comparison yx = Dsa.compare(y, x, Dsa.Options.DEFAULTS);
            assertEquals(xy.frobenius(), yx.frobenius(), OPTIMUM * xy.frobenius(), "rank " + r);
            assertEquals(xy.angular(), yx.angular(), OPTIMUM, "rank " + r);
            assertTrue(xy.angular() > 0.3, "random operators are apart: " + xy.angular());
        }
    }

    @Test
    void fitRecoversTheEigenvaluesOfALinearSystemWithoutPairsAcrossTrials() {
        // x_{t+1} = A x_t, A = P diag-blocks P^-1 non-normal; trials start at unrelated points, so a pair across a
        // trial boundary would break the exact fit
        SplittableRandom rnd = new SplittableRandom(15);
        DMatrixRMaj p = Random.gaussian(rnd, 4, 4);
        for (int i = 0; i < 4; i++) {
            p.add(i, i, 2);
        }
        DMatrixRMaj pinv = p.copy();
        CommonOps_DDRM.invert(pinv);
        DMatrixRMaj d = blocks(0.97, 0.3, 0.8, 0.8);
        d.set(2, 3, 0); // the second block: the real eigenvalues 0.8 and -0.5
        d.set(3, 2, 0);
        d.set(3, 3, -0.5);
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        DMatrixRMaj tmp = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(p, d, tmp);
        CommonOps_DDRM.mult(tmp, pinv, a);
        HiddenStates h = simulate(a, 30, 40, rnd);
        Dsa.Model m = Dsa.fit(h, EXACT.withRank(4));
        double[][] ev = m.eigenvalues();
        double[][] expected = new Dsa.Model(4, a.data).eigenvalues();
        assertArrayEquals(expected[0], ev[0], EIGENVALUE);
        assertArrayEquals(expected[1], ev[1], EIGENVALUE);
        double mod = Math.hypot(expected[0][0], expected[1][0]);
        assertEquals(0.97, mod, 1e-12);
    }

    @Test
    void delayEmbeddingOfAScalarSecondOrderProcessRecoversItsCharacteristicRoots() {
        // x_{t+1} = 1.2 x_t - 0.72 x_{t-1}: the embedding [x_t, x_{t-1}] evolves by the companion matrix, whose
        // eigenvalues are the roots of z^2 - 1.2 z + 0.72, 0.6 +- 0.6i
        int trials = 12;
        int steps = 30;
        SplittableRandom rnd = new SplittableRandom(16);
        float[] s = new float[trials * steps];
        for (int b = 0; b < trials; b++) {
            double x0 = Random.gaussian(rnd);
            double x1 = Random.gaussian(rnd);
            s[b * steps] = (float) x0;
            s[b * steps + 1] = (float) x1;
            for (int t = 2; t < steps; t++) {
                double x2 = 1.2 * x1 - 0.72 * x0;
                s[b * steps + t] = (float) x2;
                x0 = x1;
                x1 = x2;
            }
        }
        HiddenStates h = HiddenStates.external(trials, steps, 1, s, ConditionTable.empty(trials));
        Dsa.Options o = EXACT.withDelays(2).withRank(2);
        assertEquals(steps - 1, o.samplesPerTrial(steps));
        double[][] ev = Dsa.fit(h, o).eigenvalues();
        assertArrayEquals(new double[]{0.6, 0.6}, ev[0], EIGENVALUE);
        assertArrayEquals(new double[]{0.6, -0.6}, ev[1], EIGENVALUE);
    }

    @Test
    void fitsOfOrthogonallyTransformedStatesAreAtDistanceZero() {
        // 6 units, a delay embedding of width 18 reduced to rank 5: the fit of Q h equals that of h up to signs
        SplittableRandom rnd = new SplittableRandom(17);
        DMatrixRMaj a = conjugate(Random.orthogonal(rnd, 6), blocks3(0.98, 0.25, 0.9, 0.6, 0.7, -0.3));
        HiddenStates x = simulate(a, 16, 50, rnd);
        HiddenStates y = transform(x, Random.orthogonal(rnd, 6));
        Dsa.Options o = Dsa.Options.DEFAULTS.withDelays(3).withDelayInterval(2).withRank(5);
        Dsa.Comparison c = Dsa.compare(Dsa.fit(x, o), Dsa.fit(y, o), o);
        assertEquals(0, c.angular(), FIT_ZERO_ANGLE);
        // a different system with the same geometry of units is not at 0
        DMatrixRMaj b = conjugate(Random.orthogonal(rnd, 6), blocks3(0.98, 0.9, 0.9, 0.1, 0.7, 0.3));
        Dsa.Comparison other = Dsa.compare(Dsa.fit(x, o), Dsa.fit(simulate(b, 16, 50, rnd), o), o);
        assertTrue(other.angular() > 0.2, "different dynamics: " + other.angular());
    }

    @Test
    void rotationAndItsTimeReversalAreMirrorImagesSoDsaAndProcrustesBothSeeZero() {
        // x_{t+1} = R(theta) x_t against y_{t+1} = R(-theta) y_t started at the mirrored points F x_0: y = F x, and
        // R(-theta) = F R(theta) F. Orthogonal C includes reflections, so DSA cannot tell the direction of rotation,
        // exactly as the Procrustes shape distance cannot: the optimal C is a reflection.
        double theta = 0.4;
        SplittableRandom rnd = new SplittableRandom(18);
        int trials = 10;
        int steps = 30;
        float[] sx = new float[trials * steps * 2];
        float[] sy = new float[trials * steps * 2];
        for (int b = 0; b < trials; b++) {
            double r0 = 0.5 + rnd.nextDouble();
            double phi = 2 * Math.PI * rnd.nextDouble();
            for (int t = 0; t < steps; t++) {
                int i = (b * steps + t) * 2;
                sx[i] = (float) (r0 * Math.cos(phi + theta * t));
                sx[i + 1] = (float) (r0 * Math.sin(phi + theta * t));
                sy[i] = (float) (r0 * Math.cos(-phi - theta * t)); // F = diag(1, -1) applied to the start point
                sy[i + 1] = (float) (r0 * Math.sin(-phi - theta * t));
            }
        }
        HiddenStates x = HiddenStates.external(trials, steps, 2, sx, ConditionTable.empty(trials));
        HiddenStates y = HiddenStates.external(trials, steps, 2, sy, ConditionTable.empty(trials));
        Dsa.Options o = EXACT.withRank(2);
        Dsa.Model mx = Dsa.fit(x, o);
        Dsa.Model my = Dsa.fit(y, o);
        double[][] ex = mx.eigenvalues();
        assertEquals(Math.cos(theta), ex[0][0], EIGENVALUE);
        assertEquals(Math.sin(theta), Math.abs(ex[1][0]), EIGENVALUE);
        Dsa.Comparison c = Dsa.compare(mx, my, o);
        assertEquals(0, c.angular(), FIT_ZERO_ANGLE);
        assertEquals(0, ProcrustesDistance.compute(x, y, 0, steps).distance(), FIT_ZERO_ANGLE);
        // the operators themselves: R(theta) against R(-theta) = R(theta)^T. Every rotation C leaves R(-theta) as it
        // is (||R(theta) - R(-theta)||_F = 2 sqrt 2 sin theta); the optimum is the reflection F
        Dsa.Model plus = new Dsa.Model(2, new double[]{Math.cos(theta), -Math.sin(theta), Math.sin(theta),
                Math.cos(theta)});
        Dsa.Model minus = new Dsa.Model(2, new double[]{Math.cos(theta), Math.sin(theta), -Math.sin(theta),
                Math.cos(theta)});
        Dsa.Comparison pm = Dsa.compare(plus, minus, o);
        assertEquals(0, pm.frobenius(), ZERO_FROBENIUS);
        assertEquals(-1, CommonOps_DDRM.det(DMatrixRMaj.wrap(2, 2, pm.c())), 1e-9, "the optimal C is a reflection");
    }

    @Test
    void dsaSeparatesDynamicsThatTheStateGeometryHardlyShows() {
        // two 4-unit systems whose states agree up to a plane of 1e-4 of the variance: a large rotation by 0.2 in
        // units (0, 1) and a small one in units (2, 3), by 0.5 in x and by 1.3 in y. Procrustes sees ~0; DSA's
        // whitened coordinates weigh the small plane like the large one and see the different rotation speeds.
        int trials = 20;
        int steps = 40;
        double eps = 0.01;
        SplittableRandom rnd = new SplittableRandom(19);
        float[] sx = new float[trials * steps * 4];
        float[] sy = new float[trials * steps * 4];
        for (int b = 0; b < trials; b++) {
            double phi = 2 * Math.PI * rnd.nextDouble();
            double psi = 2 * Math.PI * rnd.nextDouble();
            for (int t = 0; t < steps; t++) {
                int i = (b * steps + t) * 4;
                sx[i] = sy[i] = (float) Math.cos(phi + 0.2 * t);
                sx[i + 1] = sy[i + 1] = (float) Math.sin(phi + 0.2 * t);
                sx[i + 2] = (float) (eps * Math.cos(psi + 0.5 * t));
                sx[i + 3] = (float) (eps * Math.sin(psi + 0.5 * t));
                sy[i + 2] = (float) (eps * Math.cos(psi + 1.3 * t));
                sy[i + 3] = (float) (eps * Math.sin(psi + 1.3 * t));
            }
        }
        HiddenStates x = HiddenStates.external(trials, steps, 4, sx, ConditionTable.empty(trials));
        HiddenStates y = HiddenStates.external(trials, steps, 4, sy, ConditionTable.empty(trials));
        assertTrue(ProcrustesDistance.compute(x, y, 0, steps).distance() < 0.02, "the geometry is nearly the same");
        Dsa.Options o = EXACT.withRank(4);
        Dsa.Comparison c = Dsa.compare(Dsa.fit(x, o), Dsa.fit(y, o), o);
        // with both planes isotropic, A_x ~ diag(R(0.2), R(0.5)), A_y ~ diag(R(0.2), R(1.3)):
        // cos = (2 + 2 cos 0.8) / 4
        assertEquals(Math.acos((2 + 2 * Math.cos(0.8)) / 4), c.angular(), 0.05);
    }

    @Test
    void fitIsTheSameWhetherTheScatterEigenpairsComeFromBlockLanczosOrTheDenseMethod() {
        // 64 units x 10 delays = a 640-dimensional embedding, where the default picks block Lanczos for the top 8:
        // four damped rotations on random orthonormal unit directions of different scales, plus a little noise
        SplittableRandom rnd = new SplittableRandom(21);
        int units = 64;
        int trials = 40;
        int steps = 60;
        DMatrixRMaj dyn = new DMatrixRMaj(8, 8);
        setRotation(dyn, 0, 0.99, 0.15);
        setRotation(dyn, 2, 0.97, 0.4);
        setRotation(dyn, 4, 0.95, 0.9);
        setRotation(dyn, 6, 0.9, 1.7);
        DMatrixRMaj map = Random.orthonormal(rnd, units, 8);
        double[] scale = {4, 3.5, 2.5, 2.2, 1.6, 1.4, 1, 0.8};
        float[] s = new float[trials * steps * units];
        double[] x = new double[8];
        double[] nx = new double[8];
        for (int b = 0; b < trials; b++) {
            for (int i = 0; i < 8; i++) {
                x[i] = Random.gaussian(rnd);
            }
            for (int t = 0; t < steps; t++) {
                for (int u = 0; u < units; u++) {
                    double v = 1e-3 * Random.gaussian(rnd);
                    for (int i = 0; i < 8; i++) {
                        v += map.get(u, i) * scale[i] * x[i];
                    }
                    s[(b * steps + t) * units + u] = (float) v;
                }
                for (int i = 0; i < 8; i++) {
                    double v = 0;
                    for (int j = 0; j < 8; j++) {
                        v += dyn.get(i, j) * x[j];
                    }
                    nx[i] = v;
                }
                System.arraycopy(nx, 0, x, 0, 8);
            }
        }
        HiddenStates h = HiddenStates.external(trials, steps, units, s, ConditionTable.empty(trials));
        Dsa.Options o = Dsa.Options.DEFAULTS;
        assertEquals(640, units * o.delays());
        Dsa.Model dense = Dsa.fit(h, o, TopEigen.Method.DENSE);
        Dsa.Model krylov = Dsa.fit(h, o, TopEigen.Method.KRYLOV);
        assertArrayEquals(dense.a(), krylov.a(), 1e-8, "A from either solver");
        assertArrayEquals(krylov.a(), Dsa.fit(h, o).a(), 0, "the default uses block Lanczos here");
        // and the model is the latent dynamics: its eigenvalues are those of the rotations
        double[][] expected = new Dsa.Model(8, dyn.data).eigenvalues();
        double[][] ev = krylov.eigenvalues();
        assertArrayEquals(expected[0], ev[0], 1e-3);
        assertArrayEquals(expected[1], ev[1], 1e-3);
    }

    @Test
    void optionsNameTheBadValue() {
        Dsa.Options d = Dsa.Options.DEFAULTS;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withDelays(0)).getMessage()
                .contains("dsa.delays = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withDelayInterval(-1)).getMessage()
                .contains("dsa.delayInterval = -1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withRank(0)).getMessage()
                .contains("dsa.rank = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withRidge(Double.NaN)).getMessage()
                .contains("dsa.ridge = NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withRestarts(-2)).getMessage()
                .contains("dsa.restarts = -2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withIterations(0)).getMessage()
                .contains("dsa.iterations = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withLearningRate(0)).getMessage()
                .contains("dsa.learningRate = 0.0"));
        HiddenStates h = HiddenStates.external(2, 5, 3, new float[30], ConditionTable.empty(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dsa.fit(h, d.withDelays(5)))
                .getMessage().contains("dsa.delays = 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Dsa.fit(h, d.withDelays(2).withRank(7)))
                .getMessage().contains("dsa.rank = 7"));
        assertThrows(IllegalArgumentException.class, () -> Dsa.compare(new Dsa.Model(2, new double[4]),
                new Dsa.Model(3, new double[9]), d));
    }

    // ---- helpers

    private static DMatrixRMaj conjugate(DMatrixRMaj q, DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numRows, a.numCols);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(q, a, t);
        CommonOps_DDRM.multTransB(t, q, out);
        return out;
    }

    private static DMatrixRMaj conjugate(DMatrixRMaj q, double[] a) {
        return conjugate(q, DMatrixRMaj.wrap(q.numRows, q.numRows, a));
    }

    private static DMatrixRMaj elementSquare(DMatrixRMaj a) {
        DMatrixRMaj s = a.copy();
        CommonOps_DDRM.elementMult(s, a);
        return s;
    }

    private static DMatrixRMaj symmetric(DMatrixRMaj p, double[] values) {
        DMatrixRMaj d = CommonOps_DDRM.diag(values);
        return conjugate(p, d);
    }

    /** blockdiag(rho1 R(theta1), rho2 R(theta2)). */
    private static DMatrixRMaj blocks(double rho1, double theta1, double rho2, double theta2) {
        DMatrixRMaj a = new DMatrixRMaj(4, 4);
        setRotation(a, 0, rho1, theta1);
        setRotation(a, 2, rho2, theta2);
        return a;
    }

    private static DMatrixRMaj blocks3(double rho1, double theta1, double rho2, double theta2, double rho3,
                                       double theta3) {
        DMatrixRMaj a = new DMatrixRMaj(6, 6);
        setRotation(a, 0, rho1, theta1);
        setRotation(a, 2, rho2, theta2);
        setRotation(a, 4, rho3, theta3);
        return a;
    }

    private static void setRotation(DMatrixRMaj a, int o, double rho, double theta) {
        a.set(o, o, rho * Math.cos(theta));
        a.set(o, o + 1, -rho * Math.sin(theta));
        a.set(o + 1, o, rho * Math.sin(theta));
        a.set(o + 1, o + 1, rho * Math.cos(theta));
    }

    /** States of x_{t+1} = A x_t from Gaussian starts, [trials, steps, n] in float. */
    private static HiddenStates simulate(DMatrixRMaj a, int trials, int steps, SplittableRandom rnd) {
        int n = a.numRows;
        float[] s = new float[trials * steps * n];
        double[] x = new double[n];
        double[] nx = new double[n];
        for (int b = 0; b < trials; b++) {
            for (int i = 0; i < n; i++) {
                x[i] = Random.gaussian(rnd);
            }
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < n; i++) {
                    s[(b * steps + t) * n + i] = (float) x[i];
                }
                for (int i = 0; i < n; i++) {
                    double v = 0;
                    for (int j = 0; j < n; j++) {
                        v += a.get(i, j) * x[j];
                    }
                    nx[i] = v;
                }
                System.arraycopy(nx, 0, x, 0, n);
            }
        }
        return HiddenStates.external(trials, steps, n, s, ConditionTable.empty(trials));
    }

    /** States Q h of every sample. */
    private static HiddenStates transform(HiddenStates h, DMatrixRMaj q) {
        int n = h.units();
        float[] s = new float[h.states().length];
        for (int row = 0; row < h.trials() * h.steps(); row++) {
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    v += q.get(i, j) * h.states()[row * n + j];
                }
                s[row * n + i] = (float) v;
            }
        }
        return HiddenStates.external(h.trials(), h.steps(), n, s, ConditionTable.empty(h.trials()));
    }

    private static void assertOrthogonal(DMatrixRMaj c) {
        DMatrixRMaj ctc = new DMatrixRMaj(c.numCols, c.numCols);
        CommonOps_DDRM.multTransA(c, c, ctc);
        assertTrue(Random.maxAbsDiff(ctc, CommonOps_DDRM.identity(c.numCols)) < 1e-12, "C^T C = I");
    }
}
