package org.attractorlab.app;

import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.attractorlab.app.fx.FrameDrain;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The UI tests' one way to wait: on a condition ({@link #until}), on the FX thread's queue ({@link #fxEvents}), on
 * the frame drain's ticks ({@link #ticks}), on rendered frames ({@link #pulses}) and on the garbage collector
 * ({@link #collected}). Nothing here sleeps for a fixed time: each returns as soon as what it waits for happened.
 */
public final class FxWait {
    /** How long {@link #until(String, Callable)} waits before the test fails. */
    public static final int TIMEOUT_SECONDS = 60;

    private FxWait() {
    }

    /** Waits until {@code condition} holds (polled every few ms, off the FX thread); fails naming {@code what}. */
    public static void until(String what, Callable<Boolean> condition) throws Exception {
        until(what, TIMEOUT_SECONDS, condition);
    }

    /** Waits up to {@code seconds} until {@code condition} holds; fails naming {@code what}. */
    public static void until(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Waits until the events already queued on the FX thread have run. */
    public static void fxEvents() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /**
     * Waits until the frame drain has run {@code n} more ticks: whatever the background threads had handed over
     * before the call is then on screen (each tick drains everything handed over before it).
     */
    public static void ticks(FrameDrain drain, int n) throws Exception {
        CountDownLatch latch = new CountDownLatch(n);
        Runnable[] remove = new Runnable[1];
        fx(() -> remove[0] = drain.register(latch::countDown));
        try {
            if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the frame drain did not tick " + n + " times");
            }
        } finally {
            fx(() -> {
                remove[0].run();
                return null;
            });
        }
    }

    /** Waits until JavaFX has run {@code n} more animation pulses (layout, CSS and a render of every scene). */
    public static void pulses(int n) throws Exception {
        CountDownLatch latch = new CountDownLatch(n);
        AnimationTimer[] timer = new AnimationTimer[1];
        Platform.runLater(() -> {
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    latch.countDown();
                    if (latch.getCount() == 0) {
                        stop();
                    }
                }
            };
            timer[0].start();
        });
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("JavaFX did not run " + n + " pulses");
        }
        fxEvents();
    }

    /**
     * Runs the garbage collector until every one of {@code refs} is cleared, for at most 10 s; the caller asserts
     * that they were (so that its message says what leaked).
     */
    public static void collected(Reference<?>... refs) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                if (Arrays.stream(refs).allMatch(r -> r.get() == null)) {
                    return true;
                }
                System.gc();
                fxEvents();
                return Arrays.stream(refs).allMatch(r -> r.get() == null);
            });
        } catch (TimeoutException e) {
            // the caller's assertions name what is still reachable
        }
    }
}
