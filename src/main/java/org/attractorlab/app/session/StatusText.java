package org.attractorlab.app.session;

import java.util.Locale;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.train.TrainingStatus;

/** How the toolbar and the status bar put a training status and a config into words. */
final class StatusText {
    private StatusText() {
    }

    /** "842 steps/s". */
    static String speed(TrainingStatus s) {
        return String.format(Locale.ROOT, "%.0f steps/s", s.stepsPerSecond());
    }

    /** "0:12 elapsed, 1:03 left". */
    static String times(TrainingStatus s) {
        return String.format(Locale.ROOT, "%s elapsed, %s left", clock(s.elapsedSeconds()), clock(s.remainingSeconds()));
    }

    /** "flipflop, vanilla with 64 units". */
    static String describe(ExperimentConfig c) {
        return String.format(Locale.ROOT, "%s, %s with %d units", c.taskName(),
                c.model().cell().name().toLowerCase(Locale.ROOT), c.model().hiddenSize());
    }

    /** m:ss, or --:-- when not known. */
    static String clock(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
