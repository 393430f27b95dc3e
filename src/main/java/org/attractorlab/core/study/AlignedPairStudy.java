package org.attractorlab.core.study;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.Pca;
import org.attractorlab.core.analysis.pca.PcaOptions;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.analysis.similarity.OrthogonalProcrustes;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.TrialBatch;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Two networks' trajectories side by side in one PCA basis: the probe states of both (one batch, drawn from the
 * first network's config and seed as {@link Probe} draws it), PCA fitted on A's states, B's states carried into
 * A's space by orthogonal Procrustes, both projected onto A's leading components. With n = trials x steps rows,
 * p_A and p_B units and k = min(p_A, p_B):
 * <pre>
 *   Z_A = (X_A - 1 mu_A^T) V_A        [n, k]   V_A: A's top k principal axes
 *   Z_B = (X_B - 1 mu_B^T) V_B        [n, k]   V_B: B's top k principal axes
 *   R   = argmin over orthogonal R of ||Z_B R - Z_A||_F                (Schoenemann; {@link OrthogonalProcrustes})
 *   s   = ||Z_A||_F / ||Z_B||_F                                          (B brought to A's overall spread)
 *   shown: A's scores Z_A[:, :c], B's aligned scores s (Z_B R)[:, :c], c = min(components, k)
 *   residual = ||s Z_B R - Z_A||_F / ||Z_A||_F = sqrt(2 - 2 ||Z_A^T Z_B||_* / (||Z_A||_F ||Z_B||_F))
 * </pre>
 * The alignment is made in the top-k PC space of each network, k the smaller hidden size: for networks of one size
 * that space is the whole state space (k = p), so R is then the orthogonal Procrustes map of the centred states
 * themselves (expressed in the two PC bases); for different sizes it keeps all of the smaller network's variance
 * and the k directions of the larger one that carry the most. The residual is the Procrustes shape distance of the
 * two aligned score sets, in [0, sqrt 2]: for networks of one size it is the {@code representation_procrustes}
 * distance of the degeneracy study (to float rounding); 0 means B's trajectories are a rotation (or reflection) and
 * rescaling of A's, about sqrt 2 that they are unrelated.
 */
public final class AlignedPairStudy {
    /** Components shown by default: the three of a 3D view. */
    public static final int COMPONENTS = 3;

    private AlignedPairStudy() {
    }

    /**
     * @param trials     probe trials, &gt;= 1
     * @param components principal components shown, 1 to 3
     */
    public record Settings(int trials, int components) {
        public Settings {
            if (trials < 1) {
                throw StudyException.notAllowed("aligned_pair.trials", trials, "use at least 1 probe trial");
            }
            if (components < 1 || components > COMPONENTS) {
                throw StudyException.notAllowed("aligned_pair.components", components, "use 1 to " + COMPONENTS);
            }
        }

        public Settings withTrials(int t) {
            return new Settings(t, components);
        }

        public Settings withComponents(int c) {
            return new Settings(trials, c);
        }
    }

    /**
     * @param settings          the settings
     * @param nameA             the first network, whose PCA basis is shared
     * @param nameB             the second network, aligned to the first
     * @param trials            probe trials
     * @param steps             steps per trial
     * @param components        c, the components of the projections (min(components asked, k))
     * @param alignedDimensions k, the dimensions of the PC spaces aligned
     * @param a                 [trials, steps, c] A's scores on its PCs; not copied, not to be modified
     * @param b                 [trials, steps, c] B's aligned scores on A's PCs, scaled to A's overall spread; not
     *                          copied, not to be modified
     * @param varianceRatioA    [c] the fraction of A's variance (over its k PCs) along each shown PC
     * @param varianceRatioB    [c] the fraction of B's variance (over its k PCs) along each shown PC after alignment
     * @param residual          ||s Z_B R - Z_A||_F / ||Z_A||_F in [0, sqrt 2], 0 when B is a rotated copy of A
     * @param conditions        the probe trials' conditions (one batch for both)
     * @param summary           one line: the two names, k and the residual
     */
    public record Result(Settings settings, String nameA, String nameB, int trials, int steps, int components,
                         int alignedDimensions, float[] a, float[] b, double[] varianceRatioA,
                         double[] varianceRatioB, double residual, ConditionTable conditions, String summary) {
    }

    /** {@link Probe#TRIALS} trials, {@value #COMPONENTS} components. */
    public static Settings defaultsFor(DegeneracyStudy.Member a, DegeneracyStudy.Member b) {
        return new Settings(Probe.TRIALS, COMPONENTS);
    }

    /**
     * Runs both networks on A's probe batch and aligns them.
     *
     * @throws StudyException for networks of different tasks, inputs or outputs, and states that are not finite
     */
    public static Result run(DegeneracyStudy.Member a, DegeneracyStudy.Member b, Settings s) {
        Objects.requireNonNull(s, "settings");
        DegeneracyStudy.check(List.of(a, b));
        TrialBatch probe = Probe.batch(a.run().experiment(), s.trials());
        HiddenStates ha = Probe.states(a.network(), probe);
        DegeneracyStudy.checkFinite(a, ha, "probe batch");
        HiddenStates hb = Probe.states(b.network(), probe);
        DegeneracyStudy.checkFinite(b, hb, "probe batch");
        return run(a.name(), ha, b.name(), hb, s);
    }

    /**
     * Aligns the states of B to those of A.
     *
     * @param a not modified
     * @param b the same trials and steps as {@code a}, any units; not modified
     * @throws StudyException if the states cover different trials or steps, or either is constant
     */
    public static Result run(String nameA, HiddenStates a, String nameB, HiddenStates b, Settings s) {
        if (a.trials() != b.trials() || a.steps() != b.steps()) {
            throw new StudyException("the states of " + nameA + " and " + nameB + " cover different trials: "
                    + a.trials() + " x " + a.steps() + " and " + b.trials() + " x " + b.steps() + " (trials x steps); "
                    + "align states of one probe batch");
        }
        int k = Math.min(a.units(), b.units());
        int c = Math.min(s.components(), k);
        int n = a.trials() * a.steps();
        DMatrixRMaj za = scores(a, k, nameA);
        DMatrixRMaj zb = scores(b, k, nameB);
        DMatrixRMaj r = OrthogonalProcrustes.solve(zb, za);
        DMatrixRMaj zbr = new DMatrixRMaj(n, k);
        CommonOps_DDRM.mult(zb, r, zbr);
        double[] ssA = new double[k];
        double[] ssB = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double x = za.data[i * k + j];
                double y = zbr.data[i * k + j];
                ssA[j] += x * x;
                ssB[j] += y * y;
            }
        }
        double normA = sum(ssA);
        double normB = sum(ssB);
        double scale = Math.sqrt(normA / normB);
        double diff = 0;
        for (int i = 0; i < n * k; i++) {
            double e = scale * zbr.data[i] - za.data[i];
            diff += e * e;
        }
        double residual = Math.sqrt(diff / normA);
        float[] pa = new float[n * c];
        float[] pb = new float[n * c];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                pa[i * c + j] = (float) za.data[i * k + j];
                pb[i * c + j] = (float) (scale * zbr.data[i * k + j]);
            }
        }
        double[] ratioA = new double[c];
        double[] ratioB = new double[c];
        for (int j = 0; j < c; j++) {
            ratioA[j] = ssA[j] / normA;
            ratioB[j] = ssB[j] / normB;
        }
        String summary = String.format(Locale.ROOT, "%s aligned to %s in %d PC dimensions: residual %.4f; "
                + "PC1-%d explain %.0f%% of %s, %.0f%% of %s", nameB, nameA, k, residual, c, 100 * sum(ratioA),
                nameA, 100 * sum(ratioB), nameB);
        return new Result(s, nameA, nameB, a.trials(), a.steps(), c, k, pa, pb, ratioA, ratioB, residual,
                a.conditions(), summary);
    }

    /** The centred states' scores on their top k principal axes, [n, k] in double. */
    private static DMatrixRMaj scores(HiddenStates h, int k, String name) {
        PcaResult pca = Pca.compute(h, PcaOptions.of(k));
        if (!(pca.totalVariance() > 0)) {
            throw new StudyException("the states of " + name + " are constant on the probe batch: they have no "
                    + "trajectories to align");
        }
        float[] z = pca.project(h);
        DMatrixRMaj m = new DMatrixRMaj(h.trials() * h.steps(), k);
        for (int i = 0; i < z.length; i++) {
            m.data[i] = z[i];
        }
        return m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
