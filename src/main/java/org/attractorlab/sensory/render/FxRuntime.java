package org.attractorlab.sensory.render;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit once for offscreen rendering (the CLI has no window) and runs work on its thread. When
 * the toolkit already runs (the desktop app, a UI test), it is used as it is.
 */
final class FxRuntime {
    private static boolean started;

    private FxRuntime() {
    }

    /** Starts the toolkit unless it runs, and checks that it can draw 3D scenes. */
    static synchronized void start() {
        if (started) {
            return;
        }
        CountDownLatch ready = new CountDownLatch(1);
        boolean ours = false;
        try {
            Platform.startup(ready::countDown);
            ours = true;
        } catch (IllegalStateException alreadyRunning) {
            ready.countDown(); // the app or a test harness started the toolkit before us: render on its thread
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new RenderException("cannot start JavaFX for rendering (" + e.getMessage() + "); rendering needs a"
                    + " display with OpenGL: set DISPLAY, or run under Xvfb (xvfb-run ./attractor-lab ...)", e);
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while JavaFX started", e);
        }
        if (ours) {
            Platform.setImplicitExit(false);
        }
        if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
            throw new RenderException("this JavaFX pipeline cannot draw 3D scenes; run with -Dprism.forceGPU=true"
                    + " (the attractor-lab launcher does) on a display with OpenGL (Xvfb with Mesa works)");
        }
        started = true;
    }

    /** Runs {@code work} on the FX thread (now, if called on it) and completes the future with its result. */
    static <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        };
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
        return f;
    }

    /** Waits for a future from {@link #submit}, rethrowing its failure unwrapped. */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new RenderException("rendering failed: " + cause, cause);
        }
    }
}
