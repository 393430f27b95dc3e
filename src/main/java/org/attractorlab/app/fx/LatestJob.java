package org.attractorlab.app.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Background computation for a view model where only the newest request matters: {@link #submit} may be called
 * at any rate; a request still waiting is replaced by a newer one, and results are delivered on the FX thread by
 * the {@link FrameDrain}, once per frame, to the consumer given at construction. A failing computation delivers
 * its exception message to the error consumer instead. The work runs on the executor given at construction: in the
 * app one low-priority worker thread that every pane shares ({@link #newAnalysisExecutor()}), in tests the calling
 * thread ({@code Runnable::run}), so that a test submits, drains once and reads the result, without waiting on time.
 *
 * @param <T> the result type
 */
public final class LatestJob<T> {
    /**
     * Priority of the app's analysis threads: below training and far below the FX thread, so that drawing and
     * training keep the processor when it is short. The JVM applies priorities on Linux only with
     * {@code -XX:ThreadPriorityPolicy=1}, which the launcher and the tests pass, together with
     * {@code -XX:JavaPriority2_To_OSPriority=10}: this priority runs at nice 10, where it takes the processor time
     * the others leave. (Raising a priority above normal needs root; lowering one works for every user.)
     */
    public static final int ANALYSIS_PRIORITY = Thread.MIN_PRIORITY + 1;

    /** The pane analyses' worker: one daemon thread at {@link #ANALYSIS_PRIORITY}; the caller shuts it down. */
    public static ExecutorService newAnalysisExecutor() {
        return Workers.single("attractor-lab-pane-analysis", ANALYSIS_PRIORITY);
    }

    private final Executor executor;

    private final AtomicReference<Supplier<T>> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<Object> done = new AtomicReference<>();
    private final Runnable unregister;

    private record Failure(String message) {
    }

    private final String kind;

    /**
     * @param kind     what the job computes, for {@link WorkMeter#byKind()}
     * @param executor where the work runs
     */
    public LatestJob(String kind, Executor executor, FrameDrain drain, Consumer<T> onResult, Consumer<String> onError) {
        this.kind = kind;
        this.executor = executor;
        unregister = drain.register(() -> {
            Object r = done.getAndSet(null);
            if (r instanceof Failure f) {
                onError.accept(f.message());
            } else if (r != null) {
                @SuppressWarnings("unchecked")
                T t = (T) r;
                onResult.accept(t);
            }
        });
    }

    /** Asks for {@code work} to run; replaces any request that has not started yet. Any thread. */
    public void submit(Supplier<T> work) {
        pending.set(work);
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::run);
        }
    }

    private void run() {
        try {
            Supplier<T> w;
            while ((w = pending.getAndSet(null)) != null) {
                long t0 = org.attractorlab.app.fx.WorkMeter.start();
                try {
                    T result = w.get();
                    done.set(result);
                } catch (RuntimeException e) {
                    done.set(new Failure(e.getMessage() == null ? e.toString() : e.getMessage()));
                } finally {
                    WorkMeter.since(kind, t0);
                }
            }
        } finally {
            scheduled.set(false);
            if (pending.get() != null && scheduled.compareAndSet(false, true)) {
                executor.execute(this::run);
            }
        }
    }

    /** Stops delivering results. */
    public void dispose() {
        pending.set(null);
        unregister.run();
    }
}
