package org.attractorlab.app.fx;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the wall time the app's background analysis threads spend working (live analysis, pane analyses, mesh
 * builds), so that the live refresh can keep that work to a fraction of the time training runs (see
 * {@link org.attractorlab.app.session.AnalysisHub}). Thread-safe.
 */
public final class WorkMeter {
    private static final AtomicLong NANOS = new AtomicLong();

    private WorkMeter() {
    }

    /** Nanoseconds of background work so far (only differences are meaningful). */
    public static long total() {
        return NANOS.get();
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()} reading) to the total. */
    public static void since(long startNanos) {
        NANOS.addAndGet(Math.max(0, System.nanoTime() - startNanos));
    }
}
