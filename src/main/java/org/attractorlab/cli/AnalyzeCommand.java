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
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.run.RunDirectoryException;
import org.attractorlab.core.run.StatesFiles;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.Columns;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.NBackSamples;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.ProcrustesStudy;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.study.StudyFiles;
import org.attractorlab.core.task.ConditionTable;
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
    /** The --rsa-model value that switches the model RDM off. */
    static final String NO_MODEL = "none";

    /** The analyses, by their --only names. */
    enum Kind {
        PCA("pca"), FIXED_POINTS("fixed-points"), RSA("rsa"), ANGLES("angles"), DECODE("decode"),
        CROSS_TASK("cross-task"), PROCRUSTES("procrustes");

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
            throw new Cli.UserError("--only: '" + s + "' is not an analysis; use pca, fixed-points, rsa, angles, decode, "
                    + "cross-task, procrustes");
        }
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a run directory written by train")
    Path runDir;

    @Option(names = "--checkpoint", paramLabel = "STEP", description = "analyse checkpoints/step-STEP.npz instead of model.npz")
    Integer checkpoint;

    @Option(names = "--only", split = ",", paramLabel = "LIST", description = "analyses to run: pca,fixed-points,rsa,angles,decode,cross-task,procrustes (default: all; "
            + "cross-task and procrustes apply to N-back states)")
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

    @Option(names = "--pca-components", paramLabel = "K",
            description = "principal components (default: " + PcaStudy.DEFAULT_COMPONENTS + ", at most the units)")
    Integer pcaComponents;

    @Option(names = "--pca-average", paramLabel = "COLUMN", description = "condition-average over COLUMN before PCA")
    String pcaAverage;

    @Option(names = "--rsa-columns", split = ",", paramLabel = "COLS", description = "condition columns defining RSA conditions (default: the task's)")
    List<String> rsaColumns;

    @Option(names = "--rsa-distance",
            description = "correlation, euclidean, squared-euclidean-per-unit, cosine, crossnobis (default: correlation)")
    String rsaDistance;

    @Option(names = "--rsa-window", paramLabel = "FROM:TO",
            description = "time steps [FROM, TO) averaged (default: the last " + RsaStudy.DEFAULT_WINDOW + ")")
    String rsaWindow;

    @Option(names = "--rsa-model", paramLabel = "COLUMN",
            description = "model RDM from this condition column, or " + NO_MODEL + " (default: the first condition column)")
    String rsaModel;

    @Option(names = "--rsa-comparison",
            description = "spearman, kendall-tau-a, pearson, cosine (default: kendall-tau-a)")
    String rsaComparison;

    @Option(names = "--angles-group", paramLabel = "COLUMN", description = "column whose values are the groups (default: the task's)")
    String anglesGroup;

    @Option(names = "--angles-k", paramLabel = "K",
            description = "dimensions per group subspace (default: " + AnglesStudy.DEFAULT_K + ", at most the units)")
    Integer anglesK;

    @Option(names = "--fp-initial", paramLabel = "N", description = "fixed points: initial states (default: 1024)")
    Integer fpInitial;

    @Option(names = "--fp-method", description = "fixed points: lm (Levenberg-Marquardt) or adam (default: lm)")
    String fpMethod;

    @Option(names = "--fp-input", paramLabel = "U", description = "fixed points: the constant input u*: rest (the "
            + "task's resting input: fixation on, no evidence, for the evidence task; zeros for most tasks), zero, or "
            + "one value per input, comma-separated (default: rest)")
    String fpInput;

    @Option(names = "--fp-noise", paramLabel = "STD",
            description = "fixed points: std of the noise added to initial states (default: 0.5)")
    Double fpNoise;

    @Option(names = "--decode-targets", split = ",", paramLabel = "COLS", description = "condition columns to decode (default: the task's)")
    List<String> decodeTargets;

    @Option(names = "--decoder",
            description = "ridge, logistic, svm, or auto (logistic for categorical columns, ridge otherwise) (default: auto)")
    String decoder;

    @Option(names = "--decode-stride", paramLabel = "S",
            description = "decode every S time steps (default: ceil(T/" + DecodingStudy.MAX_DEFAULT_STEPS
                    + ") for T steps, as the app's decoding pane)")
    Integer decodeStride;

    @Option(names = "--decode-folds", paramLabel = "K", description = "cross-validation folds (default: 5)")
    Integer decodeFolds;

    @Option(names = "--orth-step", paramLabel = "STEP",
            description = "decode: the step of the orthogonalisation index (default: the last step)")
    Integer orthStep;

    @Option(names = "--cross-task-features", split = ",", paramLabel = "LIST",
            description = "cross-task: the features decoded, of location,identity,category (default: all three)")
    List<String> crossTaskFeatures;

    @Option(names = "--procrustes-feature", paramLabel = "FEATURE",
            description = "procrustes: the item's feature, location, identity or category (default: category)")
    String procrustesFeature;

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
        if (kinds.contains(Kind.CROSS_TASK) && nBack(h, Kind.CROSS_TASK)) {
            t0 = System.nanoTime();
            crossTask(h);
            report(o, "cross-task", t0);
        }
        if (kinds.contains(Kind.PROCRUSTES) && nBack(h, Kind.PROCRUSTES)) {
            t0 = System.nanoTime();
            procrustes(h);
            report(o, "procrustes", t0);
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

    /** A study's refusal as the CLI's user error, naming the analysis. */
    private static Cli.UserError refused(String analysis, StudyException e) {
        return new Cli.UserError(analysis + ": " + e.getMessage(), e);
    }

    /** The PCA settings: the study's defaults, then the flags given. */
    PcaStudy.Settings pcaSettings(HiddenStates h) {
        PcaStudy.Settings s = PcaStudy.defaultsFor(h);
        if (pcaComponents != null) {
            s = s.withComponents(pcaComponents);
        }
        return pcaAverage != null ? s.withAverageColumn(pcaAverage) : s;
    }

    /** One analysis: runs a study and writes its files. */
    private interface Written {
        List<Path> run() throws IOException;
    }

    /** Runs an analysis and keeps its files; a study's refusal is a user error naming the analysis. */
    private void write(String analysis, Written files) throws IOException {
        try {
            written.addAll(files.run());
        } catch (StudyException e) {
            throw refused(analysis, e);
        }
    }

    private void pca(HiddenStates h) throws IOException {
        write("pca", () -> StudyFiles.pca(out, h, PcaStudy.run(h, pcaSettings(h))));
    }

    /** The RSA settings: the study's defaults, then the flags given ({@code --rsa-model none}: no model RDM). */
    RsaStudy.Settings rsaSettings(HiddenStates h) {
        RsaStudy.Settings s = RsaStudy.defaultsFor(h);
        if (rsaColumns != null) {
            s = s.withColumns(rsaColumns);
        }
        if (rsaDistance != null) {
            s = s.withDistance(Distance.parse(rsaDistance));
        }
        if (rsaComparison != null) {
            s = s.withComparison(Comparison.parse(rsaComparison));
        }
        if (rsaModel != null) {
            s = s.withModel(rsaModel.equals(NO_MODEL) ? null : rsaModel);
        }
        int[] w = StepWindow.parse("--rsa-window", rsaWindow, h.steps(), new int[]{s.fromStep(), s.toStep()});
        return s.withWindow(w[0], w[1]);
    }

    private void rsa(HiddenStates h) throws IOException {
        write("rsa", () -> StudyFiles.rsa(out, RsaStudy.run(h, rsaSettings(h))));
    }

    /** The angle settings: the study's defaults, then the flags given. */
    AnglesStudy.Settings anglesSettings(HiddenStates h) {
        AnglesStudy.Settings s = AnglesStudy.defaultsFor(h);
        if (anglesGroup != null) {
            s = s.withGroupColumn(anglesGroup);
        }
        return anglesK != null ? s.withK(anglesK) : s;
    }

    private void angles(HiddenStates h) throws IOException {
        AnglesStudy.Settings s = anglesSettings(h);
        if (s.groupColumn() == null) {
            spec.commandLine().getErr().println("angles: skipped, the data has no condition columns to group by");
            return;
        }
        write("angles", () -> StudyFiles.angles(out, h.conditions(), AnglesStudy.run(h, s)));
    }

    /** The fixed-point search options: the study's defaults for the experiment, then the flags given. */
    FixedPointOptions fixedPointOptions(Experiment e) {
        FixedPointOptions o = FixedPointStudy.defaultsFor(e);
        if (fpMethod != null) {
            o = o.withMethod(FixedPointStudy.parseMethod(fpMethod));
        }
        if (fpInitial != null) {
            o = o.withInitialStates(fpInitial);
        }
        if (fpNoise != null) {
            o = o.withInitialNoise(fpNoise);
        }
        if (fpInput != null) {
            try {
                o = o.withInput(FixedPointStudy.parseInput(e.task(), fpInput));
            } catch (StudyException ex) {
                throw new Cli.UserError("--fp-input: " + ex.getMessage(), ex);
            }
        }
        return o;
    }

    private void fixedPoints(Experiment e, HiddenStates h) throws IOException {
        FixedPointStudy.Result r;
        try {
            r = FixedPointStudy.run(e.network(), h, fixedPointOptions(e));
        } catch (StudyException ex) {
            throw refused("fixed points", ex);
        }
        written.addAll(StudyFiles.fixedPoints(out, r));
        spec.commandLine().getOut().printf(Locale.ROOT, "fixed points: %d (%d stable) from %d initial states at %s%n",
                r.points().count(), r.points().stableFixedPointCount(), r.points().initialStates(),
                FixedPointStudy.describeInput(e.task(), r.options().input()));
        spec.commandLine().getOut().println("attractor: " + r.attractor().summary());
    }

    /** The decoding settings of one target: the study's defaults for it, then the flags given. */
    DecodingStudy.Settings decodingSettings(HiddenStates h, String target) {
        DecodingStudy.Settings s = DecodingStudy.defaultsFor(h, target);
        if (decoder != null) {
            s = s.withDecoder(DecodingStudy.Decoder.parse(decoder));
        }
        if (decodeFolds != null) {
            s = s.withFolds(decodeFolds);
        }
        return decodeStride != null ? s.withStride(decodeStride) : s;
    }

    /**
     * Decodes every target; a target the study refuses (a constant column, too few trials of a class, a classifier
     * on a continuous column) is skipped with the study's message; a column the data does not have, or no target
     * left to decode, is an error.
     */
    private void decode(HiddenStates h) throws IOException {
        ConditionTable table = h.conditions();
        List<String> targets = decodeTargets != null ? decodeTargets : Columns.decodeTargets(table);
        List<DecodingStudy.Result> decoded = new ArrayList<>();
        List<OrthogonalisationStudy.Result> ortho = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        for (String target : targets) {
            if (!table.has(target)) {
                throw new Cli.UserError("--decode-targets: no condition column " + StudyException.quote(target)
                        + "; the columns are " + table.names());
            }
            DecodingStudy.Settings s = decodingSettings(h, target);
            try {
                decoded.add(DecodingStudy.run(h, s));
            } catch (StudyException e) {
                err.println("decode: skipped '" + target + "': " + e.getMessage());
                continue;
            }
            if (OrthogonalisationStudy.appliesTo(table, target)) {
                try {
                    ortho.add(OrthogonalisationStudy.run(h, target, orthStep == null ? -1 : orthStep));
                } catch (StudyException e) {
                    throw refused("decode (orthogonalisation)", e);
                }
            }
        }
        err.flush();
        if (decoded.isEmpty() && !targets.isEmpty()) {
            throw new Cli.UserError("decode: none of the targets " + targets + " could be decoded (see above)");
        }
        written.addAll(StudyFiles.decoding(out, decoded));
        written.addAll(StudyFiles.orthogonalisation(out, ortho));
        if (OrthogonalisationStudy.comparisonAppliesTo(h)) {
            List<OrthogonalisationStudy.Comparison> compared;
            try {
                compared = OrthogonalisationStudy.compareAll(h, orthStep == null ? -1 : orthStep);
            } catch (StudyException e) {
                throw refused("decode (perceptual vs encoding orthogonalisation)", e);
            }
            written.addAll(StudyFiles.orthogonalisationComparison(out, compared));
        }
        if (OodStudy.appliesTo(table)) {
            OodStudy.Result ood;
            try {
                ood = OodStudy.run(h, OodStudy.defaultsFor(h));
            } catch (StudyException e) {
                throw refused("decode (OOD quadrant test)", e);
            }
            written.addAll(StudyFiles.ood(out, ood));
            spec.commandLine().getOut().printf(Locale.ROOT, "OOD quadrant test: mean r2 %.3f (in distribution %.3f)%n",
                    ood.ood().meanOod(), ood.ood().meanInDistribution());
        }
    }

    /** Whether an N-back analysis applies; when it was asked for by name and does not, says why. */
    private boolean nBack(HiddenStates h, Kind kind) {
        if (NBackSamples.appliesTo(h.conditions())) {
            return true;
        }
        if (!only.isEmpty()) {
            spec.commandLine().getErr().println(kind.key + ": skipped, the states are not an N-back task's (no "
                    + "task and category_p0.. columns)");
        }
        return false;
    }

    /** The cross-task settings: the study's defaults, then the flags given. */
    CrossTaskStudy.Settings crossTaskSettings(HiddenStates h) {
        CrossTaskStudy.Settings s = CrossTaskStudy.defaultsFor(h);
        if (crossTaskFeatures != null) {
            s = s.withFeatures(crossTaskFeatures);
        }
        // a classifier given with --decoder decodes the features too (ridge does not apply to class labels)
        DecodingStudy.Decoder d = decoder == null ? null : DecodingStudy.Decoder.parse(decoder);
        if (d == DecodingStudy.Decoder.LOGISTIC || d == DecodingStudy.Decoder.SVM) {
            s = s.withDecoder(d);
        }
        return decodeFolds != null ? s.withFolds(decodeFolds) : s;
    }

    private void crossTask(HiddenStates h) throws IOException {
        write("cross-task", () -> {
            CrossTaskStudy.Result r = CrossTaskStudy.run(h, crossTaskSettings(h));
            spec.commandLine().getOut().println("cross-task: " + r.summary());
            return StudyFiles.crossTask(out, r);
        });
    }

    /** The Procrustes settings: the study's defaults, then the flags given. */
    ProcrustesStudy.Settings procrustesSettings(HiddenStates h) {
        ProcrustesStudy.Settings s = ProcrustesStudy.defaultsFor(h);
        if (procrustesFeature != null) {
            s = s.withFeature(procrustesFeature);
        }
        return decodeFolds != null ? s.withFolds(decodeFolds) : s;
    }

    private void procrustes(HiddenStates h) throws IOException {
        write("procrustes", () -> {
            ProcrustesStudy.Result r = ProcrustesStudy.run(h, procrustesSettings(h));
            spec.commandLine().getOut().println("procrustes: " + r.summary());
            return StudyFiles.procrustes(out, r);
        });
    }
}
