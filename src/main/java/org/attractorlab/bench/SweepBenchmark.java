package org.attractorlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepSpec;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * The sweep workloads of {@code bench --only sweep}: a local sweep of 16 small flip-flop networks against the rate
 * of one single-threaded run times the cores (how well the workers share the machine), and planning and collecting a
 * sweep of 3,000 runs (Huang et al.'s scale; the collected records are generated, nothing is trained).
 */
public final class SweepBenchmark {
    private SweepBenchmark() {
    }

    /**
     * @param runsPerHour      the 16-run sweep on every core
     * @param singleRunsPerHour one run at a time on one core
     * @param cores            workers of the sweep
     * @param planSeconds      planning (checking every config) and writing the manifest of 3,000 runs
     * @param collectSeconds   collecting 3,000 run records into summary.csv and a table grouped over seeds
     */
    public record Result(double runsPerHour, double singleRunsPerHour, int cores, double planSeconds,
                         double collectSeconds) {
        /** Runs per hour of the sweep over cores x the single-run rate (1 = perfect sharing). */
        public double efficiency() {
            return runsPerHour / (cores * singleRunsPerHour);
        }
    }

    private static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [32]}, "
            + "\"seeds\": %d, \"set\": {\"training.steps\": 300, \"training.checkpoint_every\": 0, "
            + "\"training.batch_size\": 32, \"task.trial_steps\": 60}}";

    public static Result run(int cores) throws IOException {
        Path tmp = Files.createTempDirectory("attractor-lab-sweep-bench");
        try {
            // warm-up: compile the training kernels before anything is timed
            sweep(tmp.resolve("warm-up"), 2, 1);
            double single = sweep(tmp.resolve("single"), 3, 1);
            double all = sweep(tmp.resolve("all"), 16, cores);
            long t0 = System.nanoTime();
            SweepDirectory big = SweepDirectory.prepare(tmp.resolve("big"), SweepPlan.of(bigSpec()));
            big.writeManifest(java.util.Set.of());
            double plan = (System.nanoTime() - t0) / 1e9;
            for (SweepPoint p : big.plan().points()) {
                Map<String, Double> s = new LinkedHashMap<>();
                s.put("final_accuracy", 0.5 + p.index() % 100 / 200.0);
                s.put("fp_stable", (double) (p.index() % 9));
                new RunRecord(p.index(), RunRecord.State.DONE, "", 1, "bench", s)
                        .write(Files.createDirectories(big.runDir(p)));
            }
            t0 = System.nanoTime();
            SweepSummary.collect(SweepDirectory.open(big.dir()), List.of("model.hidden_size", "training.l2_rate"));
            double collect = (System.nanoTime() - t0) / 1e9;
            return new Result(all, single, cores, plan, collect);
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Runs per hour of a sweep of {@code runs} runs on {@code workers} workers. */
    private static double sweep(Path dir, int runs, int workers) {
        SweepDirectory d = SweepDirectory.prepare(dir, SweepPlan.of(SweepSpec.parse(String.format(SPEC, runs), null)));
        long t0 = System.nanoTime();
        LocalSweep.Outcome o = LocalSweep.run(d, workers, p -> { }, new AtomicBoolean());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (o.progress().done() != runs) {
            throw new IllegalStateException("the benchmark sweep finished " + o.progress().done() + " of " + runs
                    + " runs: " + o.failedRuns());
        }
        return runs * 3600 / seconds;
    }

    /** 30 sizes x 5 rate penalties x 20 seeds = 3,000 runs. */
    static SweepSpec bigSpec() {
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sizes.append(i == 0 ? "" : ",").append(8 + 4 * i);
        }
        return SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [" + sizes
                + "], \"training.l2_rate\": [0, 0.001, 0.01, 0.1, 1]}, \"seeds\": 20}", null);
    }
}
