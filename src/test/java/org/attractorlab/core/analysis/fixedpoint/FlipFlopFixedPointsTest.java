package org.attractorlab.core.analysis.fixedpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.Probe;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classic result (science.md section 4): a trained 3-bit flip-flop has 8 stable points at cube corners. */
class FlipFlopFixedPointsTest {
    /** Least-squares misfit of the 8 projected points to a parallelepiped, relative to their spread. */
    private static final double CUBE_MISFIT = 0.25;
    /** Smallest / largest singular value of the three fitted cube edges: the cube is not flat. */
    private static final double CUBE_ASPECT = 0.2;

    private static Network network;
    private static HiddenStates states;
    private static FixedPointResult result;

    @BeforeAll
    static void trainAndSearch() {
        Experiment e = Experiment.create(ConfigLoader.standard().load(Path.of("samples/flipflop-3bit.json"),
                List.of("training.steps=600")));
        e.trainer().train(s -> { }, null, () -> false);
        network = e.network();
        states = Probe.states(network, e.task().sample(64, new SplittableRandom(2013)));
        result = FixedPointFinder.find(network, FixedPointOptions.DEFAULTS.withSeed(1).withInitialStates(512), states);
    }

    /** y = W_out h + b_out. */
    private static double[] readout(float[] h) {
        Network.Prepared p = network.prepare();
        int o = network.outputSize();
        int n = network.hiddenSize();
        double[] y = new double[o];
        for (int k = 0; k < o; k++) {
            y[k] = p.readoutB()[k];
            for (int i = 0; i < n; i++) {
                y[k] += (double) p.readoutW()[k * n + i] * h[i];
            }
        }
        return y;
    }

    @Test
    void fixedPointsOfFlipFlopAreEightStableCornersWithDistinctReadoutSigns() {
        assertEquals(8, result.stableFixedPointCount(), "stable fixed points");
        Set<String> patterns = new HashSet<>();
        for (int i : result.stableFixedPoints()) {
            double[] y = readout(result.points()[i]);
            StringBuilder sb = new StringBuilder();
            for (double v : y) {
                assertTrue(Math.abs(v) > 0.5, "readout " + Arrays.toString(y) + " at a stable point is not near +-1");
                sb.append(v > 0 ? '+' : '-');
            }
            patterns.add(sb.toString());
        }
        assertEquals(8, patterns.size(), "sign patterns " + patterns);
    }

    @Test
    void unstableFixedPointsAreSaddlesWithOneToThreeUnstableDirections() {
        int saddles = 0;
        for (int i = 0; i < result.count(); i++) {
            if (!result.slow()[i] && !result.stable()[i]) {
                saddles++;
                int d = result.unstableDimension(i);
                assertTrue(d >= 1 && d <= 3, "unstable dimension " + d);
                int modes = result.unstableModes().get(i).size();
                assertTrue(modes >= (d + 1) / 2 && modes <= d, modes + " modes for " + d + " unstable directions");
                assertTrue(Networks.maxStepResidual(network, result.points()[i], new float[3]) < 1.5e-6);
            }
        }
        assertTrue(saddles >= 1, "no saddle found");
    }

    @Test
    void stablePointsProjectOntoTheCornersOfACubeInTheTopThreePrincipalComponents() {
        DMatrixRMaj x = states.stacked();
        int n = x.numRows;
        int h = x.numCols;
        double[] mean = new double[h];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < h; c++) {
                mean[c] += x.data[r * h + c] / n;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < h; c++) {
                x.data[r * h + c] -= mean[c];
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, h, false, true, true);
        assertTrue(svd.decompose(x));
        DMatrixRMaj vt = svd.getV(null, true);
        DMatrixRMaj w = new DMatrixRMaj(1, svd.numberOfSingularValues());
        System.arraycopy(svd.getSingularValues(), 0, w.data, 0, w.numCols);
        SingularOps_DDRM.descendingOrder(null, false, w, vt, true);

        int[] stable = result.stableFixedPoints();
        assertEquals(8, stable.length);
        DMatrixRMaj proj = new DMatrixRMaj(8, 3);
        DMatrixRMaj design = new DMatrixRMaj(8, 4);
        for (int a = 0; a < 8; a++) {
            float[] p = result.points()[stable[a]];
            for (int k = 0; k < 3; k++) {
                double v = 0;
                for (int c = 0; c < h; c++) {
                    v += vt.get(k, c) * (p[c] - mean[c]);
                }
                proj.set(a, k, v);
            }
            double[] y = readout(p);
            design.set(a, 0, 1);
            for (int b = 0; b < 3; b++) {
                design.set(a, 1 + b, Math.signum(y[b]));
            }
        }
        // corners c(s) = c0 + sum_b s_b e_b: least squares for [c0; e_1; e_2; e_3]
        DMatrixRMaj coef = new DMatrixRMaj(4, 3);
        assertTrue(CommonOps_DDRM.solve(design, proj, coef));
        DMatrixRMaj fit = new DMatrixRMaj(8, 3);
        CommonOps_DDRM.mult(design, coef, fit);
        double misfit = 0;
        double spread = 0;
        double[] centre = new double[3];
        for (int a = 0; a < 8; a++) {
            for (int k = 0; k < 3; k++) {
                centre[k] += proj.get(a, k) / 8;
            }
        }
        for (int a = 0; a < 8; a++) {
            for (int k = 0; k < 3; k++) {
                misfit += Math.pow(proj.get(a, k) - fit.get(a, k), 2);
                spread += Math.pow(proj.get(a, k) - centre[k], 2);
            }
        }
        double relative = Math.sqrt(misfit / spread);
        DMatrixRMaj edges = CommonOps_DDRM.extract(coef, 1, 4, 0, 3);
        double[] sv = SingularOps_DDRM.singularValues(edges);
        Arrays.sort(sv);
        assertTrue(relative < CUBE_MISFIT, "projected stable points are not a cube: misfit " + relative);
        assertTrue(sv[0] / sv[2] > CUBE_ASPECT, "cube is flat: edge singular values " + Arrays.toString(sv));
    }
}
