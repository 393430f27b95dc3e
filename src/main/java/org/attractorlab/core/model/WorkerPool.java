package org.attractorlab.core.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the parts of a batch on the available cores. Part 0 runs on the calling thread, the others on a shared
 * pool of daemon threads, at the calling thread's priority. The split is deterministic, so results do not depend on
 * scheduling.
 */
public final class WorkerPool {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, CORES - 1), r -> {
        Thread t = new Thread(r, "attractor-lab-worker");
        t.setDaemon(true);
        return t;
    });

    private WorkerPool() {
    }

    public static int cores() {
        return CORES;
    }

    /**
     * Number of parts to split {@code trials} trials into: at most {@code threads} (0 = all cores), and at least
     * {@code minPerPart} trials per part.
     */
    public static int parts(int trials, int threads, int minPerPart) {
        int t = threads <= 0 ? CORES : threads;
        return Math.max(1, Math.min(t, trials / Math.max(1, minPerPart)));
    }

    /** First trial of part {@code p} of {@code parts} over {@code trials} trials (contiguous, near-equal split). */
    public static int partStart(int trials, int parts, int p) {
        return (int) ((long) trials * p / parts);
    }

    /** Runs {@code task} for 0..parts-1 and waits for all; rethrows the first failure. */
    public static void run(int parts, IntConsumer task) {
        if (parts == 1) {
            task.accept(0);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future[parts - 1];
        // the parts run at the caller's priority: training's, or a background analysis's
        int priority = Thread.currentThread().getPriority();
        for (int p = 1; p < parts; p++) {
            int part = p;
            futures[p - 1] = POOL.submit(() -> {
                Thread worker = Thread.currentThread();
                if (worker.getPriority() != priority) {
                    worker.setPriority(priority);
                }
                task.accept(part);
            });
        }
        RuntimeException failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new IllegalStateException("interrupted while waiting for workers", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
