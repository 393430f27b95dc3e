package org.attractorlab.app.fx;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor that holds the tasks given to it until {@link #open()}, then hands them, in order, to its delegate,
 * and every later task at once. The window holds its panes' analyses this way until its first frame with the
 * sample's trajectories is on screen, so that they (and the compilation of their code) do not compete with the first
 * frame for the processor. Any thread.
 */
public final class HeldExecutor implements Executor {
    private final Executor delegate;
    private Queue<Runnable> held = new ArrayDeque<>();

    public HeldExecutor(Executor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        synchronized (this) {
            if (held != null) {
                held.add(task);
                return;
            }
        }
        delegate.execute(task);
    }

    /** Hands the held tasks to the delegate, in the order they came, and every later one at once. */
    public void open() {
        Queue<Runnable> tasks;
        synchronized (this) {
            tasks = held;
            held = null;
        }
        if (tasks != null) {
            tasks.forEach(delegate::execute);
        }
    }

    /** Whether tasks are still held. */
    public synchronized boolean holding() {
        return held != null;
    }
}
