package org.attractorlab.app.fx;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the processor time the app's background analysis threads spend working (live analysis, pane analyses, mesh
 * builds), so that the live refresh can keep that work to a fraction of the time training runs (see
 * {@link org.attractorlab.app.session.AnalysisHub}). Thread-safe.
 */
public final class WorkMeter {
    private static final AtomicLong NANOS = new AtomicLong();
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> BY_KIND =
            new java.util.concurrent.ConcurrentHashMap<>();

    private WorkMeter() {
    }

    /** Nanoseconds of background work so far (only differences are meaningful). */
    public static long total() {
        return NANOS.get();
    }

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** The calling thread's processor time now, to pass to {@link #since} from the same thread. */
    public static long start() {
        return CPU.getCurrentThreadCpuTime();
    }

    /**
     * Adds the calling thread's processor time since {@code start} (from {@link #start()}) to the total: processor
     * time, not wall time, so that a busy machine, which stretches the wall time, does not starve the refresh.
     */
    public static void since(long start) {
        since("other", start);
    }

    /** As {@link #since(long)}, and counts the time under {@code kind} too (see {@link #byKind()}). */
    public static void since(String kind, long start) {
        long spent = Math.max(0, CPU.getCurrentThreadCpuTime() - start);
        NANOS.addAndGet(spent);
        BY_KIND.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.LongAdder()).add(spent);
    }

    /** Nanoseconds of background work so far by kind ("live analysis", "rsa", "3d mesh", ...). */
    public static java.util.Map<String, Long> byKind() {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        BY_KIND.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
