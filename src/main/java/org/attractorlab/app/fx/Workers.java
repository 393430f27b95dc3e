package org.attractorlab.app.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one way the app makes a background thread: a single daemon thread, named and at a chosen priority, owned by
 * whoever asked for it, who shuts it down (the window its analysis worker, the autosave and the export their
 * writers, a training run its loop).
 */
public final class Workers {
    private Workers() {
    }

    /**
     * One daemon thread running tasks in the order they are submitted.
     *
     * @param name     the thread's name (shown by profilers and thread dumps)
     * @param priority its {@link Thread#setPriority priority}
     */
    public static ExecutorService single(String name, int priority) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        });
    }
}
