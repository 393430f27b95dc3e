package org.attractorlab.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.Probe;

/**
 * Times Levenberg-Marquardt against Adam (FixedPointFinder's optimiser) on the same network from the same initial
 * states, and checks that both reach the same stable fixed points. Not a test: the CLI's {@code bench} command
 * calls it. Before timing, LM runs once in full and Adam
 * on 128 initial states (its iterations are many), so that the timed runs are JIT-compiled.
 */
public final class FixedPointBenchmark {
    /** Distance below which an LM and an Adam stable point count as the same point. */
    public static final double MATCH_DISTANCE = 1e-3;
    private static final int WARMUP_STATES = 128;

    private FixedPointBenchmark() {
    }

    /**
     * Measured times and what each method found.
     *
     * @param stateSize       S
     * @param initialStates   initial states per run
     * @param lmSeconds       wall time of the LM search (including linearisation)
     * @param adamSeconds     wall time of the Adam search (including linearisation)
     * @param lmCpuSeconds    CPU time of the whole process during the LM search (all threads; NaN if the JVM does
     *                        not report it): less sensitive than wall time to other load on the machine
     * @param adamCpuSeconds  the same for the Adam search
     * @param lmIterations    LM damped solves summed over initial states
     * @param adamIterations  Adam steps summed over initial states
     * @param lmConverged     initial states LM brought to q &lt; tolQ
     * @param adamConverged   initial states Adam brought to q &lt; tolQ
     * @param lmStable        stable fixed points found by LM
     * @param adamStable      stable fixed points found by Adam
     * @param matchedStable   LM stable points with an Adam stable point within {@link #MATCH_DISTANCE}
     * @param lmFixedPoints   all unique fixed points (not slow points) found by LM
     * @param adamFixedPoints all unique fixed points found by Adam
     */
    public record Timing(int stateSize, int initialStates, double lmSeconds, double adamSeconds, double lmCpuSeconds,
                         double adamCpuSeconds, long lmIterations,
                         long adamIterations, int lmConverged, int adamConverged, int lmStable, int adamStable,
                         int matchedStable, int lmFixedPoints, int adamFixedPoints) {
        /** Adam wall time / LM wall time. */
        public double speedup() {
            return adamSeconds / lmSeconds;
        }

        /** Adam CPU time / LM CPU time. */
        public double cpuSpeedup() {
            return adamCpuSeconds / lmCpuSeconds;
        }

        /** Whether both found the same stable points. */
        public boolean sameStablePoints() {
            return lmStable == adamStable && matchedStable == lmStable;
        }
    }

    /**
     * Trains the experiment of {@code config} (e.g. samples/flipflop-3bit.json) for {@code trainingSteps} steps,
     * collects hidden states of 128 noiseless trials, and times both methods at zero input.
     */
    public static Timing run(Path config, int trainingSteps, int initialStates, int threads) {
        Experiment e = Experiment.create(ConfigLoader.standard().load(config,
                List.of("training.steps=" + trainingSteps)));
        e.trainer().train(s -> { }, null, () -> false);
        HiddenStates states = Probe.states(e.network(), e.task().sample(128, new SplittableRandom(2013)));
        return run(e.network(), FixedPointFinder.rows(states.states(), states.trials() * states.steps(),
                states.units()), initialStates, threads);
    }

    /** Times both methods with default options (zero input) from the same {@code initialStates} initial states. */
    public static Timing run(Network net, float[][] pool, int initialStates, int threads) {
        FixedPointOptions lm = FixedPointOptions.DEFAULTS.withInitialStates(initialStates).withThreads(threads);
        FixedPointOptions adam = lm.withMethod(FixedPointOptions.Method.ADAM);
        FixedPointFinder.find(net, lm, pool);
        FixedPointFinder.find(net, adam.withInitialStates(Math.min(WARMUP_STATES, initialStates)), pool);
        double c0 = processCpuSeconds();
        FixedPointResult a = FixedPointFinder.find(net, lm, pool);
        double c1 = processCpuSeconds();
        FixedPointResult b = FixedPointFinder.find(net, adam, pool);
        double c2 = processCpuSeconds();
        int matched = 0;
        for (int i : a.stableFixedPoints()) {
            for (int k : b.stableFixedPoints()) {
                if (distance(a.points()[i], b.points()[k]) < MATCH_DISTANCE) {
                    matched++;
                    break;
                }
            }
        }
        return new Timing(a.stateSize(), initialStates, a.wallSeconds(), b.wallSeconds(), c1 - c0, c2 - c1,
                a.totalIterations(),
                b.totalIterations(), a.converged(), b.converged(), a.stableFixedPointCount(),
                b.stableFixedPointCount(), matched, a.fixedPointCount(), b.fixedPointCount());
    }

    private static double processCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() * 1e-9 : Double.NaN;
    }

    private static double distance(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = (double) x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
