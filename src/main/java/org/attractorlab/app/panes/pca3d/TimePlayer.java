package org.attractorlab.app.panes.pca3d;

import java.util.function.IntSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.util.Duration;

/** Moves a time step along the steps of a trial over and over, 25 times a second, while playing. FX thread only. */
final class TimePlayer {
    /** Time between two steps. */
    static final Duration INTERVAL = Duration.millis(40);

    private final IntegerProperty time;
    private final IntSupplier steps;
    private Timeline timeline;

    /** @param steps the steps of the trials shown, or 0 or less while there are none */
    TimePlayer(IntegerProperty time, IntSupplier steps) {
        this.time = time;
        this.steps = steps;
    }

    void play(boolean on) {
        if (on && timeline == null) {
            timeline = new Timeline(new KeyFrame(INTERVAL, e -> advance()));
            timeline.setCycleCount(Animation.INDEFINITE);
        }
        if (timeline != null) {
            if (on) {
                timeline.play();
            } else {
                timeline.stop();
            }
        }
    }

    private void advance() {
        int n = steps.getAsInt();
        if (n > 0) {
            time.set(next(time.get(), n));
        }
    }

    /** The step after {@code t} among {@code steps}: back to 0 after the last one (and from no step). */
    static int next(int t, int steps) {
        return t + 1 >= steps || t < 0 ? 0 : t + 1;
    }
}
