package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.ProcrustesStudy;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * {@code nback}: Lei, Ito &amp; Bashivan's N-back on objects, vanilla, GRU and LSTM, on the nine tasks with a cue
 * (MTMF) and single-task controls (STSF), on the CNN features of the rendered objects: task subspace angles and
 * cross-time decoding, cross-task generalisation, relevant and irrelevant feature decoding, the orthogonalisation
 * index in the inputs and in the hidden states, and the Procrustes rotations across time.
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
        List<Studies> studies = new ArrayList<>();
        for (Subspaces s : subspaces) {
            c.log().accept("decoding studies of " + s.run().point().name());
            studies.add(Studies.of(s, c.log()));
        }
        for (String cell : mtmf.values(CELL)) {
            Studies st = studies.stream().filter(x -> x.net().run().axis(CELL).equals(cell)).findFirst().orElse(null);
            if (st == null) {
                continue;
            }
            String target = c.relative(st.net().run().run().run().dir());
            String of = " of the " + cell + " MTMF network, seed " + st.net().run().seed();
            if (st.cross() != null) {
                figs.add(ReportFigure.of("nback-" + cell + "-cross-task", "Cross-task generalisation" + of
                        + ": a decoder of each feature trained on one task's trials, tested on another's", target,
                        List.of(), new FigureData.CrossTask(st.net().run().run().trainedStep(), st.cross())));
                figs.add(ReportFigure.of("nback-" + cell + "-relevance", "Task-relevant and task-irrelevant feature "
                        + "decoding" + of, target, List.of(), new FigureData.Relevance(st.cross())));
            }
            if (st.orth() != null) {
                figs.add(ReportFigure.of("nback-" + cell + "-orthogonalisation", "Orthogonalisation index at the "
                        + "last step, perceptual (stimulus inputs) beside encoding (hidden states)" + of, target,
                        List.of(), new FigureData.Orthogonalisation(st.orth())));
            }
            if (st.procrustes() != null) {
                figs.add(ReportFigure.of("nback-" + cell + "-procrustes", "Procrustes rotations between successive "
                        + "time points and the swap test" + of, target, List.of(),
                        new FigureData.Procrustes(st.procrustes())));
            }
        }
        Findings.Builder b = new Findings.Builder();
        String left = mtmf.leftOut().isEmpty() && stsf.leftOut().isEmpty() ? "" : " Left out (not done): "
                + String.join("; ", mtmf.leftOut()) + (stsf.leftOut().isEmpty() ? "" : "; "
                + String.join("; ", stsf.leftOut())) + ".";
        b.section("Task subspaces and cross-time decoding", "The angles study groups the probe trials by task and "
                + "compares the top principal subspaces of every pair of tasks (mean principal angle; 90° is "
                + "orthogonal, 0° shared). Networks with a validation accuracy below " + LEARNED + " test no "
                + "claim. The decoding studies (cross-task generalisation, relevant and irrelevant features, the "
                + "orthogonalisation index at the last step in the stimulus inputs and in the hidden states, "
                + "Procrustes rotations across time with the swap test) run on the same probe states, as analyze "
                + "runs them." + left, List.of(angles, studiesTable(studies), controls), figs);
        b.claim(sharedSubspaces(subspaces));
        List<Studies> learned = studies.stream().filter(x -> x.net().learned()).toList();
        b.claim(irrelevantDecodable(learned));
        b.claim(lessOrthogonal(learned));
        b.claim(crossTask(learned));
        b.claim(chronological(learned));
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

    /** Above chance by at least this (accuracy) counts as decodable. */
    static final double DECODABLE = 0.1;
    /** A rotation "recovers" (and a code "moves") when the accuracy differs by at least this. */
    static final double MOVES = 0.05;

    /** The decoding studies of one multi-task network; a study that does not apply is null. */
    record Studies(Subspaces net, CrossTaskStudy.Result cross, List<OrthogonalisationStudy.Comparison> orth,
                   ProcrustesStudy.Result procrustes) {
        static Studies of(Subspaces s, java.util.function.Consumer<String> log) {
            HiddenStates h = s.states();
            String name = s.run().point().name();
            CrossTaskStudy.Result cross = null;
            List<OrthogonalisationStudy.Comparison> orth = null;
            ProcrustesStudy.Result proc = null;
            try {
                cross = CrossTaskStudy.run(h, CrossTaskStudy.defaultsFor(h));
            } catch (StudyException e) {
                log.accept(name + ": cross-task: " + e.getMessage());
            }
            try {
                orth = OrthogonalisationStudy.compareAll(h, -1);
            } catch (StudyException e) {
                log.accept(name + ": orthogonalisation: " + e.getMessage());
            }
            try {
                proc = ProcrustesStudy.run(h, ProcrustesStudy.defaultsFor(h));
            } catch (StudyException e) {
                log.accept(name + ": procrustes: " + e.getMessage());
            }
            return new Studies(s, cross, orth, proc);
        }

        /** Mean within-task accuracy minus chance of the relevant (true) or irrelevant task-feature pairs. */
        double aboveChance(boolean relevant) {
            return cross == null ? Double.NaN : cross.relevance().stream().filter(r -> r.relevant() == relevant)
                    .mapToDouble(r -> r.accuracy() - r.chance()).average().orElse(Double.NaN);
        }

        /** Mean off-diagonal (train on one task, test on another) accuracy minus chance, over the features. */
        double crossAboveChance() {
            if (cross == null) {
                return Double.NaN;
            }
            double sum = 0;
            int n = 0;
            int tasks = cross.tasks().size();
            for (CrossTaskStudy.FeatureMatrix m : cross.matrices()) {
                for (int a = 0; a < tasks; a++) {
                    for (int z = 0; z < tasks; z++) {
                        if (a != z && Double.isFinite(m.accuracy(a, z))) {
                            sum += m.accuracy(a, z) - m.chance();
                            n++;
                        }
                    }
                }
            }
            return n == 0 ? Double.NaN : sum / n;
        }

        /** Mean over the features of the perceptual minus the encoding orthogonalisation index. */
        double orthGap() {
            return orth == null ? Double.NaN : orth.stream().mapToDouble(c -> c.perceptual().index()
                    - c.encoding().index()).average().orElse(Double.NaN);
        }

        /**
         * The accuracy a decoder loses on the next time point's states without rotation: from encoding into memory
         * (lag 0, {@code memory} false) or within memory (lag &gt;= 1).
         */
        double drift(boolean memory) {
            return gain(memory, ProcrustesStudy.Pair::accuracyAtFrom);
        }

        /** What the item's own rotation gives back over no rotation, at lag 0 or within memory. */
        double recovered(boolean memory) {
            return gain(memory, ProcrustesStudy.Pair::own);
        }

        private double gain(boolean memory, java.util.function.ToDoubleFunction<ProcrustesStudy.Pair> column) {
            if (procrustes == null) {
                return Double.NaN;
            }
            return memory ? ProcrustesStudy.memoryMean(procrustes, column)
                    - ProcrustesStudy.memoryMean(procrustes, ProcrustesStudy.Pair::none)
                    : procrustes.mean(0, column) - procrustes.mean(0, ProcrustesStudy.Pair::none);
        }
    }

    static Table studiesTable(List<Studies> studies) {
        List<List<String>> rows = new ArrayList<>();
        for (Studies s : studies) {
            rows.add(List.of(s.net().run().point().name(), s.net().run().axis(CELL),
                    SweepRuns.format(s.aboveChance(true)), SweepRuns.format(s.aboveChance(false)),
                    SweepRuns.format(s.crossAboveChance()), SweepRuns.format(s.orthGap()),
                    SweepRuns.format(s.drift(false)), SweepRuns.format(s.recovered(false)),
                    SweepRuns.format(s.drift(true)), SweepRuns.format(s.recovered(true))));
        }
        return new Table("Multi-task networks (MTMF), decoding studies: accuracy above chance of relevant and "
                + "irrelevant features within each task and across tasks; perceptual minus encoding "
                + "orthogonalisation index; from encoding into memory and within memory, the accuracy a decoder loses "
                + "on the next time point's states and what the item's own rotation gives back",
                List.of("run", "cell", "relevant", "irrelevant", "across tasks", "orthogonalisation gap",
                        "encoding to memory: loss", "encoding to memory: gain by rotation", "in memory: loss",
                        "in memory: gain by rotation"), rows);
    }

    /** The values of {@code f} over the networks where it is defined. */
    private static double[] values(List<Studies> s, java.util.function.ToDoubleFunction<Studies> f) {
        return s.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElse(Double.NaN);
    }

    /** Null when the claim can be tested: some network learned and the study applied to one. */
    private static Claim untested(String statement, int learned, double[] values, String study) {
        if (learned == 0) {
            return new Claim(PAPER, statement, "no multi-task network learned the tasks at this scale (validation "
                    + "accuracy below " + LEARNED + ")", Verdict.NOT_TESTED_AT_SCALE);
        }
        return values.length == 0 ? new Claim(PAPER, statement, "the " + study + " did not apply to any learned "
                + "network", Verdict.NOT_TESTED_AT_SCALE) : null;
    }

    static Claim irrelevantDecodable(List<Studies> learned) {
        return irrelevantDecodable(learned.size(), values(learned, x -> x.aboveChance(false)),
                values(learned, x -> x.aboveChance(true)));
    }

    /**
     * Irrelevant features decodable: their within-task accuracy, mean over the networks, is above chance by at
     * least {@link #DECODABLE}.
     *
     * @param learned    the networks that learned the tasks
     * @param irrelevant per network, the irrelevant features' accuracy minus chance
     * @param relevant   per network, the relevant features' accuracy minus chance
     */
    static Claim irrelevantDecodable(int learned, double[] irrelevant, double[] relevant) {
        String statement = "Multi-task networks keep task-irrelevant features decodable";
        Claim u = untested(statement, learned, irrelevant, "cross-task decoding study");
        if (u != null) {
            return u;
        }
        double irr = mean(irrelevant);
        String here = String.format(Locale.ROOT, "within-task accuracy above chance, mean over %d learned "
                + "network(s): irrelevant features %+.2f, relevant %+.2f", irrelevant.length, irr, mean(relevant));
        return Claim.judged(PAPER, statement, here, irr >= DECODABLE, String.format(Locale.ROOT, ": the irrelevant "
                + "features are less than %.2f above chance", DECODABLE));
    }

    static Claim lessOrthogonal(List<Studies> learned) {
        return lessOrthogonal(learned.size(), values(learned, Studies::orthGap));
    }

    /**
     * The perceptual index exceeds the encoding index on the mean over the networks.
     *
     * @param gap per network, the perceptual minus the encoding index, mean over the features
     */
    static Claim lessOrthogonal(int learned, double[] gap) {
        String statement = "Features are less orthogonal in the RNN's encoding space than in the perceptual space "
                + "of its inputs";
        Claim u = untested(statement, learned, gap, "orthogonalisation comparison");
        if (u != null) {
            return u;
        }
        double g = mean(gap);
        String here = String.format(Locale.ROOT, "perceptual minus encoding orthogonalisation index at the last "
                + "step, mean over the features and %d learned network(s): %+.3f", gap.length, g);
        return Claim.judged(PAPER, statement, here, g > 0, ": the hidden states are not less orthogonal");
    }

    static Claim crossTask(List<Studies> learned) {
        return crossTask(learned.size(), values(learned, Studies::crossAboveChance));
    }

    /**
     * A decoder trained on one task's trials scores above chance by {@link #DECODABLE} on another's.
     *
     * @param above per network, the off-diagonal accuracy minus chance, mean over features and task pairs
     */
    static Claim crossTask(int learned, double[] above) {
        String statement = "A decoder of a feature generalises across tasks";
        Claim u = untested(statement, learned, above, "cross-task decoding study");
        if (u != null) {
            return u;
        }
        double x = mean(above);
        String here = String.format(Locale.ROOT, "accuracy above chance of a decoder tested on another task's "
                + "trials, mean over the features, task pairs and %d learned network(s): %+.2f", above.length, x);
        return Claim.judged(PAPER, statement, here, x >= DECODABLE, String.format(Locale.ROOT, ": less than %.2f "
                + "above chance", DECODABLE));
    }

    static Claim chronological(List<Studies> learned) {
        List<Studies> with = learned.stream().filter(x -> Double.isFinite(x.drift(false))
                && Double.isFinite(x.recovered(false))).toList();
        List<Studies> mem = learned.stream().filter(x -> Double.isFinite(x.drift(true))
                && Double.isFinite(x.recovered(true))).toList();
        return chronological(learned.size(), values(with, x -> x.drift(false)), values(with, x -> x.recovered(false)),
                values(mem, x -> x.drift(true)), values(mem, x -> x.recovered(true)));
    }

    /**
     * From the encoding subspace into memory (the paper's comparison, Fig. 4) the item's code moves (a decoder
     * loses at least {@link #MOVES} on the next time point's states) and the item's own rotation gives at least
     * {@link #MOVES} back, on the means over the networks; the same numbers within memory (lag &gt;= 1) are
     * reported beside them.
     *
     * @param drift        per network, the accuracy lost without rotation, encoding to memory
     * @param recovered    per network, what the item's own rotation gives back, encoding to memory
     * @param memDrift     the same within memory (may be empty)
     * @param memRecovered the same within memory
     */
    static Claim chronological(int learned, double[] drift, double[] recovered, double[] memDrift,
                               double[] memRecovered) {
        String statement = "The memory of each item moves through time-specific (chronological) subspaces, linked "
                + "by rotations";
        Claim u = untested(statement, learned, drift, "Procrustes study");
        if (u != null) {
            return u;
        }
        double d = mean(drift);
        double back = mean(recovered);
        String here = String.format(Locale.ROOT, "from encoding into memory, mean over %d learned network(s): a "
                + "decoder loses %.2f accuracy on the next time point's states, and the item's own Procrustes "
                + "rotation gives %+.2f back", drift.length, d, back)
                + (memDrift.length == 0 ? "" : String.format(Locale.ROOT, " (within memory: loses %.2f, the rotation "
                + "gives %+.2f back)", mean(memDrift), mean(memRecovered)));
        return Claim.judged(PAPER, statement, here, d >= MOVES && back >= MOVES, String.format(Locale.ROOT,
                ": %s below %.2f", d < MOVES ? "the loss is" : "the gain is", MOVES));
    }
}
