package org.attractorlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or SIGTERM) during a long command: a shutdown hook asks the work to stop, then waits until the command has
 * finished writing (this object closed), so that a stopped command still leaves only complete files. Close it after
 * everything else the command holds: declare it first in its try-with-resources.
 */
final class StopOnShutdown implements AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param threadName the hook thread's name
     * @param onSignal   run by the hook after {@link #requested()} is set (e.g. cancelling a trainer)
     */
    StopOnShutdown(String threadName, Runnable onSignal) {
        hook = new Thread(() -> {
            requested.set(true);
            onSignal.run();
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    StopOnShutdown(String threadName) {
        this(threadName, () -> {
        });
    }

    /** Set once the JVM is shutting down: the work polls it. */
    AtomicBoolean requested() {
        return requested;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting through the hook, which waits on the latch released above
        }
    }
}
