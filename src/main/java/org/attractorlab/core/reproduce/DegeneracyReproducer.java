package org.attractorlab.core.reproduce;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.study.StudyException;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepNetworks;

/**
 * {@code degeneracy}: Huang, Singh, Martinelli &amp; Rajan's degeneracy of task-trained networks: for four tasks,
 * networks of several sizes and seeds (and, at full scale, L2 and low-rank networks), the degeneracy study at its
 * four levels, one score per size.
 */
final class DegeneracyReproducer implements Reproducer {
    static final String PAPER = "Huang, Singh, Martinelli & Rajan 2025";
    static final String SIZE = "model.hidden_size";
    /** The regularisation axes a sweep may have at full scale. */
    static final List<String> REGULARISERS = List.of("training.l2_weight", "model.rank");
    /** The matrices the report draws and tests, one per level. */
    static final List<DegeneracyStudy.Measure> MEASURES = List.of(DegeneracyStudy.Measure.BEHAVIOUR,
            DegeneracyStudy.Measure.DYNAMICS, DegeneracyStudy.Measure.REPRESENTATION_CKA,
            DegeneracyStudy.Measure.WEIGHTS);

    /**
     * A network whose validation loss is at least this did not fit its task (chance is about 1 for these tasks'
     * unit-scale targets; the networks that learn reach 1e-5 to 1e-2). The paper compares trained networks, and an
     * unfitted network's outputs and states differ from the fitted ones' by construction, so from the quick scale on
     * the study compares the fitted networks only ({@code export --max-val-loss} draws the same figures); the report
     * counts the others per size. At the tiny scale, whose networks do not learn, every network is compared (the
     * pipeline is what it checks).
     */
    static final double UNFIT_LOSS = 0.1;

    /** One task's study grouped by size. */
    record TaskStudy(String sweep, DegeneracyStudy.Result bySize, Map<String, DegeneracyStudy.Result> byRegulariser) {
    }

    @Override
    public Findings analyse(Context c) {
        List<TaskStudy> studies = new ArrayList<>();
        List<ReportFigure> figs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Double bound = fittedOnly(c.scale()) ? UNFIT_LOSS : null;
        for (var e : c.sweeps().entrySet()) {
            SweepDirectory sweep = e.getValue();
            SweepNetworks.Selection sel = SweepNetworks.open(sweep, bound);
            sel.leftOut().stream().filter(l -> !l.unfitted())
                    .forEach(l -> notes.add(e.getKey() + ": left out " + l.describe()));
            if (sel.members().size() < 2) {
                notes.add(e.getKey() + ": fewer than two " + (bound == null ? "done" : "fitted")
                        + " networks, no study");
                continue;
            }
            c.log().accept("degeneracy of " + e.getKey() + " (" + sel.members().size() + " networks)");
            DegeneracyStudy.Result bySize;
            try {
                bySize = DegeneracyStudy.run(sel.members(), DegeneracyStudy.defaultsFor(sel.members())
                        .withGroupBy(SIZE));
            } catch (StudyException ex) {
                notes.add(e.getKey() + ": " + ex.getMessage());
                continue;
            }
            Map<String, DegeneracyStudy.Result> byReg = new java.util.LinkedHashMap<>();
            List<String> axes = sweep.plan().spec().axisNames();
            for (String reg : REGULARISERS) {
                if (!axes.contains(reg)) {
                    continue;
                }
                try {
                    // the size study's matrices, scored per value of the regulariser: nothing is compared twice
                    byReg.put(reg, DegeneracyStudy.regroup(bySize, sel.members(), reg, EnumSet.of(
                            DegeneracyStudy.Level.BEHAVIOUR, DegeneracyStudy.Level.DYNAMICS,
                            DegeneracyStudy.Level.REPRESENTATION)));
                } catch (StudyException ex) {
                    notes.add(e.getKey() + ", grouped by " + reg + ": " + ex.getMessage());
                }
            }
            studies.add(new TaskStudy(e.getKey(), bySize, byReg));
            for (DegeneracyStudy.Measure m : MEASURES) {
                if (bySize.measure(m) == null) {
                    continue;
                }
                figs.add(ReportFigure.of("degeneracy-" + e.getKey() + "-" + m.level().key(), "Degeneracy of the "
                                + e.getKey() + " networks at the " + m.level().key() + " level (" + m.description()
                                + "): distances, MDS coloured by size, score per size"
                                + (bound == null ? "" : ", of the networks that fitted"), c.relative(sweep.dir()),
                        exportArgs(m, bound),
                        new FigureData.Degeneracy(bySize, m, SIZE)));
            }
        }
        List<String> sizes = new ArrayList<>();
        for (TaskStudy t : studies) {
            for (String g : t.bySize().groupValues()) {
                if (!sizes.contains(g)) {
                    sizes.add(g);
                }
            }
        }
        sizes.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
        List<String> header = new ArrayList<>(List.of("task", "level (matrix)"));
        sizes.forEach(s -> header.add("H = " + s));
        header.add("all");
        List<List<String>> rows = new ArrayList<>();
        for (TaskStudy t : studies) {
            for (DegeneracyStudy.Measure m : MEASURES) {
                if (t.bySize().measure(m) == null) {
                    continue;
                }
                List<String> row = new ArrayList<>(List.of(t.sweep(), m.level().key() + " (" + m.key() + ")"));
                for (String s : sizes) {
                    row.add(cell(score(t.bySize(), m, s)));
                }
                row.add(cell(t.bySize().measure(m).score()));
                rows.add(row);
            }
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Degeneracy score (mean pairwise distance ± its spread over the pairs; n networks) per "
                + "network size, " + (bound == null ? "of every done network" : "of the networks that fitted their "
                + "task (validation loss < " + UNFIT_LOSS + ")"), header, rows));
        int[] unfit = new int[2];
        tables.add(unfitTable(c, sizes, unfit));
        if (unfit[0] > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d done networks did not fit their task (validation loss >= "
                    + "%s, counted per size in the table below the scores); %s", unfit[0], unfit[1], UNFIT_LOSS,
                    bound == null ? "at this scale they are compared like the others" : "they are left out of the "
                    + "comparison, and a size with fewer than two fitted networks has no score"));
        }
        for (TaskStudy t : studies) {
            t.byRegulariser().forEach((axis, r) -> {
                List<String> h = new ArrayList<>(List.of("task", "level (matrix)"));
                r.groupValues().forEach(g -> h.add(axis + " = " + g));
                List<List<String>> rr = new ArrayList<>();
                for (DegeneracyStudy.MeasureResult mr : r.measures()) {
                    List<String> row = new ArrayList<>(List.of(t.sweep(), mr.measure().level().key() + " ("
                            + mr.measure().key() + ")"));
                    for (String g : r.groupValues()) {
                        row.add(cell(score(r, mr.measure(), g)));
                    }
                    rr.add(row);
                }
                tables.add(new Table("Degeneracy score per value of " + axis + " (" + t.sweep() + ")", h, rr));
            });
        }
        Findings.Builder b = new Findings.Builder();
        b.section("Degeneracy against network size", "For each task, every done network runs on one shared probe "
                + "batch; the degeneracy study compares every pair at four levels (behaviour: outputs; dynamics: "
                + "DSA; representation: 1 - linear CKA; weights: recurrent weights after matching units) and scores "
                + "each size by the mean distance over its pairs." + (notes.isEmpty() ? "" : " Notes: "
                + String.join("; ", notes) + "."), tables, figs);
        b.claim(largerLessDegenerate(studies, c.scale()));
        b.claim(regularisation(studies, c.scale()));
        return b.build();
    }

    /**
     * Per task and size, the done networks whose validation loss is at least {@link #UNFIT_LOSS}, of the done ones;
     * {@code counts} gets the totals over all tasks (unfit, done).
     */
    private static Table unfitTable(Context c, List<String> sizes, int[] counts) {
        List<String> header = new ArrayList<>(List.of("task"));
        sizes.forEach(s -> header.add("H = " + s));
        List<List<String>> rows = new ArrayList<>();
        for (var e : c.sweeps().entrySet()) {
            SweepDirectory sweep = e.getValue();
            Map<String, int[]> bySize = new java.util.HashMap<>();
            for (var p : sweep.plan().points()) {
                var r = sweep.record(p);
                if (sweep.state(p, r) != SweepDirectory.RunState.DONE) {
                    continue;
                }
                int[] n = bySize.computeIfAbsent(p.axes().getOrDefault(SIZE, ""), k -> new int[2]);
                boolean bad = !SweepNetworks.fitted(r, UNFIT_LOSS);
                n[0] += bad ? 1 : 0;
                n[1]++;
                counts[0] += bad ? 1 : 0;
                counts[1]++;
            }
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            for (String s : sizes) {
                int[] n = bySize.get(s);
                row.add(n == null ? "" : n[0] + " of " + n[1]);
            }
            rows.add(row);
        }
        return new Table("Networks that did not fit their task (validation loss >= " + UNFIT_LOSS + "), per size",
                header, rows);
    }

    /** Whether the scale compares the fitted networks only: every scale whose networks are trained to learn. */
    static boolean fittedOnly(Scale scale) {
        return scale != Scale.TINY;
    }

    /** The export options that draw a level's figure as the report does. */
    static List<String> exportArgs(DegeneracyStudy.Measure m, Double bound) {
        List<String> args = new ArrayList<>(List.of("--level", m.key(), "--group-by", SIZE));
        if (bound != null) {
            args.addAll(List.of("--max-val-loss", SweepNetworks.bound(bound)));
        }
        return List.copyOf(args);
    }

    /** "0.123 ± 0.045 (n = 5)"; "(n = 1)" for a group without pairs; empty for none. */
    private static String cell(DegeneracyStudy.Score sc) {
        if (sc == null) {
            return "";
        }
        if (sc.pairs() == 0) {
            return "(n = " + sc.networks() + ")";
        }
        return String.format(Locale.ROOT, "%.3f ± %.3f (n = %d)", sc.mean(), sc.spread(), sc.networks());
    }

    /** Whether a score has pairs to speak of. */
    private static boolean scored(DegeneracyStudy.Score sc) {
        return sc != null && sc.pairs() > 0 && Double.isFinite(sc.mean());
    }

    private static DegeneracyStudy.Score score(DegeneracyStudy.Result r, DegeneracyStudy.Measure m, String group) {
        for (DegeneracyStudy.GroupScore g : r.groupScore()) {
            if (g.measure() == m && g.group().equals(group)) {
                return g.score();
            }
        }
        return null;
    }

    /** Larger networks are less degenerate: at every task and level, the largest size scores below the smallest. */
    static Claim largerLessDegenerate(List<TaskStudy> studies, Scale scale) {
        String statement = "Larger networks are less degenerate, at the behaviour, dynamics and weight (and "
                + "representation) levels";
        if (scale == Scale.TINY) {
            return new Claim(PAPER, statement, "the tiny scale trains for a few steps only", Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> lower = new ArrayList<>();
        List<String> notLower = new ArrayList<>();
        for (TaskStudy t : studies) {
            List<String> groups = new ArrayList<>(t.bySize().groupValues());
            if (groups.size() < 2) {
                continue;
            }
            groups.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
            for (DegeneracyStudy.Measure m : MEASURES) {
                // the smallest and the largest size with a score (at least two networks to compare)
                List<String> scoredSizes = groups.stream().filter(g -> scored(score(t.bySize(), m, g))).toList();
                if (scoredSizes.size() < 2) {
                    continue;
                }
                String small = scoredSizes.get(0);
                String large = scoredSizes.get(scoredSizes.size() - 1);
                DegeneracyStudy.Score a = score(t.bySize(), m, small);
                DegeneracyStudy.Score z = score(t.bySize(), m, large);
                String what = String.format(Locale.ROOT, "%s %s %.3f (H = %s) → %.3f (H = %s)", t.sweep(),
                        m.level().key(), a.mean(), small, z.mean(), large);
                (z.mean() < a.mean() ? lower : notLower).add(what);
            }
        }
        if (lower.isEmpty() && notLower.isEmpty()) {
            return new Claim(PAPER, statement, "needs at least two network sizes per task with two or more fitted "
                    + "networks each", Verdict.NOT_TESTED_AT_SCALE);
        }
        String here = String.format(Locale.ROOT, "among the networks that fitted, score of the smallest → the "
                + "largest size lower in %d of %d (task, level) pairs", lower.size(), lower.size() + notLower.size());
        return notLower.isEmpty() ? new Claim(PAPER, statement, here + " (" + String.join("; ", lower) + ")",
                Verdict.AGREES) : new Claim(PAPER, statement, here + "; it differs at " + String.join("; ", notLower),
                Verdict.DIFFERS);
    }

    /** Structural regularisation (L2, low rank) lowers degeneracy: the regularised group scores below the plain one. */
    static Claim regularisation(List<TaskStudy> studies, Scale scale) {
        String statement = "Structural regularisation (L2 on the weights, low-rank recurrence) lowers degeneracy";
        if (studies.stream().allMatch(t -> t.byRegulariser().isEmpty())) {
            return new Claim(PAPER, statement, "this scale trains no L2 or low-rank networks (the full scale does)",
                    Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> lower = new ArrayList<>();
        List<String> notLower = new ArrayList<>();
        for (TaskStudy t : studies) {
            t.byRegulariser().forEach((axis, r) -> {
                List<String> g = r.groupValues();
                if (g.size() < 2) {
                    return;
                }
                for (DegeneracyStudy.MeasureResult mr : r.measures()) {
                    DegeneracyStudy.Score plain = score(r, mr.measure(), g.get(0));
                    DegeneracyStudy.Score reg = score(r, mr.measure(), g.get(g.size() - 1));
                    if (!scored(plain) || !scored(reg)) {
                        continue;
                    }
                    String what = String.format(Locale.ROOT, "%s %s %s=%s %.3f → %s %.3f", t.sweep(),
                            mr.measure().level().key(), axis, g.get(0), plain.mean(), g.get(g.size() - 1), reg.mean());
                    (reg.mean() < plain.mean() ? lower : notLower).add(what);
                }
            });
        }
        String here = String.format(Locale.ROOT, "among the networks that fitted, regularised networks' score lower "
                + "in %d of %d (task, level, regulariser) cases", lower.size(), lower.size() + notLower.size());
        return Claim.judged(PAPER, statement, here, notLower.isEmpty() && !lower.isEmpty(),
                " at " + String.join("; ", notLower));
    }
}
