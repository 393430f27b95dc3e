package org.attractorlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Watches the FX thread. Every few milliseconds it posts a ping and records the delay until the ping runs: a long
 * delay means the FX thread kept events waiting that long (its own work, or waiting for the renderer, or no
 * processor). It also reads the FX thread's processor time: the share of the wall time the FX thread computes is
 * what the app's own code controls, whatever the machine's load and its OpenGL.
 */
final class FxWatchdog implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicInteger answered = new AtomicInteger();
    private final long fxThreadId;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long resetNanos;
    private volatile long resetCpuNanos;

    FxWatchdog() throws Exception {
        CompletableFuture<Long> id = new CompletableFuture<>();
        Platform.runLater(() -> id.complete(Thread.currentThread().getId()));
        fxThreadId = id.get(10, TimeUnit.SECONDS);
        reset();
        thread = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    maxDelayNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    answered.incrementAndGet();
                });
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    /** Forgets what was measured so far (e.g. after warm-up). */
    void reset() {
        maxDelayNanos.set(0);
        answered.set(0);
        resetCpuNanos = THREADS.getThreadCpuTime(fxThreadId);
        resetNanos = System.nanoTime();
    }

    /** The longest delay of a ping since the last reset. */
    double maxDelayMillis() {
        return maxDelayNanos.get() / 1e6;
    }

    /** Pings run since the last reset. */
    int answered() {
        return answered.get();
    }

    /** The FX thread's processor time since the last reset, as a fraction of the wall time since then. */
    double fxProcessorShare() {
        return (THREADS.getThreadCpuTime(fxThreadId) - resetCpuNanos) / (double) (System.nanoTime() - resetNanos);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
