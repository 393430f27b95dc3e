package org.attractorlab.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.attractorlab.bench.FixedPointBenchmark;
import org.attractorlab.bench.RdmBenchmark;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.core.train.Trainer;

/** The analysis workloads of the bench command. */
final class AnalysisBench {
    private AnalysisBench() {
    }

    /** The experiment of the analysis workloads: the flip-flop sample at 128 units. */
    private static Experiment experiment(int hidden, int steps) {
        return Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=" + hidden, "training.steps=" + steps)));
    }

    /**
     * One refresh of what the live panes show: states of 256 trials x 100 steps x 128 units, PCA, RSA, angles (the
     * decoding pane's cross-temporal matrix is measured on its own).
     */
    private static double refreshOnce(Network net, org.attractorlab.core.task.TrialBatch probe) {
        long t0 = System.nanoTime();
        HiddenStates h = Probe.states(net, probe);
        PcaStudy.run(h, PcaStudy.defaultsFor(h));
        RsaStudy.run(h, RsaStudy.defaultsFor(h).withDistance(Distance.EUCLIDEAN).withModel(null));
        AnglesStudy.run(h, AnglesStudy.defaultsFor(h));
        return (System.nanoTime() - t0) / 1e6;
    }

    static void refresh(PrintWriter out) {
        Experiment e = experiment(128, 300);
        e.trainer().train(s -> { }, null, () -> false);
        var probe = Probe.batch(e, 256);
        double[] ms = new double[12];
        for (int i = 0; i < 4; i++) {
            refreshOnce(e.network(), probe);
        }
        for (int i = 0; i < ms.length; i++) {
            ms[i] = refreshOnce(e.network(), probe);
        }
        Arrays.sort(ms);
        out.println();
        out.printf(Locale.ROOT, "%-52s %9.1f ms (target < 100 ms)%n",
                "analysis refresh: states 256x100x128 + PCA + RSA + angles", ms[ms.length / 2]);
        out.printf(Locale.ROOT, "%-52s %9.1f ms%n", "cross-temporal decoding, the decoding pane's default",
                crossTemporalMillis());
        out.flush();
    }

    /** Milliseconds of the Euclidean RDM of 1000 conditions x 10000 features, printed. */
    static double rdm(PrintWriter out) {
        double ms = RdmBenchmark.euclidean1000x10000();
        out.println();
        out.printf(Locale.ROOT, "%-52s %9.1f ms (target well under 1 s)%n", "Euclidean RDM, 1000 conditions x 10000 features",
                ms);
        out.flush();
        return ms;
    }

    /**
     * The decoding pane's default work on the app's default network: a logistic decoder of bit0 from the states of
     * 128 probe trials of a trained 64-unit flip-flop, 25 of its 100 steps (stride 4), 5 folds; median of 7 runs.
     */
    private static double crossTemporalMillis() {
        Experiment e = experiment(64, 600);
        e.trainer().train(s -> { }, null, () -> false);
        HiddenStates h = Probe.states(e.network(), Probe.batch(e, 128));
        var options = DecodingStudy.defaultsFor(h, "bit0").withDecoder(DecodingStudy.Decoder.LOGISTIC)
                .options(h.conditions());
        double[] ms = new double[7];
        for (int i = 0; i < 3; i++) {
            org.attractorlab.core.analysis.decode.Decoding.crossTemporal(h, options);
        }
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            org.attractorlab.core.analysis.decode.Decoding.crossTemporal(h, options);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    static void fixedPoints(PrintWriter out) {
        Experiment e = experiment(64, 600);
        e.trainer().train(s -> { }, null, () -> false);
        HiddenStates h = Probe.states(e.network(), Probe.batch(e, 128));
        float[][] pool = org.attractorlab.core.analysis.fixedpoint.FixedPointFinder.rows(h.states(),
                h.trials() * h.steps(), h.units());
        FixedPointBenchmark.Timing t = FixedPointBenchmark.run(e.network(), pool, 1024, 0);
        out.println();
        out.printf(Locale.ROOT, "fixed points of a trained 3-bit flip-flop (64 units) from %d initial states:%n",
                t.initialStates());
        out.printf(Locale.ROOT, "  Levenberg-Marquardt %8.3f s (%d fixed points, %d stable)%n", t.lmSeconds(),
                t.lmFixedPoints(), t.lmStable());
        out.printf(Locale.ROOT, "  Adam                %8.3f s (%d fixed points, %d stable)%n", t.adamSeconds(),
                t.adamFixedPoints(), t.adamStable());
        out.printf(Locale.ROOT, "  speed-up %.1fx wall, %.1fx CPU; same stable points: %s (target >= 10x)%n",
                t.speedup(), t.cpuSpeedup(), t.sameStablePoints() ? "yes" : "NO");
        out.flush();
    }

    /**
     * Training speed of the flip-flop sample (128 units) alone, and with the live analysis running beside it the way
     * the app runs it: every 25 steps a parameter snapshot goes to a separate thread that recomputes states of 128
     * probe trials, PCA, RSA and angles, keeping only the newest request.
     */
    static void live(PrintWriter out, int threads) {
        double alone = stepsPerSecond(false, threads);
        double live = stepsPerSecond(true, threads);
        out.println();
        out.printf(Locale.ROOT, "training 128 units alone %.1f steps/s, with live analysis %.1f steps/s: %.0f%% "
                + "(target >= 80%%)%n", alone, live, 100 * live / alone);
        out.flush();
    }

    private static double stepsPerSecond(boolean withAnalysis, int threads) {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=128", "training.steps=100000", "training.threads=" + threads)));
        Trainer trainer = e.trainer();
        Network copy = e.network().copy();
        var probe = Probe.batch(e, 128);
        ExecutorService analysis = Executors.newSingleThreadExecutor();
        AtomicBoolean busy = new AtomicBoolean();
        AtomicInteger frames = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            trainer.step();
        }
        int steps = 300;
        long t0 = System.nanoTime();
        for (int i = 1; i <= steps; i++) {
            trainer.step();
            if (withAnalysis && i % 25 == 0 && busy.compareAndSet(false, true)) {
                float[] params = e.network().parameters().clone();
                analysis.execute(() -> {
                    copy.setParameters(params);
                    refreshOnce(copy, probe);
                    frames.incrementAndGet();
                    busy.set(false);
                });
            }
        }
        double sps = steps / ((System.nanoTime() - t0) / 1e9);
        analysis.shutdown();
        try {
            analysis.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return sps;
    }
}
