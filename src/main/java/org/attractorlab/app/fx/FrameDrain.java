package org.attractorlab.app.fx;

import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.AnimationTimer;

/**
 * Runs registered tasks once per JavaFX pulse (frame). Background workers never call into the FX thread; they
 * write into buffers, and the tasks registered here drain those buffers once per frame.
 *
 * <p>The work per frame is bounded: once the tasks of a frame have used {@link #BUDGET_NANOS} of the FX thread's
 * processor time, the remaining tasks wait for the next frame, which starts with them (round robin). A frame thus
 * holds at most the budget plus one task's work (e.g. one chart redraw), and every task still runs every few frames
 * at worst, so the FX thread answers input quickly even when several panes receive new results at once.
 */
public final class FrameDrain {
    /** Processor time of the FX thread the tasks of one frame may use before the rest wait a frame. */
    public static final long BUDGET_NANOS = 8_000_000L;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private final CopyOnWriteArrayList<Runnable> tasks = new CopyOnWriteArrayList<>();
    private int next;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runBudgeted();
        }
    };

    private void runBudgeted() {
        Object[] all = tasks.toArray();
        int n = all.length;
        if (n == 0) {
            return;
        }
        long start = cpuNanos();
        int first = next % n;
        for (int k = 0; k < n; k++) {
            int i = (first + k) % n;
            ((Runnable) all[i]).run();
            if (k + 1 < n && cpuNanos() - start > BUDGET_NANOS) {
                next = i + 1;
                return;
            }
        }
        next = first;
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
