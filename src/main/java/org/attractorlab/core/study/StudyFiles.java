package org.attractorlab.core.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.analysis.rsa.Rdm;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.task.ConditionTable;

/**
 * The files of the studies' results, as {@code analyze} writes them: CSV for tables, NumPy for arrays, each file
 * written atomically. Every method returns the files it wrote.
 */
public final class StudyFiles {
    private StudyFiles() {
    }

    /** pca_explained_variance.csv, pca_components.npy [k, H], pca_mean.npy [H], pca_projections.npy [B, T, k]. */
    public static List<Path> pca(Path dir, HiddenStates h, PcaStudy.Result result) throws IOException {
        PcaResult p = result.pca();
        double[] ratio = p.explainedVarianceRatio();
        double[] var = p.explainedVariance();
        double[] cum = p.cumulativeExplainedVarianceRatio();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < p.k(); i++) {
            rows.add(List.of(i + 1, var[i], ratio[i], cum[i]));
        }
        List<Path> out = new ArrayList<>();
        out.add(csv(dir, "pca_explained_variance.csv", List.of("component", "explained_variance",
                "explained_variance_ratio", "cumulative_ratio"), rows));
        out.add(npy(dir, "pca_components.npy", NdArray.of(new int[]{p.k(), h.units()}, p.components())));
        out.add(npy(dir, "pca_mean.npy", NdArray.of(new int[]{h.units()}, p.mean())));
        out.add(npy(dir, "pca_projections.npy", NdArray.of(new int[]{h.trials(), h.steps(), p.k()},
                result.projections())));
        return out;
    }

    /** rdm.npy [C, C], rdm_labels.csv, and rsa_comparison.csv when there is a model RDM. */
    public static List<Path> rsa(Path dir, RsaStudy.Result result) throws IOException {
        Rdm rdm = result.rsa().data();
        double[][] m = rdm.matrix();
        double[] flat = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * m.length, m.length);
        }
        List<Path> out = new ArrayList<>();
        out.add(npy(dir, "rdm.npy", NdArray.of(new int[]{m.length, m.length}, flat)));
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < rdm.labels().size(); i++) {
            rows.add(List.of(i, rdm.labels().get(i)));
        }
        out.add(csv(dir, "rdm_labels.csv", List.of("index", "condition"), rows));
        if (result.rsa().model() != null) {
            out.add(csv(dir, "rsa_comparison.csv", List.of("model_column", "comparison", "score"),
                    List.of(List.of(result.options().modelColumn(), result.options().comparison().key(),
                            result.rsa().score()))));
        }
        return out;
    }

    /** subspace_angles.csv: one row per ordered pair of groups, angles in degrees. */
    public static List<Path> angles(Path dir, ConditionTable table, AnglesStudy.Result result) throws IOException {
        SubspaceAngleResult a = result.angles();
        List<List<?>> rows = new ArrayList<>();
        int n = a.groupCount();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] spectrum = a.angles(i, j);
                StringBuilder sb = new StringBuilder();
                for (int s = 0; s < spectrum.length; s++) {
                    sb.append(s == 0 ? "" : " ").append(Csv.number(Math.toDegrees(spectrum[s])));
                }
                rows.add(List.of(result.labels().get(i), result.labels().get(j), Math.toDegrees(a.meanAngle()[i][j]),
                        Math.toDegrees(a.firstAngle()[i][j]), sb.toString()));
            }
        }
        return List.of(csv(dir, "subspace_angles.csv", List.of("task_a", "task_b", "mean_angle_deg",
                "first_angle_deg", "angles_deg"), rows));
    }

    /**
     * fixed_points.npy [n, H], fixed_points.csv (one row per point; its last column {@code unit_eigenvalues} is the
     * point's count of eigenvalues within the attractor summary's tolerance of 1), fixed_point_eigenvalues.csv, and
     * attractor_summary.csv (one row: the input u*, the points, the tolerance and the median count of unit
     * eigenvalues, the variance share and the manifold dimension, the points' PCA variance ratios).
     */
    public static List<Path> fixedPoints(Path dir, FixedPointStudy.Result result) throws IOException {
        FixedPointResult r = result.points();
        int n = r.count();
        int s = r.stateSize();
        float[] coords = new float[n * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(r.points()[i], 0, coords, i * s, s);
        }
        List<Path> out = new ArrayList<>();
        out.add(npy(dir, "fixed_points.npy", NdArray.of(new int[]{n, s}, coords)));
        boolean rate = r.timeConstantsMillis() != null;
        List<List<?>> rows = new ArrayList<>();
        List<List<?>> eig = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double slowest = Double.NaN;
            if (rate) {
                slowest = 0;
                for (double tau : r.timeConstantsMillis()[i]) {
                    slowest = Math.max(slowest, tau);
                }
            }
            rows.add(List.of(i, r.q()[i], r.stable()[i] ? 1 : 0, r.slow()[i] ? 1 : 0, r.maxAbsEigenvalue()[i],
                    r.unstableDimension(i), slowest, i, result.attractor().unitEigenvalues()[i]));
            for (int k = 0; k < r.eigenReal()[i].length; k++) {
                eig.add(List.of(i, r.eigenReal()[i][k], r.eigenImag()[i][k]));
            }
        }
        out.add(csv(dir, "fixed_points.csv", List.of("point", "q", "stable", "slow", "max_abs_eigenvalue",
                "unstable_dimension", "slowest_time_constant_ms", "row_in_fixed_points_npy", "unit_eigenvalues"), rows));
        out.add(csv(dir, "fixed_point_eigenvalues.csv", List.of("point", "real", "imag"), eig));
        AttractorSummary a = result.attractor();
        StringBuilder ratios = new StringBuilder();
        for (int k = 0; k < Math.min(a.varianceRatio().length, 16); k++) {
            ratios.append(k == 0 ? "" : " ").append(Csv.number(a.varianceRatio()[k]));
        }
        StringBuilder input = new StringBuilder();
        float[] u = r.input();
        for (int k = 0; k < u.length; k++) {
            input.append(k == 0 ? "" : " ").append(Csv.number(u[k]));
        }
        out.add(csv(dir, "attractor_summary.csv", List.of("points", "fixed_points", "slow_points", "unit_tolerance",
                "median_unit_eigenvalues", "variance_share", "manifold_dimension", "variance_ratios", "input"),
                List.of(List.of(n, r.fixedPointCount(), n - r.fixedPointCount(), a.tolerance(),
                        a.medianUnitEigenvalues(), a.varianceShare(), a.manifoldDimension(), ratios.toString(),
                        input.toString()))));
        return out;
    }

    /** decoding.csv: one row per (target, train step, test step). */
    public static List<Path> decoding(Path dir, List<DecodingStudy.Result> results) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (DecodingStudy.Result d : results) {
            CrossTemporalResult r = d.decoding();
            int[] steps = r.steps();
            for (int i = 0; i < steps.length; i++) {
                for (int j = 0; j < steps.length; j++) {
                    rows.add(List.of(d.options().targetColumn(), d.options().type().key(), r.metric(), steps[i],
                            steps[j], r.score(i, j)));
                }
            }
        }
        return List.of(csv(dir, "decoding.csv", List.of("target", "decoder", "metric", "train_step", "test_step",
                "score"), rows));
    }

    /** orthogonalisation.csv: one row per column; nothing when the list is empty. */
    public static List<Path> orthogonalisation(Path dir, List<OrthogonalisationStudy.Result> results)
            throws IOException {
        if (results.isEmpty()) {
            return List.of();
        }
        List<List<?>> rows = new ArrayList<>();
        for (OrthogonalisationStudy.Result r : results) {
            rows.add(List.of(r.column(), r.step(), r.index().index()));
        }
        return List.of(csv(dir, "orthogonalisation.csv", List.of("column", "step", "orthogonalisation_index"), rows));
    }

    /**
     * decoding_cross_task.csv (train_task, test_task, feature, accuracy, chance: one row per feature and ordered
     * pair of tasks) and decoding_relevance.csv (task, feature, relevant, accuracy, chance: the within-task rows).
     */
    public static List<Path> crossTask(Path dir, CrossTaskStudy.Result result) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (CrossTaskStudy.FeatureMatrix m : result.matrices()) {
            for (int a = 0; a < result.tasks().size(); a++) {
                for (int b = 0; b < result.tasks().size(); b++) {
                    rows.add(List.of(result.tasks().get(a), result.tasks().get(b), m.feature(), m.accuracy(a, b),
                            m.chance()));
                }
            }
        }
        List<List<?>> relevance = new ArrayList<>();
        for (CrossTaskStudy.Relevance r : result.relevance()) {
            relevance.add(List.of(r.task(), r.feature(), r.relevant() ? 1 : 0, r.accuracy(), r.chance()));
        }
        return List.of(csv(dir, "decoding_cross_task.csv", List.of("train_task", "test_task", "feature", "accuracy",
                        "chance"), rows),
                csv(dir, "decoding_relevance.csv", List.of("task", "feature", "relevant", "accuracy", "chance"),
                        relevance));
    }

    /** orthogonalisation_perceptual.csv: one row per feature, perceptual and encoding index side by side. */
    public static List<Path> orthogonalisationComparison(Path dir, List<OrthogonalisationStudy.Comparison> results)
            throws IOException {
        if (results.isEmpty()) {
            return List.of();
        }
        List<List<?>> rows = new ArrayList<>();
        for (OrthogonalisationStudy.Comparison c : results) {
            rows.add(List.of(c.feature(), c.step(), c.position(), c.perceptual().index(), c.encoding().index(),
                    c.perceptual().features(), c.encoding().features()));
        }
        return List.of(csv(dir, "orthogonalisation_perceptual.csv", List.of("feature", "step", "position",
                "perceptual_index", "encoding_index", "perceptual_dims", "encoding_dims"), rows));
    }

    /** procrustes.csv: one row per item and time pair, with the swap test's accuracies. */
    public static List<Path> procrustes(Path dir, ProcrustesStudy.Result result) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (ProcrustesStudy.Pair p : result.pairs()) {
            rows.add(List.of(result.settings().feature(), p.item(), p.from(), p.lag(), p.fromStep(), p.toStep(),
                    p.residual(), p.accuracyAtFrom(), p.none(), p.own(), p.stimulusSwap(), p.timeSwap(),
                    result.chance()));
        }
        return List.of(csv(dir, "procrustes.csv", List.of("feature", "item", "from_position", "lag", "from_step",
                "to_step", "relative_residual", "accuracy_at_from", "accuracy_no_rotation", "accuracy_own_rotation",
                "accuracy_stimulus_swap", "accuracy_time_swap", "chance"), rows));
    }

    /**
     * decoding_ood.csv: one row per (held-out orthant, latent): its code sum_d 2^d [x_d &lt; 0], the latent, the OOD
     * and in-distribution r^2, and the orthant's signs from x0 on, e.g. "-+-" for x0 &lt; 0, x1 &gt; 0, x2 &lt; 0.
     */
    public static List<Path> ood(Path dir, OodStudy.Result result) throws IOException {
        OodQuadrantResult ood = result.ood();
        List<List<?>> rows = new ArrayList<>();
        double[] q = ood.quadrants();
        for (int i = 0; i < q.length; i++) {
            for (int d = 0; d < ood.latentColumns().size(); d++) {
                rows.add(List.of((int) q[i], ood.latentColumns().get(d), ood.ood(i, d), ood.inDistribution(i, d),
                        result.quadrantLabels().get(i).replaceAll("[(),]", "")));
            }
        }
        return List.of(csv(dir, "decoding_ood.csv", List.of("held_out_quadrant", "latent", "ood_r2",
                "in_distribution_r2", "held_out_signs"), rows));
    }

    /**
     * The degeneracy study's files: per distance matrix {@code distances_<measure>.npy} (N x N float64, rows and
     * columns in the networks' order) and {@code mds_<measure>.csv} (run, x, y; not written for a matrix with pairs
     * without a distance); {@code networks.csv} (index, run, the sweep axes, and the group-by column when it is a
     * config key rather than an axis); {@code degeneracy.csv} (level, score, spread, n, pairs; with group-by first a
     * column named after the axis: one row per matrix over all networks, with that column empty, then one row per
     * group and matrix).
     */
    public static List<Path> degeneracy(Path dir, DegeneracyStudy.Result result) throws IOException {
        List<Path> out = new ArrayList<>();
        int n = result.names().size();
        for (DegeneracyStudy.MeasureResult m : result.measures()) {
            String key = m.measure().key();
            out.add(npy(dir, "distances_" + key + ".npy", NdArray.of(new int[]{n, n}, m.distances().clone())));
            if (m.mds() != null) {
                List<List<?>> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    rows.add(List.of(result.names().get(i), m.mds().coordinate(i, 0), m.mds().coordinate(i, 1)));
                }
                out.add(csv(dir, "mds_" + key + ".csv", List.of("run", "x", "y"), rows));
            }
        }
        List<String> axes = new ArrayList<>();
        for (var a : result.axes()) {
            for (String k : a.keySet()) {
                if (!axes.contains(k)) {
                    axes.add(k);
                }
            }
        }
        String groupBy = result.settings().groupBy();
        boolean groupColumn = groupBy != null && !axes.contains(groupBy);
        List<String> header = new ArrayList<>(List.of("index", "run"));
        header.addAll(axes);
        if (groupColumn) {
            header.add(groupBy);
        }
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>(List.of(i, result.names().get(i)));
            for (String a : axes) {
                row.add(result.axes().get(i).getOrDefault(a, ""));
            }
            if (groupColumn) {
                row.add(result.groups().get(i));
            }
            rows.add(row);
        }
        out.add(csv(dir, "networks.csv", header, rows));
        List<String> scoreHeader = new ArrayList<>();
        if (groupBy != null) {
            scoreHeader.add(groupBy);
        }
        scoreHeader.addAll(List.of("level", "score", "spread", "n", "pairs"));
        List<List<?>> scores = new ArrayList<>();
        for (DegeneracyStudy.MeasureResult m : result.measures()) {
            scores.add(scoreRow(groupBy == null ? null : "", m.measure(), m.score()));
        }
        for (DegeneracyStudy.GroupScore g : result.groupScore()) {
            scores.add(scoreRow(g.group(), g.measure(), g.score()));
        }
        out.add(csv(dir, "degeneracy.csv", scoreHeader, scores));
        return out;
    }

    /** The name of the aligned pair's arrays. */
    public static final String ALIGNED_PCA = "aligned_pca.npz";
    /** The name of the aligned pair's conditions, one row per probe trial. */
    public static final String ALIGNED_PCA_CONDITIONS = "aligned_pca_conditions.csv";

    /**
     * The aligned pair's files: {@value #ALIGNED_PCA} with {@code a} and {@code b} [trials, steps, c] float32 (A's
     * scores on its PCs; B's aligned scores on A's PCs), {@code variance_ratio_a} and {@code variance_ratio_b} [c],
     * {@code residual} and {@code aligned_dimensions} (k, 0-d); and {@value #ALIGNED_PCA_CONDITIONS}, the probe
     * trials' conditions (the row of trial i is the i-th trajectory of both).
     */
    public static List<Path> alignedPair(Path dir, AlignedPairStudy.Result r) throws IOException {
        int[] shape = {r.trials(), r.steps(), r.components()};
        java.util.Map<String, NdArray> arrays = new java.util.LinkedHashMap<>();
        arrays.put("a", NdArray.of(shape, r.a()));
        arrays.put("b", NdArray.of(shape, r.b()));
        arrays.put("variance_ratio_a", NdArray.vector(r.varianceRatioA()));
        arrays.put("variance_ratio_b", NdArray.vector(r.varianceRatioB()));
        arrays.put("residual", NdArray.scalar(r.residual()));
        arrays.put("aligned_dimensions", NdArray.of(new int[0], new int[]{r.alignedDimensions()}));
        Path npz = dir.resolve(ALIGNED_PCA);
        org.attractorlab.core.io.Npz.write(npz, arrays);
        Path conditions = dir.resolve(ALIGNED_PCA_CONDITIONS);
        org.attractorlab.core.run.ConditionTables.write(conditions, r.conditions());
        return List.of(npz, conditions);
    }

    private static List<?> scoreRow(String group, DegeneracyStudy.Measure m, DegeneracyStudy.Score s) {
        List<Object> row = new ArrayList<>();
        if (group != null) {
            row.add(group);
        }
        row.addAll(List.of(m.key(), s.mean(), s.spread(), s.networks(), s.pairs()));
        return row;
    }

    private static Path csv(Path dir, String name, List<String> header, List<? extends List<?>> rows)
            throws IOException {
        Path p = dir.resolve(name);
        Csv.write(p, header, rows);
        return p;
    }

    private static Path npy(Path dir, String name, NdArray array) throws IOException {
        Path p = dir.resolve(name);
        AtomicFiles.writeNpy(p, array);
        return p;
    }
}
