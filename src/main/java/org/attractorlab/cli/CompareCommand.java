package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.similarity.SharedStates;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.study.AlignedPairStudy;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.SimilarityStudy;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.study.StudyFiles;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepException;
import org.attractorlab.core.sweep.SweepNetworks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Compares trained networks of one task on the same probe trials: two runs, their linear CKA and Procrustes
 * distance; N runs or a sweep, the degeneracy study's distance matrices at the levels asked for.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run trained networks of the same task on the same probe trials (the first run's probe batch)",
                "and compare them.",
                "Two runs: linear CKA and the Procrustes shape distance of their hidden states (--out FILE.csv also "
                        + "writes them).",
                "N runs or one sweep directory (its done runs; the others are left out and listed), or two runs with "
                        + "--out DIR or any degeneracy option: the degeneracy study, one N x N distance matrix per "
                        + "level (behaviour, dynamics by DSA, representation by 1 - CKA, Procrustes and RDMs, weights after "
                        + "matching units), the degeneracy score (mean pairwise distance and its spread) and a 2D MDS "
                        + "embedding, written to --out DIR as distances_<level>.npy, mds_<level>.csv, networks.csv "
                        + "and degeneracy.csv.",
                "Two runs with --aligned-pca --out DIR: B's probe trajectories carried into A's PCA basis by "
                        + "orthogonal Procrustes, as the Population tab shows a clicked cell, written to "
                        + "DIR/aligned_pca.npz and DIR/aligned_pca_conditions.csv."})
public final class CompareCommand implements Callable<Integer> {
    /** Probe trials of the two-run comparison. */
    static final int PAIR_TRIALS = 256;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "run directories (at least two), or one sweep "
            + "directory")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--trials", description = "probe trials (default: " + PAIR_TRIALS + " for two runs, "
            + Probe.TRIALS + " for the degeneracy study)")
    Integer trials;

    @Option(names = "--window", paramLabel = "FROM:TO", description = "two runs: time steps [FROM, TO) compared "
            + "(default: all)")
    String window;

    @Option(names = "--out", paramLabel = "DIR|FILE.csv", description = "the degeneracy study's output directory; "
            + "for two runs a FILE.csv gets the two scores instead")
    Path out;

    @Option(names = "--force", description = "write into a non-empty --out DIR")
    boolean force;

    @Option(names = "--levels", split = ",", paramLabel = "LEVELS", description = "levels of the degeneracy study: "
            + "behaviour,dynamics,representation,weights (default: all)")
    List<String> levels = new ArrayList<>();

    @Option(names = "--group-by", paramLabel = "AXIS", description = "also one score per value of a sweep axis or "
            + "config key, e.g. model.hidden_size")
    String groupBy;

    @Option(names = "--ood-set", paramLabel = "KEY=VALUE", description = "a task key of the out-of-distribution batch "
            + "of the second behaviour matrix, e.g. task.trial_steps=200 (repeatable)")
    List<String> oodSet = new ArrayList<>();

    @Option(names = "--max-val-loss", paramLabel = "LOSS", description = "a sweep: compare only the runs that fitted "
            + "their task, whose validation loss is below LOSS (e.g. 0.1); the others are left out and listed")
    Double maxValLoss;

    @Option(names = "--unit-cost", paramLabel = "COST", description = "how units are matched at the weight level: "
            + "squared (squared distance of their activity, the default) or correlation (1 - correlation)")
    String unitCost;

    @Option(names = "--aligned-pca", description = "two runs: align the second run's trajectories to the first's "
            + "PCA basis (orthogonal Procrustes in the top-k PC spaces, k the smaller size) and write them to --out DIR "
            + "(probe trials: " + Probe.TRIALS + " unless --trials)")
    boolean alignedPca;

    @Override
    public Integer call() throws IOException {
        boolean sweep = false;
        for (Path p : inputs) {
            if (SweepDirectory.isSweep(p)) {
                sweep = true;
                if (inputs.size() > 1) {
                    throw new Cli.UserError(p + " is a sweep directory; give one sweep directory or run directories, "
                            + "not both");
                }
            }
        }
        boolean degeneracyOptions = !levels.isEmpty() || groupBy != null || !oodSet.isEmpty() || unitCost != null;
        if (alignedPca) {
            return alignedPair(sweep, degeneracyOptions);
        }
        boolean csvOut = out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        if (!sweep && inputs.size() == 2 && !degeneracyOptions && (out == null || csvOut)) {
            return pair(inputs.get(0), inputs.get(1));
        }
        if (window != null) {
            throw new Cli.UserError("--window applies to the comparison of two runs; the degeneracy study uses all "
                    + "steps");
        }
        if (csvOut) {
            throw new Cli.UserError("--out = '" + out + "' is not allowed here: the degeneracy study writes a "
                    + "directory (--out DIR); FILE.csv is for the comparison of two runs");
        }
        return degeneracy(sweep);
    }

    // ------------------------------------------------------------------------------------------- two runs

    private int pair(Path runA, Path runB) throws IOException {
        Experiment a = load(runA);
        Experiment b = load(runB);
        if (!a.config().taskName().equals(b.config().taskName()) || a.task().inputSize() != b.task().inputSize()
                || a.task().steps() != b.task().steps()) {
            throw new Cli.UserError("the runs solve different tasks (" + a.config().taskName() + " vs "
                    + b.config().taskName() + "); compare networks of the same task");
        }
        int n = trials == null ? PAIR_TRIALS : trials;
        var probe = Probe.batch(a, n);
        HiddenStates ha = Probe.states(a.network(), probe);
        HiddenStates hb = Probe.states(b.network(), probe);
        SimilarityStudy.Settings defaults = SimilarityStudy.defaultsFor(ha);
        int[] w = StepWindow.parse("--window", window, ha.steps(),
                new int[]{defaults.fromStep(), defaults.toStep()});
        SimilarityStudy.Result r;
        try {
            r = SimilarityStudy.run(ha, hb, defaults.withWindow(w[0], w[1]));
        } catch (StudyException e) {
            throw new Cli.UserError("compare: " + e.getMessage(), e);
        }
        int from = r.settings().fromStep();
        int to = r.settings().toStep();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "linear CKA            %.4f%n", r.cka());
        o.printf(Locale.ROOT, "Procrustes distance   %.4f (angle %.4f rad)%n", r.procrustes(), r.angle());
        if (out != null) {
            Csv.write(out, List.of("run_a", "run_b", "trials", "from_step", "to_step", "linear_cka",
                    "procrustes_distance", "procrustes_angle"), List.of(List.of(runA.toString(), runB.toString(),
                    n, from, to, r.cka(), r.procrustes(), r.angle())));
            o.println("Wrote " + out);
        }
        return 0;
    }

    private int alignedPair(boolean sweep, boolean degeneracyOptions) throws IOException {
        if (sweep || inputs.size() != 2) {
            throw new Cli.UserError("--aligned-pca aligns two runs: give two run directories (of a sweep: "
                    + "SWEEP/" + SweepDirectory.RUNS_DIR + "/NNNN-...), got " + inputs.size() + " "
                    + (sweep ? "sweep directory" : "paths"));
        }
        if (degeneracyOptions || window != null) {
            throw new Cli.UserError("--aligned-pca takes --trials and --out only; --levels, --group-by, --ood-set, "
                    + "--unit-cost and --window are options of the other comparisons");
        }
        if (out == null) {
            throw new Cli.UserError("--aligned-pca needs --out DIR, where aligned_pca.npz is written");
        }
        DegeneracyStudy.Member a = new DegeneracyStudy.Member(name(inputs.get(0)),
                AnalyzeCommand.load(inputs.get(0), null), java.util.Map.of());
        DegeneracyStudy.Member b = new DegeneracyStudy.Member(name(inputs.get(1)),
                AnalyzeCommand.load(inputs.get(1), null), java.util.Map.of());
        AlignedPairStudy.Result r;
        try {
            AlignedPairStudy.Settings s = AlignedPairStudy.defaultsFor(a, b);
            r = AlignedPairStudy.run(a, b, trials == null ? s : s.withTrials(trials));
        } catch (StudyException e) {
            throw new Cli.UserError("compare: " + e.getMessage(), e);
        }
        prepareOut();
        PrintWriter o = spec.commandLine().getOut();
        o.println(r.summary());
        o.println("Wrote:");
        for (Path p : StudyFiles.alignedPair(out, r)) {
            o.println("  " + p);
        }
        return 0;
    }

    private static Experiment load(Path dir) throws IOException {
        return AnalyzeCommand.load(dir, null).experiment();
    }

    // ------------------------------------------------------------------------------------------ many runs

    private int degeneracy(boolean sweep) throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        List<DegeneracyStudy.Member> members = new ArrayList<>();
        if (sweep) {
            SweepNetworks.Selection sel;
            try {
                sel = SweepNetworks.open(SweepDirectory.open(inputs.get(0)), maxValLoss);
            } catch (SweepException e) {
                throw new Cli.UserError(e.getMessage(), e);
            }
            members.addAll(sel.members());
            if (!sel.leftOut().isEmpty()) {
                o.println(sel.leftOutSummary() + ":");
                for (SweepNetworks.LeftOut l : sel.leftOut()) {
                    o.println("  " + l.describe());
                }
            }
        } else {
            for (Path p : inputs) {
                members.add(new DegeneracyStudy.Member(name(p), AnalyzeCommand.load(p, null), java.util.Map.of()));
            }
        }
        DegeneracyStudy.Settings s;
        DegeneracyStudy.Result r;
        try {
            s = settings(members);
            if (out != null) {
                prepareOut();
            }
            r = DegeneracyStudy.run(members, s);
        } catch (StudyException e) {
            throw new Cli.UserError("compare: " + e.getMessage(), e);
        }
        print(o, r);
        if (out != null) {
            List<Path> written = StudyFiles.degeneracy(out, r);
            o.println("Wrote:");
            for (Path p : written) {
                o.println("  " + p);
            }
        }
        return 0;
    }

    /** A run's name in the tables: its directory's name (the path as given if that is empty). */
    private static String name(Path p) {
        Path f = p.toAbsolutePath().normalize().getFileName();
        return f == null ? p.toString() : f.toString();
    }

    private DegeneracyStudy.Settings settings(List<DegeneracyStudy.Member> members) {
        DegeneracyStudy.Settings s = DegeneracyStudy.defaultsFor(members);
        if (!levels.isEmpty()) {
            Set<DegeneracyStudy.Level> chosen = EnumSet.noneOf(DegeneracyStudy.Level.class);
            for (String l : levels) {
                DegeneracyStudy.Level level = DegeneracyStudy.Level.byKey(l.trim());
                if (level == null) {
                    throw new Cli.UserError("--levels = '" + String.join(",", levels) + "' is not allowed: '" + l
                            + "' is not a level; use " + DegeneracyStudy.Level.keys());
                }
                chosen.add(level);
            }
            s = s.withLevels(chosen);
        }
        if (unitCost != null) {
            SharedStates.UnitCost c = SharedStates.UnitCost.byKey(unitCost);
            if (c == null) {
                throw new Cli.UserError("--unit-cost = '" + unitCost + "' is not allowed: use squared or correlation");
            }
            s = s.withUnitCost(c);
        }
        if (trials != null) {
            s = s.withTrials(trials);
        }
        return s.withOod(oodSet).withGroupBy(groupBy);
    }

    private void prepareOut() throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new Cli.UserError("--out = '" + out + "' is a file; give a directory");
        }
        if (Files.isDirectory(out) && !force) {
            try (var st = Files.list(out)) {
                if (st.findAny().isPresent()) {
                    throw new Cli.UserError("output directory " + out + " is not empty; use --force to overwrite "
                            + "results");
                }
            }
        }
        Files.createDirectories(out);
    }

    private static void print(PrintWriter o, DegeneracyStudy.Result r) {
        o.println(r.names().size() + " networks: " + String.join(", ", r.names()));
        String groupBy = r.settings().groupBy();
        o.printf(Locale.ROOT, "%-28s %-12s %10s %10s %4s %6s%n", "level", groupBy == null ? "" : groupBy, "score",
                "spread", "n", "pairs");
        for (DegeneracyStudy.MeasureResult m : r.measures()) {
            row(o, m.measure().key(), groupBy == null ? "" : "all", m.score());
        }
        for (DegeneracyStudy.GroupScore g : r.groupScore()) {
            row(o, g.measure().key(), g.group(), g.score());
        }
    }

    private static void row(PrintWriter o, String level, String group, DegeneracyStudy.Score s) {
        o.printf(Locale.ROOT, "%-28s %-12s %10.4f %10.4f %4d %6d%n", level, group, s.mean(), s.spread(), s.networks(),
                s.pairs());
    }
}
