package org.attractorlab.app.shell;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.attractorlab.app.export.ExportViewModel;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;

/**
 * The window's keyboard shortcuts: F5 train (or resume), F6 pause, F7 one step, F8 stop, Ctrl+O open a session,
 * Ctrl+E export the pane last touched.
 */
public final class Shortcuts {
    private Shortcuts() {
    }

    /** Puts every shortcut on {@code scene}. */
    public static void install(Scene scene, SessionViewModel session, Runnable openSession, ExportViewModel exports) {
        var keys = scene.getAccelerators();
        keys.put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (session.phaseProperty().get() == TrainingService.Phase.PAUSED) {
                session.resume();
            } else {
                session.train();
            }
        });
        keys.put(new KeyCodeCombination(KeyCode.F6), session::pause);
        keys.put(new KeyCodeCombination(KeyCode.F7), session::step);
        keys.put(new KeyCodeCombination(KeyCode.F8), session::stop);
        keys.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), openSession);
        keys.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> exports.exportLast(scene.getWindow()));
    }
}
