package org.attractorlab.app.fx;

import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;

/**
 * Runs registered tasks on the JavaFX pulse (frame), at most once per {@link #TICK_NANOS}. Background workers never
 * call into the FX thread; they write into buffers, and the tasks registered here drain those buffers.
 *
 * <p>The ticks lie on a fixed grid of wall time, so every task sees new data in the same pulse and the window is
 * repainted once for all of them: each repaint of a dirty window costs the renderer far more than the drain itself
 * (tens of milliseconds of processor time under software OpenGL), so ten coalesced repaints a second instead of up
 * to sixty scattered ones leave that processor time to training. Input (clicks, drags, keys) does not go through
 * the drain and is answered at once.
 *
 * <p>The work per frame is bounded: once the tasks of a frame have used {@link #BUDGET_NANOS} of the FX thread's
 * processor time, the remaining tasks wait for the next frame, which starts with them (round robin). A frame thus
 * holds at most the budget plus one task's work (e.g. one chart redraw), and every task still runs every few frames
 * at worst, so the FX thread answers input quickly even when several panes receive new results at once.
 */
public final class FrameDrain {
    /** Processor time of the FX thread the tasks of one frame may use before the rest wait a frame. */
    public static final long BUDGET_NANOS = 8_000_000L;
    /** Period of the drain's ticks: background results reach the panes at most this often. */
    public static final long TICK_NANOS = 100_000_000L;
    private final GridGate tick = new GridGate(TICK_NANOS);
    private boolean unfinished;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final CopyOnWriteArrayList<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> posted =
            new java.util.concurrent.ConcurrentLinkedQueue<>();

    public FrameDrain() {
        tasks.add(() -> {
            Runnable r;
            while ((r = posted.poll()) != null) {
                r.run();
            }
        });
    }

    /**
     * An executor whose tasks run on the FX thread at the drain's next tick, in the same frame as its other tasks
     * (for a background worker that hands over a whole result, instead of {@code Platform.runLater}). Any thread.
     */
    public java.util.concurrent.Executor executor() {
        return posted::add;
    }
    private int next;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            // a tick cut short by the budget goes on in the next pulse
            if (tick.open(now) || unfinished) {
                unfinished = !runBudgeted();
            }
        }
    };

    /** Runs the tasks from where the last cut-short tick stopped; false when the budget cut this one short too. */
    private boolean runBudgeted() {
        Object[] all = tasks.toArray();
        int n = all.length;
        if (n == 0) {
            return true;
        }
        long start = cpuNanos();
        int first = next % n;
        for (int k = 0; k < n; k++) {
            int i = (first + k) % n;
            ((Runnable) all[i]).run();
            if (k + 1 < n && cpuNanos() - start > BUDGET_NANOS) {
                next = i + 1;
                return false;
            }
        }
        next = first;
        return true;
    }

    private static long cpuNanos() {
        long t = CPU.getCurrentThreadCpuTime();
        return t >= 0 ? t : System.nanoTime();
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Registers a task; the returned handle removes it again. */
    public Runnable register(Runnable task) {
        tasks.add(task);
        return () -> tasks.remove(task);
    }

    /** Runs every task now (tests use this instead of waiting for a pulse). */
    public void drainNow() {
        for (Runnable r : tasks) {
            r.run();
        }
    }
}
