package org.attractorlab.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;

/**
 * The desktop app's own benchmark ({@code ./attractor-lab bench-app}): the real window, on the display, trains a
 * sample for a fixed number of steps with every pane visible and live, and again with the panes hidden and the
 * live analysis off, alternating the two (ABBA order, so that drifts of the machine's load fall on both), and
 * reports the steps per second of each and their ratio. The first pair warms up the JIT and is not counted.
 */
public final class AppBench {
    private final int steps;
    private final int rounds;
    private final String sample;
    private AppWindow window;
    private final java.util.concurrent.atomic.AtomicInteger frames = new java.util.concurrent.atomic.AtomicInteger();
    private double lastFramesPerSecond;
    private java.util.Map<String, Double> lastCpu = java.util.Map.of();
    private java.util.Map<String, Double> lastWork = java.util.Map.of();
    private final boolean showCpu;
    private com.sun.javafx.perf.PerformanceTracker paints;
    private double lastPaintsPerSecond;

    private AppBench(int steps, int rounds, String sample, boolean showCpu) {
        this.showCpu = showCpu;
        if (steps < 10) {
            throw new IllegalArgumentException("--steps must be at least 10, got " + steps);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        this.steps = steps;
        this.rounds = rounds;
        this.sample = sample;
    }

    /** {@code [--steps N] [--rounds R] [--sample NAME]}; returns the process exit code. */
    public static int run(String[] args) {
        int steps = 3000;
        int rounds = 3;
        String sample = "flipflop-3bit";
        boolean cpu = false;
        boolean memory = false;
        int minutes = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--cpu")) {
                cpu = true;
                continue;
            }
            if (a.equals("--memory")) {
                memory = true;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("Usage: attractor-lab bench-app [--steps N] [--rounds R] [--sample NAME] [--cpu]");
                System.out.println("       attractor-lab bench-app --minutes M [--memory] [--sample NAME]");
                System.out.println("Trains a sample in the real window with all panes live vs panes hidden and the"
                        + " live analysis off, alternating, and prints the speed ratio (needs a display). --cpu also prints"
                        + " where the processor time of each run went (by thread, the rest of the JVM, the X server)."
                        + " --minutes M trains the sample again and again with every pane live for M minutes and prints,"
                        + " each minute, the resident memory, the heap (after a full collection with --memory) and the"
                        + " longest FX-thread stall.");
                return 0;
            }
            if (i + 1 >= args.length) {
                System.err.println("bench-app: " + a + " needs a value");
                return 2;
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--steps" -> steps = Integer.parseInt(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--sample" -> sample = v;
                    case "--minutes" -> minutes = Integer.parseInt(v);
                    default -> {
                        System.err.println("bench-app: unknown option " + a + " (--steps, --rounds, --sample, --cpu, "
                                + "--minutes, --memory)");
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                System.err.println("bench-app: " + a + " must be a whole number, got '" + v + "'");
                return 2;
            }
        }
        try {
            if (minutes != 0 || memory) {
                return new LiveSessionBench(minutes, sample, memory).measure();
            }
            return new AppBench(steps, rounds, sample, cpu).measure();
        } catch (IllegalArgumentException e) {
            System.err.println("bench-app: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("bench-app failed: " + e);
            return 1;
        }
    }

    private int measure() throws Exception {
        ExperimentConfig config = ConfigLoader.standard().parse(Samples.json(sample),
                List.of("training.steps=" + steps));
        Path sessions = Files.createTempDirectory("attractor-lab-bench-app");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        onFx(() -> {
            window = new AppWindow(config, false, sessions);
            window.analysis().frameProperty().addListener((o, a, f) -> frames.incrementAndGet());
            Stage stage = new Stage();
            stage.setTitle("Attractor Lab: bench-app");
            stage.setScene(window.createScene(1280, 800));
            paints = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(stage.getScene());
            stage.show();
            return null;
        });
        System.out.printf(Locale.ROOT, "bench-app: %s, %d steps per run, %d counted rounds (ABBA), %d cores,"
                + " machine load %.1f%n", sample, steps, rounds, Runtime.getRuntime().availableProcessors(), load());
        run(true);
        run(false);
        List<Double> live = new ArrayList<>();
        List<Double> hidden = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            boolean liveFirst = r % 2 == 0;
            for (boolean isLive : new boolean[]{liveFirst, !liveFirst}) {
                double rate = run(isLive);
                (isLive ? live : hidden).add(rate);
                System.out.printf(Locale.ROOT, "  round %d  %-28s %7.1f steps/s  (%.1f analysis frames/s)%n", r + 1,
                        isLive ? "all panes live" : "panes hidden, analysis off", rate, lastFramesPerSecond);
                if (showCpu) {
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                            "           %.1f window paints/s; CPU seconds:", lastPaintsPerSecond));
                    lastCpu.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.2f,", k, v)));
                    System.out.println(line.substring(0, line.length() - 1));
                    if (!lastWork.isEmpty()) {
                        StringBuilder work = new StringBuilder("           analysis CPU ms per frame:");
                        lastWork.forEach((k, v) -> work.append(String.format(Locale.ROOT, " %s %.1f,", k, v)));
                        System.out.println(work.substring(0, work.length() - 1));
                    }
                }
            }
        }
        double l = median(live);
        double h = median(hidden);
        System.out.printf(Locale.ROOT, "median: all panes live %.1f steps/s, panes hidden %.1f steps/s,"
                + " ratio %.2f (target >= 0.80); machine load %.1f%n", l, h, l / h, load());
        onFx(() -> {
            window.dispose();
            return null;
        });
        Platform.exit();
        return 0;
    }

    /** Trains one run from a fresh network; returns its steps per second (wall time, train to finished). */
    private double run(boolean live) throws Exception {
        onFx(() -> {
            window.session().reset();
            window.main().setPanesShown(live);
            window.analysis().setFollowLive(live);
            return null;
        });
        // let the first frame of the fresh network, and the background work of the last run (e.g. its search for
        // fixed points at the end), settle before the clock starts
        Thread.sleep(500);
        long quietSince = System.nanoTime();
        long work = org.attractorlab.app.fx.WorkMeter.total();
        for (int i = 0; i < 300 && System.nanoTime() - quietSince < 300_000_000L; i++) {
            Thread.sleep(50);
            long now = org.attractorlab.app.fx.WorkMeter.total();
            if (now != work) {
                work = now;
                quietSince = System.nanoTime();
            }
        }
        CpuLedger before = CpuLedger.now();
        java.util.Map<String, Long> workBefore = org.attractorlab.app.fx.WorkMeter.byKind();
        onFx(() -> {
            paints.resetAverageFPS();
            return null;
        });
        long t0 = System.nanoTime();
        frames.set(0);
        onFx(() -> {
            window.session().train();
            return null;
        });
        TrainingService service = onFx(() -> window.session().serviceProperty().get());
        while (service.phase() != TrainingService.Phase.FINISHED) {
            Thread.sleep(2);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        lastCpu = CpuLedger.now().since(before);
        lastPaintsPerSecond = onFx(() -> (double) paints.getAverageFPS());
        lastFramesPerSecond = frames.get() / seconds;
        lastWork = new java.util.LinkedHashMap<>();
        int n = Math.max(1, frames.get());
        org.attractorlab.app.fx.WorkMeter.byKind().forEach((k, v) -> {
            double ms = (v - workBefore.getOrDefault(k, 0L)) / 1e6 / n;
            if (ms >= 0.05) {
                lastWork.put(k, ms);
            }
        });
        int trained = service.lastStatus().step();
        return trained / seconds;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** The system load average over the last minute. */
    static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** {@code work} run on the FX thread, waited for (at most 60 s). */
    static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
