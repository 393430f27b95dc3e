package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * {@code nback}: Lei, Ito &amp; Bashivan's N-back on objects, vanilla, GRU and LSTM, on the nine tasks with a cue
 * (MTMF) and single-task controls (STSF), on the CNN features of the rendered objects: task subspace angles and
 * cross-time decoding, what exists today; the paper's other analyses are claim rows not tested yet.
 */
final class NBackReproducer implements Reproducer {
    static final String PAPER = "Lei, Ito & Bashivan 2024";
    static final String MTMF = "mtmf";
    static final String STSF = "stsf";
    static final String CELL = "model.cell";
    /** A network has learned its tasks when its validation accuracy is at least this. */
    static final double LEARNED = 0.8;
    /** Decoded across time: the category of the trial's first stimulus, held in memory while the others come. */
    static final String MEMORY_TARGET = "category_p0";

    /** One multi-task network's task subspaces. */
    record Subspaces(SweepRuns.Done run, HiddenStates states, AnglesStudy.Result angles, double meanAngle) {
        boolean learned() {
            return run.summary("validation_accuracy") >= LEARNED;
        }
    }

    @Override
    public Findings analyse(Context c) throws IOException {
        SweepRuns mtmf = SweepRuns.of(c.sweep(MTMF));
        SweepRuns stsf = SweepRuns.of(c.sweep(STSF));
        List<Subspaces> subspaces = new ArrayList<>();
        for (SweepRuns.Done d : mtmf.done()) {
            c.log().accept("task subspaces of " + d.point().name());
            HiddenStates h = Probe.states(d.run(), Probe.TRIALS, false);
            AnglesStudy.Settings s = AnglesStudy.defaultsFor(h);
            if (s.groupColumn() == null) {
                continue;
            }
            AnglesStudy.Result a;
            try {
                a = AnglesStudy.run(h, s);
            } catch (StudyException e) {
                c.log().accept(d.point().name() + ": angles: " + e.getMessage());
                continue;
            }
            int n = a.angles().groupCount();
            double sum = 0;
            int pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    sum += a.meanDegrees(i, j);
                    pairs++;
                }
            }
            subspaces.add(new Subspaces(d, h, a, pairs == 0 ? Double.NaN : sum / pairs));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Subspaces s : subspaces) {
            rows.add(List.of(s.run().point().name(), s.run().axis(CELL), Long.toString(s.run().seed()),
                    SweepRuns.format(s.run().summary("validation_accuracy")),
                    s.angles().settings().groupColumn() + " (" + s.angles().angles().groupCount() + " groups, k = "
                            + s.angles().settings().k() + ")", SweepRuns.format(s.meanAngle())));
        }
        Table angles = new Table("Multi-task networks (MTMF): mean principal angle between the task subspaces, "
                + "degrees", List.of("run", "cell", "seed", "validation accuracy", "grouped by", "mean angle"), rows);
        List<List<String>> ctl = new ArrayList<>();
        for (SweepRuns.Done d : stsf.done()) {
            ctl.add(List.of(d.point().name(), d.axis(CELL), SweepRuns.describe(d.point().axes()),
                    SweepRuns.format(d.summary("validation_accuracy"))));
        }
        Table controls = new Table("Single-task controls (STSF): validation accuracy", List.of("run", "cell", "axes",
                "validation accuracy"), ctl);
        List<ReportFigure> figs = new ArrayList<>();
        for (String cell : mtmf.values(CELL)) {
            Subspaces s = subspaces.stream().filter(x -> x.run().axis(CELL).equals(cell)).findFirst().orElse(null);
            if (s == null) {
                continue;
            }
            String target = c.relative(s.run().run().run().dir());
            int step = s.run().run().trainedStep();
            figs.add(ReportFigure.of("nback-" + cell + "-angles", "Task subspace angles of the " + cell + " MTMF "
                    + "network, seed " + s.run().seed(), target, List.of(), new FigureData.Angles(step, s.states(),
                    s.angles())));
            boolean memory = s.states().conditions().has(MEMORY_TARGET);
            DecodingStudy.Settings ds = memory ? DecodingStudy.defaultsFor(s.states(), MEMORY_TARGET)
                    : DecodingStudy.defaultsFor(s.states());
            if (ds.target() != null) {
                try {
                    figs.add(ReportFigure.of("nback-" + cell + "-decoding", "Cross-time decoding of " + ds.target()
                                    + " by the " + cell + " MTMF network, seed " + s.run().seed() + " (train at one step, test at "
                                    + "every step)", target, memory ? List.of("--decode-target", MEMORY_TARGET)
                                    : List.of(),
                            new FigureData.Decoding(step, s.states(), DecodingStudy.run(s.states(), ds), null)));
                } catch (StudyException e) {
                    c.log().accept(s.run().point().name() + ": decoding: " + e.getMessage());
                }
            }
        }
        Findings.Builder b = new Findings.Builder();
        String left = mtmf.leftOut().isEmpty() && stsf.leftOut().isEmpty() ? "" : " Left out (not done): "
                + String.join("; ", mtmf.leftOut()) + (stsf.leftOut().isEmpty() ? "" : "; "
                + String.join("; ", stsf.leftOut())) + ".";
        b.section("Task subspaces and cross-time decoding", "The angles study groups the probe trials by task and "
                + "compares the top principal subspaces of every pair of tasks (mean principal angle; 90° is "
                + "orthogonal, 0° shared). Networks with a validation accuracy below " + LEARNED + " test no "
                + "claim." + left, List.of(angles, controls), figs);
        b.claim(sharedSubspaces(subspaces));
        b.claim(Claim.notTestedYet(PAPER, "Multi-task networks keep task-irrelevant features decodable",
                "relevant/irrelevant feature decoding per task"));
        b.claim(Claim.notTestedYet(PAPER, "Features are less orthogonal in the RNN's encoding space than in the "
                + "CNN's perceptual space", "the orthogonalisation index at a chosen step, perceptual (CNN) against "
                + "encoding (RNN)"));
        b.claim(Claim.notTestedYet(PAPER, "A decoder of a feature generalises across tasks that share it",
                "cross-task decoding (train on task A's trials, test on B's)"));
        b.claim(Claim.notTestedYet(PAPER, "The memory of each item moves through time-specific (chronological) "
                + "subspaces, linked by rotations", "orthogonal Procrustes rotations between successive time "
                + "points and the swap test"));
        return b.build();
    }

    /** Vanilla RNNs share task subspaces (smaller angles) while GRU and LSTM form task-specific ones. */
    static Claim sharedSubspaces(List<Subspaces> subspaces) {
        String statement = "Vanilla RNNs share subspaces across tasks, while GRU and LSTM networks form task-specific "
                + "ones";
        Map<String, double[]> byCell = new LinkedHashMap<>();
        for (String cell : List.of("vanilla", "gru", "lstm")) {
            byCell.put(cell, subspaces.stream().filter(s -> s.run().axis(CELL).equals(cell) && s.learned())
                    .mapToDouble(Subspaces::meanAngle).toArray());
        }
        List<String> missing = new ArrayList<>();
        byCell.forEach((k, v) -> {
            if (v.length == 0) {
                missing.add(k);
            }
        });
        if (!missing.isEmpty()) {
            return new Claim(PAPER, statement, "no " + String.join(", ", missing) + " network learned the tasks at "
                    + "this scale (validation accuracy below " + LEARNED + ")", Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> parts = new ArrayList<>();
        byCell.forEach((k, v) -> parts.add(k + " " + SweepRuns.meanSe(v)));
        double vanilla = SweepSummary.meanAndSe(byCell.get("vanilla"))[0];
        double gru = SweepSummary.meanAndSe(byCell.get("gru"))[0];
        double lstm = SweepSummary.meanAndSe(byCell.get("lstm"))[0];
        String here = "mean angle between task subspaces, degrees: " + String.join("; ", parts);
        if (vanilla < gru && vanilla < lstm) {
            return new Claim(PAPER, statement, here + String.format(Locale.ROOT, "; the vanilla networks' subspaces "
                    + "are the closest (%.1f° against %.1f° and %.1f°)", vanilla, gru, lstm), Verdict.AGREES);
        }
        return new Claim(PAPER, statement, here + "; it differs: the vanilla networks' task subspaces are not closer "
                + "together than both gated networks'", Verdict.DIFFERS);
    }
}
