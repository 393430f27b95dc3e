package org.attractorlab.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;

/**
 * A long live session ({@code bench-app --minutes M [--memory]}): the real window trains a sample with every pane
 * visible and live, over and over (reset, train to the sample's last step, again) for {@code M} minutes, and
 * reports once a minute the process's resident memory (VmRSS of /proc/self/status), the Java heap in use (after a
 * full collection with {@code --memory}, so that it is the live set), the longest FX-thread stall of that minute
 * and the training done. The stall is the longest gap between two pulses of an {@link AnimationTimer}, which asks
 * for a pulse every frame (about 16.7 ms apart when the FX thread is free). At the end: resident memory growth from
 * the end of the first minute (JIT and caches warm) to the end, and the longest stall after the first minute.
 */
final class LiveSessionBench {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int minutes;
    private final String sample;
    private final boolean collect;
    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong longestGap = new AtomicLong();
    private final AtomicLong longestResetGap = new AtomicLong();
    /** The last explicit collection and the last reset of the session, as nanoTime intervals. */
    private volatile long gcFrom;
    private volatile long gcTo;
    private volatile long resetFrom;
    private volatile long resetTo;
    private AppWindow window;
    private AnimationTimer pulses;

    /** One minute's sample: the stalls exclude the bench's own collection; those at a reset are apart. */
    record Minute(int minute, double rssMiB, double heapMiB, double gcMs, double stallMs, double resetStallMs,
                  int cycles, long steps) {
    }

    private static boolean overlaps(long a0, long a1, long b0, long b1) {
        return b1 != 0 && a0 <= b1 && b0 <= a1;
    }

    /** Milliseconds the collectors have spent so far. */
    private static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    LiveSessionBench(int minutes, String sample, boolean collect) {
        if (minutes < 1) {
            throw new IllegalArgumentException("--minutes must be at least 1, got " + minutes);
        }
        this.minutes = minutes;
        this.sample = sample;
        this.collect = collect;
    }

    int measure() throws Exception {
        ExperimentConfig config = ConfigLoader.standard().parse(Samples.json(sample), List.of());
        Path sessions = Files.createTempDirectory("attractor-lab-live-session");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        AppBench.onFx(() -> {
            window = new AppWindow(config, false, sessions);
            Stage stage = new Stage();
            stage.setTitle("Attractor Lab: bench-app --minutes " + minutes);
            stage.setScene(window.createScene(1280, 800));
            stage.show();
            pulses = new AnimationTimer() {
                @Override
                public void handle(long pulse) {
                    long now = System.nanoTime();
                    long last = lastPulse.getAndSet(now);
                    if (last == 0 || overlaps(last, now, gcFrom, gcTo)) {
                        return; // the bench's own full collection (--memory) stops every thread: not the app's
                    }
                    (overlaps(last, now, resetFrom, resetTo) ? longestResetGap : longestGap)
                            .accumulateAndGet(now - last, Math::max);
                }
            };
            pulses.start();
            window.main().setPanesShown(true);
            window.analysis().setFollowLive(true);
            return null;
        });
        System.out.printf(Locale.ROOT, "bench-app --minutes %d: %s (%d steps per session) with every pane live, "
                + "%d cores, machine load %.1f%n", minutes, sample, config.training().steps(),
                Runtime.getRuntime().availableProcessors(), AppBench.load());
        System.out.println("  minute  RSS MiB  heap MiB  GC ms  longest FX stall ms (at a reset)  sessions  steps");
        long gcBefore = gcMillis();
        List<Minute> samples = new ArrayList<>();
        long start = System.nanoTime();
        long nextSample = start + MINUTE_NANOS;
        long steps = 0;
        int cycles = 0;
        TrainingService service = null;
        while (samples.size() < minutes) {
            if (service == null || service.phase() == TrainingService.Phase.FINISHED) {
                if (service != null) {
                    steps += service.lastStatus().step();
                    cycles++;
                }
                service = AppBench.onFx(() -> {
                    resetFrom = System.nanoTime();
                    window.session().reset();
                    window.session().train();
                    resetTo = System.nanoTime();
                    return window.session().serviceProperty().get();
                });
            }
            Thread.sleep(50);
            if (System.nanoTime() >= nextSample) {
                nextSample += MINUTE_NANOS;
                long running = steps + service.lastStatus().step();
                long gcNow = gcMillis();
                double gc = gcNow - gcBefore;
                if (collect) {
                    gcFrom = System.nanoTime();
                    System.gc();
                    gcTo = System.nanoTime();
                }
                gcBefore = gcMillis();
                Runtime rt = Runtime.getRuntime();
                Minute m = new Minute(samples.size() + 1, rssMiB(), (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                        gc, longestGap.getAndSet(0) / 1e6, longestResetGap.getAndSet(0) / 1e6, cycles, running);
                samples.add(m);
                System.out.printf(Locale.ROOT, "  %6d  %7.0f  %8.0f  %5.0f  %19.0f %12.0f  %8d  %d%n", m.minute(),
                        m.rssMiB(), m.heapMiB(), m.gcMs(), m.stallMs(), m.resetStallMs(), m.cycles(), m.steps());
            }
        }
        AppBench.onFx(() -> {
            pulses.stop();
            window.session().stop();
            window.dispose();
            return null;
        });
        Platform.exit();
        report(samples, (System.nanoTime() - start) / 1e9);
        deleteTree(sessions);
        return 0;
    }

    private void report(List<Minute> samples, double seconds) {
        Minute first = samples.get(0);
        Minute last = samples.get(samples.size() - 1);
        List<Minute> later = samples.size() > 1 ? samples.subList(1, samples.size()) : samples;
        Minute worst = later.stream().max(Comparator.comparingDouble(Minute::stallMs)).orElseThrow();
        double peak = samples.stream().mapToDouble(Minute::rssMiB).max().orElseThrow();
        double atReset = later.stream().mapToDouble(Minute::resetStallMs).max().orElseThrow();
        double[] stalls = later.stream().mapToDouble(Minute::stallMs).sorted().toArray();
        System.out.printf(Locale.ROOT, "summary: %.0f s, %d sessions, %d steps (%.0f steps/s); resident memory %.0f MiB"
                        + " after minute 1, %.0f MiB at the end (%+.0f MiB, peak %.0f); heap %.0f -> %.0f MiB; longest"
                        + " FX stall after minute 1 %.0f ms (minute %d; median of the minutes' longest %.0f ms), at a"
                        + " reset %.0f ms, in minute 1 %.0f ms; machine load %.1f%n", seconds, last.cycles(),
                last.steps(), last.steps() / seconds, first.rssMiB(), last.rssMiB(), last.rssMiB() - first.rssMiB(),
                peak, first.heapMiB(), last.heapMiB(), worst.stallMs(), worst.minute(), stalls[stalls.length / 2],
                atReset, first.stallMs(), AppBench.load());
    }

    /** VmRSS of this process in MiB, or NaN where /proc is not there. */
    static double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
