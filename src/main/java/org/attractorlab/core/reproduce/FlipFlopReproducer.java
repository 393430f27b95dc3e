package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;

/**
 * {@code flipflop}: the 3-bit flip-flop of Sussillo &amp; Barak (2013), vanilla and GRU, several seeds. For each
 * network, the fixed points of the study's default search (as {@code analyze} and {@code export} find them), their
 * stability, and where they sit in the readout's cube of memory states.
 */
final class FlipFlopReproducer implements Reproducer {
    static final String PAPER = "Sussillo & Barak 2013";
    static final String SWEEP = "flipflop";
    /** A network has learned the task when its validation accuracy is at least this. */
    static final double LEARNED = 0.95;
    /**
     * A point's readout is at a corner of the cube when every output is at least this far from 0, and on an edge
     * when exactly one output is nearer 0 than this (halfway between two corners).
     */
    static final double CORNER_MIN = 0.5;

    /**
     * The fixed points of one network, counted.
     *
     * @param stableCorners corners of the readout cube with a stable fixed point
     * @param saddles       unstable fixed points with at least one stable direction
     * @param index1        saddles with exactly one unstable direction
     * @param onEdge        index-1 saddles whose readout is halfway between two corners
     */
    record Counts(SweepRuns.Done run, HiddenStates states, PcaStudy.Result pca, FixedPointStudy.Result fp,
                  int bits, int fixed, int stable, int stableCorners, int saddles, int index1, int onEdge, int slow) {
        boolean learned() {
            return run.summary("validation_accuracy") >= LEARNED;
        }
    }

    @Override
    public Findings analyse(Context c) throws IOException {
        SweepRuns runs = SweepRuns.of(c.sweep(SWEEP));
        List<Counts> counts = new ArrayList<>();
        for (SweepRuns.Done d : runs.done()) {
            c.log().accept("fixed points of " + d.point().name());
            counts.add(count(d));
        }
        Findings.Builder b = new Findings.Builder();
        List<List<String>> rows = new ArrayList<>();
        for (Counts k : counts) {
            rows.add(List.of(k.run().point().name(), k.run().axis("model.cell"), Long.toString(k.run().seed()),
                    SweepRuns.format(k.run().summary("validation_accuracy")), Integer.toString(k.fixed()),
                    Integer.toString(k.stable()), k.stableCorners() + " of " + (1 << k.bits()),
                    Integer.toString(k.saddles()), Integer.toString(k.index1()), Integer.toString(k.onEdge()),
                    Integer.toString(k.slow())));
        }
        Table table = new Table("Fixed points per network (study defaults: 1024 initial states, Levenberg-Marquardt, "
                + "zero input)", List.of("run", "cell", "seed", "validation accuracy", "fixed points", "stable",
                "corners with a stable point", "saddles", "index-1 saddles", "on a cube edge", "slow points"), rows);
        List<ReportFigure> figures = new ArrayList<>();
        for (String cell : runs.values("model.cell")) {
            Counts k = counts.stream().filter(x -> x.run().axis("model.cell").equals(cell)).findFirst().orElseThrow();
            String target = c.relative(k.run().run().run().dir());
            int step = k.run().run().trainedStep();
            String who = cell + " seed " + k.run().seed();
            figures.add(ReportFigure.of("flipflop-" + cell + "-pca3d", "3D PCA of the probe trajectories of the "
                            + who + " network with its fixed points (stable filled, unstable red with their unstable "
                            + "modes)", target, List.of("--fixed-points"),
                    new FigureData.Pca3d(step, k.states(), k.pca(), k.fp(), null)));
            figures.add(ReportFigure.of("flipflop-" + cell + "-fixed-points", "Fixed points of the " + who
                            + " network in PC1-PC2 beside their eigenvalue spectrum (unit circle: stability)", target,
                    List.of(), new FigureData.FixedPoints(step, k.states(), k.pca(), k.fp())));
        }
        b.section("Fixed points of the flip-flop networks", "Every network is searched with the fixed-point study's "
                + "defaults. A stable point is at a corner of the cube of memory states when each of its readout "
                + "outputs is at least " + CORNER_MIN + " from 0; an index-1 saddle is on a cube edge when exactly "
                + "one output is nearer 0 than that. Networks with a validation accuracy below " + LEARNED
                + " have not learned the task and test no claim." + (runs.leftOut().isEmpty() ? ""
                : " Left out (not done): " + String.join("; ", runs.leftOut()) + "."), List.of(table), figures);
        b.claim(corners(counts));
        b.claim(saddles(counts));
        return b.build();
    }

    static Counts count(SweepRuns.Done d) {
        Experiment e = d.run().experiment();
        HiddenStates h = Probe.states(d.run(), Probe.TRIALS, false);
        FixedPointStudy.Result fp = FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e));
        PcaStudy.Result pca = PcaStudy.run(h, PcaStudy.defaultsFor(h).withComponents(3));
        FixedPointResult r = fp.points();
        Network net = e.network();
        Network.Prepared p = net.prepare();
        int bits = net.outputSize();
        int hidden = net.hiddenSize();
        Set<Integer> corners = new HashSet<>();
        int saddles = 0;
        int index1 = 0;
        int onEdge = 0;
        for (int i = 0; i < r.count(); i++) {
            if (r.slow()[i]) {
                continue;
            }
            double[] y = new double[bits];
            for (int o = 0; o < bits; o++) {
                double s = p.readoutB()[o];
                for (int j = 0; j < hidden; j++) {
                    s += (double) p.readoutW()[o * hidden + j] * r.points()[i][j];
                }
                y[o] = s;
            }
            int near = 0;
            int code = 0;
            for (int o = 0; o < bits; o++) {
                if (Math.abs(y[o]) < CORNER_MIN) {
                    near++;
                }
                if (y[o] > 0) {
                    code |= 1 << o;
                }
            }
            if (r.stable()[i]) {
                if (near == 0) {
                    corners.add(code);
                }
            } else {
                int dim = r.unstableDimension(i);
                if (dim < r.stateSize()) {
                    saddles++;
                }
                if (dim == 1) {
                    index1++;
                    if (near == 1) {
                        onEdge++;
                    }
                }
            }
        }
        return new Counts(d, h, pca, fp, bits, r.fixedPointCount(), r.stableFixedPointCount(), corners.size(), saddles,
                index1, onEdge, r.count() - r.fixedPointCount());
    }

    /** Sussillo &amp; Barak: 2^bits stable fixed points, one at each corner of the cube. */
    static Claim corners(List<Counts> counts) {
        String statement = "The trained network has 8 stable fixed points (2^bits), one at each corner of the cube "
                + "of memory states";
        List<Counts> learned = counts.stream().filter(Counts::learned).toList();
        if (learned.isEmpty()) {
            return new Claim(PAPER, statement, "no network learned the task at this scale (validation accuracy "
                    + "below " + LEARNED + ")", Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> ok = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Counts k : learned) {
            int want = 1 << k.bits();
            String who = k.run().axis("model.cell") + " seed " + k.run().seed();
            if (k.stable() == want && k.stableCorners() == want) {
                ok.add(who);
            } else {
                bad.add(String.format(Locale.ROOT, "%s has %d stable points covering %d of %d corners", who,
                        k.stable(), k.stableCorners(), want));
            }
        }
        String here = String.format(Locale.ROOT, "%d of %d trained networks have exactly %d stable points, one per "
                + "corner%s", ok.size(), learned.size(), 1 << learned.get(0).bits(), ok.isEmpty() ? ""
                : " (" + String.join(", ", ok) + ")");
        if (bad.isEmpty()) {
            return new Claim(PAPER, statement, here, Verdict.AGREES);
        }
        return new Claim(PAPER, statement, here + "; it differs: " + String.join("; ", bad), Verdict.DIFFERS);
    }

    /** Sussillo &amp; Barak: saddle points between the stable points, their unstable mode joining two corners. */
    static Claim saddles(List<Counts> counts) {
        String statement = "Saddle points lie between the stable fixed points (one unstable direction, halfway between "
                + "two memory states)";
        List<Counts> learned = counts.stream().filter(Counts::learned).toList();
        if (learned.isEmpty()) {
            return new Claim(PAPER, statement, "no network learned the task at this scale (validation accuracy "
                    + "below " + LEARNED + ")", Verdict.NOT_TESTED_AT_SCALE);
        }
        List<String> parts = new ArrayList<>();
        int with = 0;
        for (Counts k : learned) {
            parts.add(String.format(Locale.ROOT, "%s seed %d: %d", k.run().axis("model.cell"), k.run().seed(),
                    k.onEdge()));
            if (k.onEdge() > 0) {
                with++;
            }
        }
        String here = String.format(Locale.ROOT, "%d of %d trained networks have index-1 saddles on a cube edge "
                + "(%s)", with, learned.size(), String.join(", ", parts));
        return Claim.judged(PAPER, statement, here, with == learned.size(), " where the count is 0");
    }
}
