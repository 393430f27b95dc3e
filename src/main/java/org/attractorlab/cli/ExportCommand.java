package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.AlignedPairStudy;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.study.ProcrustesStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepException;
import org.attractorlab.core.sweep.OodVsTasks;
import org.attractorlab.core.sweep.SweepNetworks;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSummary;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.AngleSpectrumChart;
import org.attractorlab.figure.Camera;
import org.attractorlab.figure.AlignedPairFigure;
import org.attractorlab.figure.DegeneracyCharts;
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
                "(1/72 inch); a PNG has width x dpi / 72 pixels and records its dpi. --figure sweep draws a sweep",
                "directory (from sweep --out): a summary column against an axis, as the app's sweep window does.",
                "--figure degeneracy draws a sweep's degeneracy study at one --level: the distance matrix, the MDS",
                "of the networks coloured by --color-by and the score per --group-by value, as the Population tab does.",
                "--figure ood-vs-tasks draws a sweep of evidence-multitask runs: in-distribution and OOD r^2 against",
                "N_task, one line per D, and writes the runs' numbers beside the figure (FILE with .csv).",
                "--figure aligned-pair --with RUN_B draws RUN_DIR's and RUN_B's trajectories side by side in RUN_DIR's",
                "PCA basis after Procrustes alignment, as the Population tab shows a clicked cell."})
public final class ExportCommand implements Callable<Integer> {

    /** The figures, by their --figure names. */
    enum Kind {
        LOSS("loss"), PCA3D("pca3d"), FIXED_POINTS("fixed-points"), EIGENVALUES("eigenvalues"), RSA("rsa"),
        ANGLES("angles"), DECODING("decoding"), SWEEP("sweep"), DEGENERACY("degeneracy"),
        OOD_VS_TASKS("ood-vs-tasks"), ALIGNED_PAIR("aligned-pair"), CROSS_TASK("cross-task"),
        RELEVANCE("relevance"), ORTHOGONALISATION("orthogonalisation"), PROCRUSTES("procrustes");

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
                    + "' is not a figure; use loss, pca3d, fixed-points, eigenvalues, rsa, angles, decoding, sweep, degeneracy, "
                    + "ood-vs-tasks, aligned-pair, cross-task, relevance, orthogonalisation, procrustes");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run directory written by train (for --figure "
            + "sweep: a sweep directory written by sweep --out)")
    Path runDir;

    @Option(names = "--figure", required = true, paramLabel = "NAME",
            description = "loss, pca3d, fixed-points, eigenvalues, rsa, angles, decoding, sweep, degeneracy, "
                    + "ood-vs-tasks, aligned-pair; for N-back runs cross-task, relevance, orthogonalisation, procrustes")
    String figure;

    @Option(names = "--with", paramLabel = "RUN_B", description = "aligned-pair: the run drawn beside RUN_DIR, its "
            + "trajectories aligned to RUN_DIR's PCA basis (as compare RUN_DIR RUN_B --aligned-pca)")
    Path withRun;

    @Option(names = "--x", paramLabel = "AXIS", description = "sweep: the axis along x")
    String sweepX;

    @Option(names = "--y", paramLabel = "COLUMN", description = "sweep: the summary column along y (mean and standard "
            + "error over the done runs)")
    String sweepY;

    @Option(names = "--series", paramLabel = "AXIS", description = "sweep: one line per value of this axis (default: "
            + "none, one line)")
    String sweepSeries;

    @Option(names = "--level", paramLabel = "LEVEL", description = "degeneracy: behaviour, dynamics, representation "
            + "(1 - CKA), weights, behaviour_ood, representation_procrustes or representation_rdm (default: "
            + "representation)")
    String level;

    @Option(names = "--group-by", paramLabel = "AXIS", description = "degeneracy: one score per value of this sweep "
            + "axis or config key (default: none, one score)")
    String groupBy;

    @Option(names = "--ood-set", paramLabel = "KEY=VALUE", description = "degeneracy, level behaviour_ood: a task key "
            + "of the out-of-distribution batch (repeatable)")
    java.util.List<String> oodSet = new java.util.ArrayList<>();

    @Option(names = "--max-val-loss", paramLabel = "LOSS", description = "degeneracy: compare only the runs whose "
            + "validation loss is below LOSS (the runs that fitted their task)")
    Double maxValLoss;

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

    @Option(names = "--color-by", paramLabel = "CONDITION", description = "pca3d: the condition column that colours the trials (default: the first); degeneracy: the sweep "
            + "axis that colours the MDS points (default: --group-by, else the first axis that is not the seed)")
    String colorBy;

    @Option(names = "--trials", defaultValue = "" + Probe.TRIALS, description = "probe trials, as in the app (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--fixed-points", description = "pca3d: draw the fixed points (the study's default search) and "
            + "their unstable modes in the trajectories")
    boolean withFixedPoints;

    @Option(names = "--linear", description = "loss: a linear loss axis instead of a logarithmic one")
    boolean linear;

    @Option(names = "--rsa-model", paramLabel = "COLUMN",
            description = "rsa: compare with the model RDM of this condition column, or none (default: the first condition column)")
    String rsaModel;

    @Option(names = "--decode-target", paramLabel = "COLUMN", description = "decoding: the condition column decoded (default: the task's first)")
    String decodeTarget;

    @Option(names = "--orth-step", paramLabel = "STEP",
            description = "orthogonalisation: the step (default: the last step)")
    Integer orthStep;

    @Option(names = "--procrustes-feature", paramLabel = "FEATURE",
            description = "procrustes: location, identity or category (default: category)")
    String procrustesFeature;

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
        FigureSize size = new FigureSize(width != null ? width : kind == Kind.FIXED_POINTS ? 840
                : kind == Kind.DEGENERACY || kind == Kind.ALIGNED_PAIR || kind == Kind.CROSS_TASK ? 1260 : kind == Kind.RELEVANCE ? 700 : 560, height != null ? height : kind == Kind.ANGLES || kind == Kind.DECODING ? 560 : 420, dpi);
        long t0 = System.nanoTime();
        Figure f;
        if (kind == Kind.SWEEP) {
            f = Figures.sweep(sweepSeries(runDir, sweepX, sweepY, sweepSeries));
        } else if (kind == Kind.OOD_VS_TASKS) {
            Path csv = oodCsv(out);
            if (Files.exists(csv) && !force) {
                throw new Cli.UserError(csv + " exists; use --force to replace it");
            }
            OodVsTasks.Result r = oodVsTasks(runDir);
            for (String l : r.leftOut()) {
                o.println("left out " + l);
            }
            Path parent = csv.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OodVsTasks.writeCsv(csv, r);
            o.println("Wrote " + csv + " (" + r.summary() + ")");
            f = Figures.oodVsTasks(r);
        } else if (kind == Kind.ALIGNED_PAIR) {
            f = alignedPair(runDir, withRun, colorBy, trials);
        } else if (kind == Kind.DEGENERACY) {
            f = degeneracy(runDir, level, groupBy, oodSet, maxValLoss, colorBy, trials, o).figure();
        } else {
            if (level != null || groupBy != null || !oodSet.isEmpty()) {
                throw new Cli.UserError("--level, --group-by and --ood-set are options of --figure degeneracy");
            }
            if (withRun != null) {
                throw new Cli.UserError("--with is an option of --figure aligned-pair");
            }
            if (SweepDirectory.isSweep(runDir)) {
                throw new Cli.UserError(runDir + " is a sweep directory; --figure " + kind.key + " draws one run: give "
                        + "one of its runs (" + runDir.resolve(SweepDirectory.RUNS_DIR) + "/NNNN-...), or --figure "
                        + "sweep with --x and --y");
            }
            if (sweepX != null || sweepY != null || sweepSeries != null) {
                throw new Cli.UserError("--x, --y and --series are options of --figure sweep");
            }
            f = build(kind, run(runDir));
        }
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
        try {
            return switch (kind) {
                case PCA3D -> {
                    if (colorBy != null && !table.has(colorBy)) {
                        throw new Cli.UserError("--color-by: no condition column '" + colorBy + "'; columns are "
                                + table.names());
                    }
                    PcaStudy.Result pca = PcaStudy.run(h, pca3dSettings(h));
                    if (withFixedPoints) {
                        Experiment e = run.experiment();
                        FixedPointStudy.Result r = FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e));
                        yield pca3d(step, h, pca, colorBy, FixedPointOverlay.of(step, r.points(), pca.pca(),
                                pca.projections())).figure();
                    }
                    yield pca3d(step, h, pca, colorBy).figure();
                }
                case FIXED_POINTS, EIGENVALUES -> {
                    Experiment e = run.experiment();
                    FixedPointStudy.Result r = FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e));
                    FixedPointFigure f = fixedPoints(step, h, r, PcaStudy.run(h, pca3dSettings(h)));
                    yield kind == Kind.EIGENVALUES ? f.eigenvalueFigure() : f.figure();
                }
                case RSA -> {
                    RsaStudy.Settings s = RsaStudy.defaultsFor(h);
                    if (rsaModel != null) {
                        s = s.withModel(rsaModel.equals(AnalyzeCommand.NO_MODEL) ? null : rsaModel);
                    }
                    yield rsa(step, h, RsaStudy.run(h, s)).figure();
                }
                case ANGLES -> {
                    AnglesStudy.Settings s = AnglesStudy.defaultsFor(h);
                    if (s.groupColumn() == null) {
                        throw new Cli.UserError("angles: the data has no condition column to group by");
                    }
                    yield angles(step, h, AnglesStudy.run(h, s)).figure();
                }
                case DECODING -> {
                    DecodingStudy.Settings s = DecodingStudy.defaultsFor(h);
                    if (decodeTarget != null) {
                        s = s.withTarget(decodeTarget);
                    }
                    if (s.target() == null) {
                        throw new Cli.UserError("decoding: the data has no condition column to decode");
                    }
                    OodStudy.Result ood = OodStudy.appliesTo(table) ? OodStudy.run(h, OodStudy.defaultsFor(h)) : null;
                    yield decoding(step, h, DecodingStudy.run(h, s), ood).figure();
                }
                case CROSS_TASK -> Figures.crossTask(CrossTaskStudy.run(h, CrossTaskStudy.defaultsFor(h)), step);
                case RELEVANCE -> Figures.relevance(CrossTaskStudy.run(h, CrossTaskStudy.defaultsFor(h)));
                case ORTHOGONALISATION -> Figures.orthogonalisation(OrthogonalisationStudy.compareAll(h,
                        orthStep == null ? -1 : orthStep));
                case PROCRUSTES -> {
                    ProcrustesStudy.Settings s = ProcrustesStudy.defaultsFor(h);
                    yield Figures.procrustes(ProcrustesStudy.run(h, procrustesFeature == null ? s
                            : s.withFeature(procrustesFeature)));
                }
                default -> throw new IllegalStateException(kind.key);
            };
        } catch (StudyException e) {
            throw new Cli.UserError(kind.key + ": " + e.getMessage(), e);
        }
    }

    /** The aligned pair's figure of two run directories (RUN_B given by --with). */
    private Figure alignedPair(Path a, Path b, String colorBy, int trials) throws IOException {
        if (b == null) {
            throw new Cli.UserError("--figure aligned-pair needs --with RUN_B, the run drawn beside " + a);
        }
        for (Path p : java.util.List.of(a, b)) {
            if (SweepDirectory.isSweep(p)) {
                throw new Cli.UserError(p + " is a sweep directory; --figure aligned-pair draws two runs: give two "
                        + "of its runs (" + p.resolve(SweepDirectory.RUNS_DIR) + "/NNNN-...)");
            }
        }
        DegeneracyStudy.Member ma = new DegeneracyStudy.Member(runName(a), AnalyzeCommand.load(a, checkpoint),
                java.util.Map.of());
        DegeneracyStudy.Member mb = new DegeneracyStudy.Member(runName(b), AnalyzeCommand.load(b, null),
                java.util.Map.of());
        try {
            AlignedPairStudy.Result r = AlignedPairStudy.run(ma, mb, AlignedPairStudy.defaultsFor(ma, mb)
                    .withTrials(trials));
            if (colorBy != null && !r.conditions().has(colorBy)) {
                throw new Cli.UserError("--color-by: no condition column '" + colorBy + "'; columns are "
                        + r.conditions().names());
            }
            return AlignedPairFigure.figure(r, colorBy, null, org.attractorlab.figure.Camera.DEFAULT);
        } catch (StudyException e) {
            throw new Cli.UserError("aligned-pair: " + e.getMessage(), e);
        }
    }

    private static String runName(Path p) {
        Path f = p.toAbsolutePath().normalize().getFileName();
        return f == null ? p.toString() : f.toString();
    }

    private TrainedRun run(Path dir) throws IOException {
        return AnalyzeCommand.load(dir, checkpoint);
    }

    /**
     * The series {@code --figure sweep} draws: {@code y} against {@code x} over the done runs of the sweep in
     * {@code dir}, one line per value of {@code series} (null or "none": one line).
     */
    public static SweepSeries sweepSeries(Path dir, String x, String y, String series) {
        if (!SweepDirectory.isSweep(dir)) {
            throw new Cli.UserError(dir + " is not a sweep directory (it has no " + SweepDirectory.SPEC_FILE
                    + "); --figure sweep draws a directory written by sweep --out");
        }
        try {
            SweepSummary.Table t = SweepSummary.table(SweepDirectory.open(dir));
            if (x == null) {
                throw new Cli.UserError("--figure sweep needs --x AXIS; the axes are " + t.axes());
            }
            if (y == null) {
                throw new Cli.UserError("--figure sweep needs --y COLUMN; the summary columns are " + t.metrics());
            }
            SweepSeries s = SweepSeries.of(t, x, y, series == null || series.equals("none") ? null : series);
            if (s.runs() == 0) {
                throw new Cli.UserError("no done run of " + dir + " has a value of " + y + "; nothing to draw");
            }
            return s;
        } catch (SweepException e) {
            throw new Cli.UserError("--figure sweep: " + e.getMessage(), e);
        }
    }

    /** The CSV written beside an ood-vs-tasks figure: FILE with its extension replaced by .csv. */
    static Path oodCsv(Path figure) {
        String name = figure.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return figure.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".csv");
    }

    /** The data of {@code --figure ood-vs-tasks}: every done run of the sweep in {@code dir} (see {@link OodVsTasks}). */
    public static OodVsTasks.Result oodVsTasks(Path dir) {
        if (!SweepDirectory.isSweep(dir)) {
            throw new Cli.UserError(dir + " is not a sweep directory (it has no " + SweepDirectory.SPEC_FILE
                    + "); --figure ood-vs-tasks draws a directory written by sweep --out");
        }
        try {
            return OodVsTasks.of(SweepDirectory.open(dir));
        } catch (SweepException e) {
            throw new Cli.UserError("--figure ood-vs-tasks: " + e.getMessage(), e);
        }
    }

    /**
     * The degeneracy figure and what it draws.
     *
     * @param result the study (at the one level drawn)
     * @param matrix the distance matrix drawn
     * @param figure the matrix, the MDS scatter and the scores, left to right
     */
    public record DegeneracyFigure(DegeneracyStudy.Result result, HeatmapData matrix, Figure figure) {
    }

    /**
     * The degeneracy study of the done runs of the sweep in {@code dir} at one level ({@code level}: a level or
     * measure name, null for representation), grouped by {@code groupBy} (null: none); the runs left out are
     * listed on {@code o}.
     */
    public static DegeneracyFigure degeneracy(Path dir, String level, String groupBy, java.util.List<String> ood,
                                              Double maxValLoss, String colourAxis, int trials, PrintWriter o) {
        if (!SweepDirectory.isSweep(dir)) {
            throw new Cli.UserError(dir + " is not a sweep directory (it has no " + SweepDirectory.SPEC_FILE
                    + "); --figure degeneracy draws a directory written by sweep --out");
        }
        DegeneracyStudy.Measure m = DegeneracyCharts.measureByKey(level == null ? "representation" : level.trim());
        if (m == null) {
            throw new Cli.UserError("--level: '" + level + "' is not a level; use one of "
                    + String.join(", ", DegeneracyCharts.measureKeys()));
        }
        if (m == DegeneracyStudy.Measure.BEHAVIOUR_OOD && ood.isEmpty()) {
            throw new Cli.UserError("--level behaviour_ood needs the out-of-distribution batch: give --ood-set "
                    + "KEY=VALUE, e.g. --ood-set task.trial_steps=200");
        }
        SweepNetworks.Selection sel;
        try {
            SweepDirectory sweep = SweepDirectory.open(dir);
            sel = SweepNetworks.open(sweep, maxValLoss);
            if (colourAxis != null && !sweep.plan().spec().axisNames().contains(colourAxis)) {
                throw new Cli.UserError("--color-by: '" + colourAxis + "' is not an axis of the sweep; the axes are "
                        + sweep.plan().spec().axisNames());
            }
            if (colourAxis == null) {
                colourAxis = groupBy != null && sweep.plan().spec().axisNames().contains(groupBy) ? groupBy
                        : sweep.plan().spec().axisNames().stream().filter(a -> !a.equals("seed")).findFirst()
                        .orElse(null);
            }
        } catch (SweepException e) {
            throw new Cli.UserError("--figure degeneracy: " + e.getMessage(), e);
        }
        for (SweepNetworks.LeftOut l : sel.leftOut()) {
            o.println("left out " + l.describe());
        }
        DegeneracyStudy.Result r;
        try {
            DegeneracyStudy.Settings s = DegeneracyStudy.defaultsFor(sel.members())
                    .withLevels(java.util.EnumSet.of(m.level())).withGroupBy(groupBy).withOod(ood).withTrials(trials);
            r = DegeneracyStudy.run(sel.members(), s);
        } catch (StudyException e) {
            throw new Cli.UserError("degeneracy: " + e.getMessage(), e);
        }
        return new DegeneracyFigure(r, DegeneracyCharts.matrix(r, m), Figures.degeneracy(r, m, colourAxis));
    }

    /** The PCA of the 3D figures: the study's defaults with three components. */
    public static PcaStudy.Settings pca3dSettings(HiddenStates h) {
        return PcaStudy.defaultsFor(h).withComponents(3);
    }

    /**
     * The PCA trajectories figure and what it draws.
     *
     * @param data   the trajectories in the scene, coloured by a condition column
     * @param figure the figure
     */
    public record Pca3dFigure(TrajectoryFigure.Data data, Figure figure) {
    }

    /** The trajectories of a PCA study's projections, coloured by {@code colorBy} (null: the first column). */
    public static Pca3dFigure pca3d(int step, HiddenStates h, PcaStudy.Result pca, String colorBy) {
        return pca3d(step, h, pca, colorBy, null);
    }

    /** The trajectories of a PCA study with fixed points drawn in them ({@code fixed} null: none). */
    public static Pca3dFigure pca3d(int step, HiddenStates h, PcaStudy.Result pca, String colorBy,
                                    FixedPointOverlay fixed) {
        TrajectoryFigure.Data d = TrajectoryFigure.Data.of(step, pca.projections(), h.trials(), h.steps(),
                pca.pca().k(), pca.pca().explainedVarianceRatio(), h.conditions(), colorBy, fixed);
        return new Pca3dFigure(d, new TrajectoryFigure(d, Camera.DEFAULT));
    }

    /**
     * The fixed-point figures and what they draw.
     *
     * @param points            the points projected on the PCA
     * @param selectedEigenvalues the eigenvalues of the selected point (none selected: empty)
     * @param allEigenvalues    the eigenvalues of every point
     * @param figure            the points in PC1-PC2 beside their eigenvalues
     * @param eigenvalueFigure  the eigenvalues alone
     */
    public record FixedPointFigure(FixedPointOverlay points, DefaultXYDataset selectedEigenvalues,
                                   DefaultXYDataset allEigenvalues, Figure figure, Figure eigenvalueFigure) {
    }

    /** The fixed points of a search over the trajectories of a PCA study, and their eigenvalues. */
    public static FixedPointFigure fixedPoints(int step, HiddenStates h, FixedPointStudy.Result fp,
                                               PcaStudy.Result pca) {
        DefaultXYDataset[] ds = EigenvalueChart.datasets(fp.points(), -1, false);
        FixedPointOverlay points = FixedPointOverlay.of(step, fp.points(), pca.pca(), pca.projections());
        Figure both = Figures.fixedPoints(points, pca.projections(), h.trials(), h.steps(), pca.pca().k(),
                pca.pca().explainedVarianceRatio(), ds[0], ds[1], false, "Attractor: " + fp.attractor().summary());
        return new FixedPointFigure(points, ds[0], ds[1], both, Figures.eigenvalues(ds[0], ds[1], false));
    }

    /**
     * The RDM figure and what it draws.
     *
     * @param rdm    the matrix with its condition labels
     * @param score  the comparison with the model RDM under the title, or "" without a model
     * @param figure the figure
     */
    public record RsaFigure(HeatmapData rdm, String score, Figure figure) {
    }

    /** The RDM of an RSA study, with its comparison line when it has a model RDM. */
    public static RsaFigure rsa(int step, HiddenStates h, RsaStudy.Result r) {
        HeatmapData heat = Heatmaps.rdm(r.rsa(), h.conditions(), r.options());
        String score = r.options().modelColumn() == null ? "" : r.summary();
        return new RsaFigure(heat, score, Figures.rdm(heat, step, score));
    }

    /**
     * The subspace-angle figure and what it draws.
     *
     * @param matrix the mean angles (degrees) between every pair of groups
     * @param figure the matrix above the spectrum of the first pair
     */
    public record AnglesFigure(HeatmapData matrix, Figure figure) {
    }

    /** The mean-angle matrix of an angles study, above the angle spectrum of its first two groups. */
    public static AnglesFigure angles(int step, HiddenStates h, AnglesStudy.Result r) {
        var a = r.angles();
        HeatmapData heat = Heatmaps.angles(a, h.conditions());
        boolean pair = a.groupCount() > 1;
        Figure f = Figures.angles(heat, step, pair ? AngleSpectrumChart.dataset(a, 0, 1) : null,
                pair ? AngleSpectrumChart.title(r.settings().groupColumn(), heat.rowLabels().get(0),
                        heat.rowLabels().get(1)) : "");
        return new AnglesFigure(heat, f);
    }

    /**
     * The decoding figure and what it draws.
     *
     * @param matrix the cross-temporal scores (train step x test step)
     * @param ood    the OOD quadrant bars, or null when the test does not apply
     * @param figure the matrix, with the OOD bars below it when there are any
     */
    public record DecodingFigure(HeatmapData matrix, DefaultCategoryDataset ood, Figure figure) {
    }

    /** The cross-temporal matrix of a decoding study, with the OOD test below it (null: none). */
    public static DecodingFigure decoding(int step, HiddenStates h, DecodingStudy.Result d, OodStudy.Result ood) {
        HeatmapData heat = Heatmaps.decoding(d.decoding(), h.conditions(), d.options());
        DefaultCategoryDataset bars = null;
        double lower = 0;
        if (ood != null) {
            bars = new DefaultCategoryDataset();
            OodChart.fill(bars, ood.ood());
            lower = OodChart.lowerBound(ood.ood());
        }
        return new DecodingFigure(heat, bars, Figures.decoding(heat, Heatmaps.decodingTitle(d.options()), step,
                bars, lower));
    }
}
