package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.analysis.AnalysisDefaults;
import org.attractorlab.core.analysis.AnalysisRecipes;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.analysis.decode.OrthogonalisationIndex;
import org.attractorlab.core.analysis.decode.OrthogonalisationOptions;
import org.attractorlab.core.analysis.decode.OrthogonalisationResult;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.analysis.rsa.Rdm;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngleOptions;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.run.RunDirectoryException;
import org.attractorlab.core.run.StatesFiles;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.Probe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs the analyses on a trained network (or external states) and writes one file per result. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run the network of RUN_DIR on a probe batch (no noise unless --noise) and analyse its hidden",
                "states; or analyse external states given with --states/--conditions. Writes one file per result",
                "into --out (default RUN_DIR/analysis) and prints how long each analysis took."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** The analyses, by their --only names. */
    enum Kind {
        PCA("pca"), FIXED_POINTS("fixed-points"), RSA("rsa"), ANGLES("angles"), DECODE("decode");

        final String key;

        Kind(String key) {
            this.key = key;
        }

        static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.key.equals(s.trim())) {
                    return k;
                }
            }
            throw new Cli.UserError("--only: '" + s + "' is not an analysis; use pca, fixed-points, rsa, angles, decode");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a run directory written by train")
    Path runDir;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "analyse checkpoints/step-STEP.npz instead of model.npz")
    Integer checkpoint;

    @Option(names = "--only", split = ",", paramLabel = "LIST", description = "analyses to run: pca,fixed-points,rsa,angles,decode (default: all)")
    List<String> only = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: RUN_DIR/analysis)")
    Path out;

    @Option(names = "--states", paramLabel = "X.npy", description = "external hidden states (trials x time x units, float32/float64)")
    Path states;

    @Option(names = "--conditions", paramLabel = "Y.csv", description = "conditions of the external states, one row per trial")
    Path conditions;

    @Option(names = "--trials", defaultValue = "" + Probe.TRIALS, description = "probe trials, as in the app (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--noise", description = "run the probe batch with the network's input and recurrent noise")
    boolean noise;

    @Option(names = "--force", description = "overwrite result files in an existing output directory")
    boolean force;

    @Option(names = "--pca-components", defaultValue = "10", description = "principal components (default: ${DEFAULT-VALUE})")
    int pcaComponents;

    @Option(names = "--pca-average", paramLabel = "COLUMN", description = "condition-average over COLUMN before PCA")
    String pcaAverage;

    @Option(names = "--rsa-columns", split = ",", paramLabel = "COLS", description = "condition columns defining RSA conditions (default: the task's)")
    List<String> rsaColumns;

    @Option(names = "--rsa-distance", defaultValue = "correlation",
            description = "correlation, euclidean, squared_euclidean_per_unit, cosine, crossnobis (default: ${DEFAULT-VALUE})")
    String rsaDistance;

    @Option(names = "--rsa-window", paramLabel = "FROM:TO", description = "time steps [FROM, TO) averaged (default: the last 10)")
    String rsaWindow;

    @Option(names = "--rsa-model", paramLabel = "COLUMN", description = "model RDM from this condition column")
    String rsaModel;

    @Option(names = "--rsa-comparison", defaultValue = "kendall_tau_a",
            description = "spearman, kendall_tau_a, pearson, cosine (default: ${DEFAULT-VALUE})")
    String rsaComparison;

    @Option(names = "--angles-group", paramLabel = "COLUMN", description = "column whose values are the groups (default: the task's)")
    String anglesGroup;

    @Option(names = "--angles-k", defaultValue = "3", description = "dimensions per group subspace (default: ${DEFAULT-VALUE})")
    int anglesK;

    @Option(names = "--fp-initial", defaultValue = "1024", description = "fixed points: initial states (default: ${DEFAULT-VALUE})")
    int fpInitial;

    @Option(names = "--fp-method", defaultValue = "lm", description = "fixed points: lm (Levenberg-Marquardt) or adam (default: ${DEFAULT-VALUE})")
    String fpMethod;

    @Option(names = "--fp-input", split = ",", paramLabel = "U", description = "fixed points: the constant input u* (default: zeros)")
    List<Float> fpInput;

    @Option(names = "--fp-noise", defaultValue = "0.5", description = "fixed points: std of the noise added to initial states (default: ${DEFAULT-VALUE})")
    double fpNoise;

    @Option(names = "--decode-targets", split = ",", paramLabel = "COLS", description = "condition columns to decode (default: the task's)")
    List<String> decodeTargets;

    @Option(names = "--decoder", defaultValue = "auto",
            description = "ridge, logistic, svm, or auto (logistic for categorical columns, ridge otherwise) (default: ${DEFAULT-VALUE})")
    String decoder;

    @Option(names = "--decode-stride", defaultValue = "5", description = "decode every this many time steps (default: ${DEFAULT-VALUE})")
    int decodeStride;

    @Option(names = "--decode-folds", defaultValue = "5", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int decodeFolds;

    private final List<Path> written = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        EnumSet<Kind> kinds = only.isEmpty() ? EnumSet.allOf(Kind.class) : EnumSet.noneOf(Kind.class);
        only.forEach(s -> kinds.add(Kind.parse(s)));
        Experiment experiment = null;
        HiddenStates h;
        long t0 = System.nanoTime();
        if (states != null) {
            if (runDir != null) {
                throw new Cli.UserError("give either RUN_DIR or --states, not both");
            }
            h = StatesFiles.readExternal(states, conditions);
            kinds.remove(Kind.FIXED_POINTS);
            if (out == null) {
                throw new Cli.UserError("--out is required with --states");
            }
        } else {
            if (runDir == null) {
                throw new Cli.UserError("give a RUN_DIR (from train) or --states X.npy");
            }
            TrainedRun run = load(runDir, checkpoint);
            experiment = run.experiment();
            h = Probe.states(run, trials, noise);
            if (out == null) {
                out = runDir.resolve("analysis");
            }
        }
        prepareOut();
        written.addAll(StatesFiles.write(out, h));
        report(o, "hidden states", t0);

        if (kinds.contains(Kind.PCA)) {
            t0 = System.nanoTime();
            pca(h);
            report(o, "pca", t0);
        }
        if (kinds.contains(Kind.FIXED_POINTS)) {
            t0 = System.nanoTime();
            fixedPoints(experiment, h);
            report(o, "fixed points", t0);
        }
        if (kinds.contains(Kind.RSA)) {
            t0 = System.nanoTime();
            rsa(h);
            report(o, "rsa", t0);
        }
        if (kinds.contains(Kind.ANGLES)) {
            t0 = System.nanoTime();
            angles(h);
            report(o, "angles", t0);
        }
        if (kinds.contains(Kind.DECODE)) {
            t0 = System.nanoTime();
            decode(h);
            report(o, "decode", t0);
        }
        o.println("Wrote:");
        for (Path p : written) {
            o.println("  " + p);
        }
        return 0;
    }

    /** Opens a trained run, with input problems as user errors. */
    static TrainedRun load(Path runDir, Integer checkpoint) throws IOException {
        try {
            return TrainedRun.open(runDir, checkpoint);
        } catch (RunDirectoryException | ConfigException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
    }

    private void prepareOut() throws IOException {
        if (Files.isDirectory(out) && !force) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new Cli.UserError("output directory " + out + " is not empty; use --force to overwrite results");
                }
            }
        }
        Files.createDirectories(out);
    }

    private void report(PrintWriter o, String what, long t0) {
        o.printf(Locale.ROOT, "%-14s %8.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
        o.flush();
    }

    private void pca(HiddenStates h) throws IOException {
        PcaResult p = AnalysisRecipes.pca(h, pcaComponents, pcaAverage);
        double[] ratio = p.explainedVarianceRatio();
        double[] var = p.explainedVariance();
        double[] cum = p.cumulativeExplainedVarianceRatio();
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < p.k(); i++) {
            rows.add(List.of(i + 1, var[i], ratio[i], cum[i]));
        }
        csv("pca_explained_variance.csv", List.of("component", "explained_variance", "explained_variance_ratio",
                "cumulative_ratio"), rows);
        npy("pca_components.npy", new int[]{p.k(), h.units()}, p.components());
        npy("pca_mean.npy", new int[]{h.units()}, p.mean());
        float[] proj = p.project(h);
        npy("pca_projections.npy", new int[]{h.trials(), h.steps(), p.k()}, proj);
    }

    private int[] window(HiddenStates h) {
        return StepWindow.parse("--rsa-window", rsaWindow, h.steps(), AnalysisRecipes.defaultRsaWindow(h.steps()));
    }

    private void rsa(HiddenStates h) throws IOException {
        RsaOptions ro = AnalysisRecipes.rsa(h, rsaColumns, window(h), rsaDistance, rsaModel, rsaComparison);
        RsaResult r = Rsa.compute(h, ro);
        Rdm rdm = r.data();
        double[][] m = rdm.matrix();
        double[] flat = new double[m.length * m.length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * m.length, m.length);
        }
        npy("rdm.npy", new int[]{m.length, m.length}, flat);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < rdm.labels().size(); i++) {
            rows.add(List.of(i, rdm.labels().get(i)));
        }
        csv("rdm_labels.csv", List.of("index", "condition"), rows);
        if (r.model() != null) {
            csv("rsa_comparison.csv", List.of("model_column", "comparison", "score"),
                    List.of(List.of(rsaModel, rsaComparison, r.score())));
        }
    }

    private void angles(HiddenStates h) throws IOException {
        SubspaceAngleOptions ao = AnalysisRecipes.angles(h, anglesGroup, anglesK);
        if (ao == null) {
            spec.commandLine().getErr().println("angles: skipped, the data has no condition columns to group by");
            return;
        }
        String group = ao.groupColumn();
        SubspaceAngleResult a = SubspaceAngles.compute(h, ao);
        List<List<?>> rows = new ArrayList<>();
        double[] g = a.groups();
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                double[] spec = a.angles(i, j);
                StringBuilder sb = new StringBuilder();
                for (int s = 0; s < spec.length; s++) {
                    sb.append(s == 0 ? "" : " ").append(Csv.number(Math.toDegrees(spec[s])));
                }
                rows.add(List.of(group + "=" + h.conditions().labelOf(group, g[i]), group + "=" + h.conditions().labelOf(group, g[j]),
                        Math.toDegrees(a.meanAngle()[i][j]), Math.toDegrees(a.firstAngle()[i][j]), sb.toString()));
            }
        }
        csv("subspace_angles.csv", List.of("task_a", "task_b", "mean_angle_deg", "first_angle_deg", "angles_deg"), rows);
    }

    private void fixedPoints(Experiment e, HiddenStates h) throws IOException {
        float[] u = null;
        if (fpInput != null) {
            u = new float[fpInput.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = fpInput.get(i);
            }
        }
        FixedPointOptions fo = AnalysisRecipes.fixedPoints(fpMethod, fpInitial, fpNoise, u, e.task().dtMillis(),
                e.config().seed());
        FixedPointResult r = FixedPointFinder.find(e.network(), fo, h);
        int n = r.count();
        int s = r.stateSize();
        float[] coords = new float[n * s];
        for (int i = 0; i < n; i++) {
            System.arraycopy(r.points()[i], 0, coords, i * s, s);
        }
        npy("fixed_points.npy", new int[]{n, s}, coords);
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
                    r.unstableDimension(i), slowest, i));
            for (int k = 0; k < r.eigenReal()[i].length; k++) {
                eig.add(List.of(i, r.eigenReal()[i][k], r.eigenImag()[i][k]));
            }
        }
        csv("fixed_points.csv", List.of("point", "q", "stable", "slow", "max_abs_eigenvalue", "unstable_dimension",
                "slowest_time_constant_ms", "row_in_fixed_points_npy"), rows);
        csv("fixed_point_eigenvalues.csv", List.of("point", "real", "imag"), eig);
        spec.commandLine().getOut().printf(Locale.ROOT, "fixed points: %d (%d stable) from %d initial states%n", n,
                r.stableFixedPointCount(), r.initialStates());
    }

    private void decode(HiddenStates h) throws IOException {
        List<String> targets = decodeTargets != null ? decodeTargets : AnalysisDefaults.decodeTargets(h.conditions());
        List<List<?>> rows = new ArrayList<>();
        List<List<?>> ortho = new ArrayList<>();
        int last = h.steps() - 1;
        for (String target : targets) {
            DecodingOptions opts = AnalysisRecipes.decoding(h, target, decoder, decodeFolds, decodeStride);
            if (opts == null) {
                spec.commandLine().getErr().println("decode: skipped '" + target + "': a continuous column needs ridge");
                continue;
            }
            boolean categorical = AnalysisDefaults.isCategorical(h.conditions(), target);
            DecoderType type = opts.type();
            CrossTemporalResult r = Decoding.crossTemporal(h, opts);
            int[] steps = r.steps();
            for (int i = 0; i < steps.length; i++) {
                for (int j = 0; j < steps.length; j++) {
                    rows.add(List.of(target, type.key(), r.metric(), steps[i], steps[j], r.score(i, j)));
                }
            }
            if (categorical && new java.util.HashSet<>(java.util.Arrays.stream(h.conditions().column(target))
                    .boxed().toList()).size() > 2) {
                OrthogonalisationResult or = OrthogonalisationIndex.compute(h, target, last,
                        OrthogonalisationOptions.DEFAULTS);
                ortho.add(List.of(target, last, or.index()));
            }
        }
        csv("decoding.csv", List.of("target", "decoder", "metric", "train_step", "test_step", "score"), rows);
        if (!ortho.isEmpty()) {
            csv("orthogonalisation.csv", List.of("column", "step", "orthogonalisation_index"), ortho);
        }
        var c = h.conditions();
        if (c.has("x0") && c.has("x1") && c.has("quadrant")) {
            OodQuadrantResult ood = OodQuadrant.compute(h, OodQuadrantOptions.DEFAULTS);
            List<List<?>> oodRows = new ArrayList<>();
            double[] q = ood.quadrants();
            for (int i = 0; i < q.length; i++) {
                for (int d = 0; d < ood.latentColumns().size(); d++) {
                    oodRows.add(List.of((int) q[i], ood.latentColumns().get(d), ood.ood(i, d),
                            ood.inDistribution(i, d)));
                }
            }
            csv("decoding_ood.csv", List.of("held_out_quadrant", "latent", "ood_r2", "in_distribution_r2"), oodRows);
            spec.commandLine().getOut().printf(Locale.ROOT, "OOD quadrant test: mean r2 %.3f (in distribution %.3f)%n",
                    ood.meanOod(), ood.meanInDistribution());
        }
    }

    private void csv(String name, List<String> header, List<? extends List<?>> rows) throws IOException {
        Path p = out.resolve(name);
        Csv.write(p, header, rows);
        written.add(p);
    }

    private void npy(String name, int[] shape, double[] data) throws IOException {
        Path p = out.resolve(name);
        AtomicFiles.writeNpy(p, NdArray.of(shape, data));
        written.add(p);
    }

    private void npy(String name, int[] shape, float[] data) throws IOException {
        Path p = out.resolve(name);
        AtomicFiles.writeNpy(p, NdArray.of(shape, data));
        written.add(p);
    }
}
