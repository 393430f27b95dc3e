package org.attractorlab.core.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The local backend: a pool of workers, each training one run at a time on one thread, as many workers as asked
 * (by default the cores). Runs already done are skipped; unfinished and failed runs are trained again. A run that
 * diverges is recorded as failed and the sweep goes on. The manifest is rewritten as runs end (at most every two
 * seconds, and at the end).
 */
public final class LocalSweep {
    private static final long MANIFEST_EVERY_NANOS = 2_000_000_000L;

    private LocalSweep() {
    }

    /**
     * Progress of a sweep, after every run that ends.
     *
     * @param total     runs in the sweep
     * @param done      runs done (including those done before this process started)
     * @param failed    runs that failed in this process
     * @param running   runs training now
     * @param ranHere   runs that ended in this process
     * @param elapsed   seconds since this process started training
     */
    public record Progress(int total, int done, int failed, int running, int ranHere, double elapsed) {
        /** Runs ended per hour in this process. */
        public double runsPerHour() {
            return elapsed > 0 ? ranHere * 3600 / elapsed : 0;
        }
    }

    /**
     * @param failedRuns the runs that failed, with their messages
     * @param cancelled  whether {@code stop} ended the sweep early
     */
    public record Outcome(Progress progress, List<String> failedRuns, boolean cancelled) {
    }

    /**
     * Trains every run of the sweep that is not done. The caller holds the sweep's {@link SweepDirectory#lock()}.
     *
     * @param workers parallel runs, &gt;= 1
     * @param stop    set to stop: running runs stop after their current step and stay unfinished
     * @throws SweepException when the sweep directory cannot be written (disk full, permissions)
     */
    public static Outcome run(SweepDirectory sweep, int workers, Consumer<Progress> listener, AtomicBoolean stop) {
        if (workers < 1) {
            throw new SweepException("workers = " + workers + " is not allowed: use at least 1");
        }
        List<SweepPoint> todo = new ArrayList<>();
        int doneBefore = 0;
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            if (r != null && r.state() == RunRecord.State.DONE) {
                doneBefore++;
            } else {
                todo.add(p);
            }
        }
        int total = sweep.plan().size();
        AtomicInteger done = new AtomicInteger(doneBefore);
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger ranHere = new AtomicInteger();
        Set<Integer> running = ConcurrentHashMap.newKeySet();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<IOException> writeError = new AtomicReference<>();
        long t0 = System.nanoTime();
        long[] lastManifest = {0};
        Runnable report = () -> listener.accept(new Progress(total, done.get(), failed.get(), running.size(),
                ranHere.get(), (System.nanoTime() - t0) / 1e9));
        writeManifest(sweep, running, writeError);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "attractor-lab-sweep-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (SweepPoint p : todo) {
                pool.execute(() -> {
                    if (stop.get() || writeError.get() != null) {
                        return;
                    }
                    running.add(p.index());
                    report.run();
                    try {
                        RunRecord r = SweepRun.execute(sweep, p, () -> stop.get() || writeError.get() != null);
                        if (r != null) {
                            ranHere.incrementAndGet();
                            if (r.state() == RunRecord.State.DONE) {
                                done.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                failures.add(p.name() + ": " + r.message());
                            }
                        }
                    } catch (IOException e) {
                        writeError.compareAndSet(null, e);
                    } finally {
                        running.remove(p.index());
                    }
                    synchronized (lastManifest) {
                        long now = System.nanoTime();
                        if (now - lastManifest[0] > MANIFEST_EVERY_NANOS) {
                            lastManifest[0] = now;
                            writeManifest(sweep, running, writeError);
                        }
                    }
                    report.run();
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // the workers see stop between steps
            }
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        writeManifest(sweep, running, writeError);
        if (writeError.get() != null) {
            throw new SweepException("cannot write the sweep directory " + sweep.dir() + ": "
                    + SweepDirectory.describe(writeError.get()) + "; the runs that ended are kept, run the sweep "
                    + "again to do the rest", writeError.get());
        }
        Progress last = new Progress(total, done.get(), failed.get(), 0, ranHere.get(), (System.nanoTime() - t0) / 1e9);
        return new Outcome(last, List.copyOf(failures), stop.get());
    }

    private static void writeManifest(SweepDirectory sweep, Set<Integer> running, AtomicReference<IOException> err) {
        try {
            sweep.writeManifest(Set.copyOf(running));
        } catch (IOException e) {
            err.compareAndSet(null, e);
        }
    }
}
