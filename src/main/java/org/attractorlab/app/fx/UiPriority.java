package org.attractorlab.app.fx;

import javafx.application.Platform;

/**
 * Drawing goes before the analyses, and before training when training takes every core (see
 * {@code TrainingService.trainingPriority}; effective with -XX:ThreadPriorityPolicy=1, as root).
 */
public final class UiPriority {
    /** The priority of the FX thread and of the renderer. */
    public static final int PRIORITY = Thread.NORM_PRIORITY + 2;

    private UiPriority() {
    }

    /**
     * On the FX thread: raises its priority, and that of the renderer it waits for to finish the last frame.
     * Elsewhere (a test building views off the FX thread) it does nothing.
     */
    public static void raise() {
        if (!Platform.isFxApplicationThread()) {
            return;
        }
        Thread.currentThread().setPriority(PRIORITY);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                t.setPriority(PRIORITY);
            }
        }
    }
}
