package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.analysis.AnalysisDefaults;
import org.attractorlab.core.analysis.AnalysisRecipes;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngleOptions;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.AngleSpectrumChart;
import org.attractorlab.figure.Camera;
import org.attractorlab.figure.EigenvalueChart;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.FigureSize;
import org.attractorlab.figure.FigureWriter;
import org.attractorlab.figure.Figures;
import org.attractorlab.figure.FixedPointOverlay;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;
import org.attractorlab.figure.LossSeries;
import org.attractorlab.figure.OodChart;
import org.attractorlab.figure.TrajectoryFigure;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Writes one of the panes' figures for a trained run, headless, with the panes' own drawing code. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a figure of a trained run (RUN_DIR from train, or a saved session) as PNG, SVG or PDF:",
                "the same figure the app's pane exports, computed the way analyze computes it. Sizes are in points",
                "(1/72 inch); a PNG has width x dpi / 72 pixels and records its dpi."})
public final class ExportCommand implements Callable<Integer> {

    /** The figures, by their --figure names. */
    enum Kind {
        LOSS("loss"), PCA3D("pca3d"), FIXED_POINTS("fixed-points"), EIGENVALUES("eigenvalues"), RSA("rsa"),
        ANGLES("angles"), DECODING("decoding");

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
            throw new Cli.UserError("--figure: '" + s
                    + "' is not a figure; use loss, pca3d, fixed-points, eigenvalues, rsa, angles, decoding");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by train")
    Path runDir;

    @Option(names = "--figure", required = true, paramLabel = "NAME",
            description = "loss, pca3d, fixed-points, eigenvalues, rsa, angles or decoding")
    String figure;

    @Option(names = "--format", paramLabel = "FMT", description = "png, svg or pdf (default: from the --out extension)")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write")
    Path out;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "use checkpoints/step-STEP.npz instead of model.npz")
    Integer checkpoint;

    @Option(names = "--width", paramLabel = "PT", description = "width in points (default: 560; 840 for fixed-points)")
    Double width;

    @Option(names = "--height", paramLabel = "PT", description = "height in points (default: 420; 560 for angles and decoding)")
    Double height;

    @Option(names = "--dpi", defaultValue = "300", description = "resolution of a PNG (default: ${DEFAULT-VALUE})")
    int dpi;

    @Option(names = "--color-by", paramLabel = "CONDITION", description = "pca3d: the condition column that colours the trials (default: the first)")
    String colorBy;

    @Option(names = "--trials", defaultValue = "" + Probe.TRIALS, description = "probe trials, as in the app (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--linear", description = "loss: a linear loss axis instead of a logarithmic one")
    boolean linear;

    @Option(names = "--rsa-model", paramLabel = "COLUMN", description = "rsa: compare with the model RDM of this condition column")
    String rsaModel;

    @Option(names = "--decode-target", paramLabel = "COLUMN", description = "decoding: the condition column decoded (default: the task's first)")
    String decodeTarget;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Kind kind = Kind.parse(figure);
        FigureFormat fmt;
        if (format != null) {
            fmt = FigureFormat.parse(format);
        } else {
            fmt = FigureFormat.ofFile(out);
            if (fmt == null) {
                throw new Cli.UserError("--out " + out + " has no .png, .svg or .pdf extension; give --format");
            }
        }
        if (Files.exists(out) && !force) {
            throw new Cli.UserError(out + " exists; use --force to replace it");
        }
        if (trials < 2) {
            throw new Cli.UserError("--trials = " + trials + " must be at least 2");
        }
        FigureSize size = new FigureSize(width != null ? width : kind == Kind.FIXED_POINTS ? 840 : 560,
                height != null ? height : kind == Kind.ANGLES || kind == Kind.DECODING ? 560 : 420, dpi);
        long t0 = System.nanoTime();
        TrainedRun run = AnalyzeCommand.load(runDir, checkpoint);
        Figure f = build(kind, run);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FigureWriter.write(f, fmt, size, out);
        o.printf(Locale.ROOT, "Wrote %s (%s, %.0f x %.0f pt%s) in %.1f s%n", out, fmt.extension(), size.width(),
                size.height(), fmt == FigureFormat.PNG ? ", " + size.pixelWidth() + " x " + size.pixelHeight()
                        + " px at " + dpi + " dpi" : "", (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    private Figure build(Kind kind, TrainedRun run) throws IOException {
        int step = run.trainedStep();
        if (kind == Kind.LOSS) {
            var log = run.trainingLog();
            if (log.isEmpty()) {
                throw new Cli.UserError(run.run().trainingCsv() + " has no steps to plot");
            }
            return Figures.loss(LossSeries.of(log), !linear);
        }
        HiddenStates h = Probe.states(run, trials, false);
        ConditionTable table = h.conditions();
        switch (kind) {
            case PCA3D -> {
                if (colorBy != null && !table.has(colorBy)) {
                    throw new Cli.UserError("--color-by: no condition column '" + colorBy + "'; columns are "
                            + table.names());
                }
                PcaResult pca = AnalysisRecipes.pca(h, 3, null);
                TrajectoryFigure.Data d = TrajectoryFigure.Data.of(step, pca.project(h), h.trials(), h.steps(),
                        pca.k(), pca.explainedVarianceRatio(), table, colorBy, null);
                return new TrajectoryFigure(d, Camera.DEFAULT);
            }
            case FIXED_POINTS, EIGENVALUES -> {
                var e = run.experiment();
                FixedPointResult r = FixedPointFinder.find(e.network(), AnalysisRecipes.fixedPoints("lm", 1024, 0.5,
                        null, e.task().dtMillis(), e.config().seed()), h);
                DefaultXYDataset[] ds = EigenvalueChart.datasets(r, -1, false);
                if (kind == Kind.EIGENVALUES) {
                    return Figures.eigenvalues(ds[0], ds[1], false);
                }
                PcaResult pca = AnalysisRecipes.pca(h, 3, null);
                float[] proj = pca.project(h);
                FixedPointOverlay points = FixedPointOverlay.of(step, r, pca, proj);
                return Figures.fixedPoints(points, proj, h.trials(), h.steps(), pca.k(),
                        pca.explainedVarianceRatio(), ds[0], ds[1], false);
            }
            case RSA -> {
                RsaOptions ro = AnalysisRecipes.rsa(h, null, AnalysisRecipes.defaultRsaWindow(h.steps()),
                        "correlation", rsaModel, "kendall_tau_a");
                RsaResult r = Rsa.compute(h, ro);
                String score = r.model() == null ? "" : String.format(Locale.ROOT, "Kendall tau-a vs %s: %.2f",
                        rsaModel, r.score());
                return Figures.rdm(Heatmaps.rdm(r, table, ro), step, score);
            }
            case ANGLES -> {
                SubspaceAngleOptions ao = AnalysisRecipes.angles(h, null, 3);
                if (ao == null) {
                    throw new Cli.UserError("angles: the data has no condition column to group by");
                }
                SubspaceAngleResult r = SubspaceAngles.compute(h, ao);
                HeatmapData heat = Heatmaps.angles(r, table);
                return Figures.angles(heat, step, r.groupCount() > 1 ? AngleSpectrumChart.dataset(r, 0, 1) : null,
                        r.groupCount() > 1 ? AngleSpectrumChart.title(ao.groupColumn(), heat.rowLabels().get(0),
                                heat.rowLabels().get(1)) : "");
            }
            case DECODING -> {
                List<String> targets = AnalysisDefaults.decodeTargets(table);
                String target = decodeTarget != null ? decodeTarget : targets.isEmpty() ? null : targets.get(0);
                if (target == null) {
                    throw new Cli.UserError("decoding: the data has no condition column to decode");
                }
                DecodingOptions opts = AnalysisRecipes.decoding(h, target, "auto", DecodingOptions.DEFAULT_FOLDS, 5);
                CrossTemporalResult r = Decoding.crossTemporal(h, opts);
                DefaultCategoryDataset ood = null;
                double lower = 0;
                if (table.has("x0") && table.has("x1") && table.has("quadrant")) {
                    OodQuadrantResult q = OodQuadrant.compute(h, OodQuadrantOptions.DEFAULTS);
                    ood = new DefaultCategoryDataset();
                    OodChart.fill(ood, q);
                    lower = OodChart.lowerBound(q);
                }
                return Figures.decoding(Heatmaps.decoding(r, table, opts), Heatmaps.decodingTitle(opts), step, ood,
                        lower);
            }
            default -> throw new IllegalStateException(kind.key);
        }
    }
}
