package org.attractorlab.app.history;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.LiveAnalysis;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.app.session.TrainingService.Snapshot;
import org.attractorlab.core.analysis.pca.PcaResult;

/**
 * Training history: the parameter snapshots the training service keeps (every few steps; the list grows while
 * training) and which one the panes show. Live (the default) follows training: the position tracks the newest
 * snapshot and the panes show live frames. Choosing a snapshot leaves live mode and asks the live analysis for
 * that snapshot, projected on the newest live frame's PCA basis so that every step is seen in the same axes;
 * the frame arrives through {@link AnalysisHub#frameProperty()} like a live one. Play steps through the history a
 * few times a second. FX thread only.
 */
public final class HistoryViewModel {
    /** Time between two snapshots while playing. */
    public static final Duration PLAY_INTERVAL = Duration.millis(300);

    private final AnalysisHub hub;
    private final Disposer disposer = new Disposer();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("step 0");
    private final BooleanProperty live = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final Timeline timeline = new Timeline(new KeyFrame(PLAY_INTERVAL, e -> advance()));
    private TrainingService service;
    private List<Snapshot> snapshots = List.of();
    private PcaResult reference;
    private boolean attaching;

    public HistoryViewModel(SessionViewModel session, AnalysisHub hub) {
        this.hub = hub;
        timeline.setCycleCount(Animation.INDEFINITE);
        disposer.onDispose(timeline::stop);
        disposer.listen(live, (o, a, on) -> followTraining(on));
        disposer.listen(hub.frameProperty(), (o, a, f) -> {
            if (f != null && f.live()) {
                reference = f.pca();
            }
        });
        disposer.onDispose(session.addServiceListener(this::attach));
        // with the toolbar's figures (a few times a second), not with every batch: each change repaints the bar
        disposer.listen(session.statusProperty(), (o, a, b) -> refresh());
        // the last snapshot of a run (or the one taken on pausing) comes after the last status
        disposer.listen(session.phaseProperty(), (o, a, p) -> refresh());
    }

    /** Number of snapshots so far. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Index of the snapshot shown (the newest while live). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** Training step of the snapshot at {@link #indexProperty()}. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** "step N". */
    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    /** True: follow training (newest snapshot, live frames). Setting it true returns to the newest snapshot. */
    public BooleanProperty liveProperty() {
        return live;
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Shows snapshot {@code i} (clamped to the history), leaving live mode. */
    public void select(int i) {
        if (snapshots.isEmpty()) {
            return;
        }
        int clamped = Math.max(0, Math.min(snapshots.size() - 1, i));
        live.set(false);
        index.set(clamped);
        updateStep();
        LiveAnalysis analysis = hub.live();
        if (analysis != null) {
            analysis.submitHistory(snapshots.get(clamped), reference);
        }
    }

    /** Moves {@code delta} snapshots along the history. */
    public void stepBy(int delta) {
        select(index.get() + delta);
    }

    /** Plays the history from the shown snapshot (from the start when at the end), or stops playing. */
    public void togglePlay() {
        if (playing.get()) {
            stop();
            return;
        }
        if (snapshots.size() < 2) {
            return;
        }
        select(live.get() || index.get() >= snapshots.size() - 1 ? 0 : index.get());
        playing.set(true);
        timeline.playFromStart();
    }

    /** Stops playing; the shown snapshot stays. */
    public void stop() {
        timeline.stop();
        playing.set(false);
    }

    private void advance() {
        if (index.get() >= snapshots.size() - 1) {
            stop();
        } else {
            select(index.get() + 1);
        }
    }

    private void attach(TrainingService s) {
        stop();
        service = s;
        reference = null;
        snapshots = s.history();
        count.set(snapshots.size());
        attaching = true;
        try {
            live.set(true); // the analysis hub wires the new service's snapshots itself
        } finally {
            attaching = false;
        }
        index.set(snapshots.size() - 1);
        updateStep();
    }

    private void refresh() {
        if (service == null) {
            return;
        }
        snapshots = service.history();
        count.set(snapshots.size());
        if (live.get()) {
            index.set(snapshots.size() - 1);
        }
        updateStep();
    }

    /**
     * Live: training snapshots go to the live analysis again and the newest one is shown. Not live: training
     * snapshots are not analysed, so that the chosen past step stays on screen while training goes on.
     */
    private void followTraining(boolean on) {
        LiveAnalysis analysis = hub.live();
        if (attaching || service == null || analysis == null) {
            return;
        }
        if (on) {
            stop();
            refresh();
        }
        hub.setFollowLive(on);
    }

    private void updateStep() {
        int s = snapshots.isEmpty() ? 0 : snapshots.get(index.get()).step();
        step.set(s);
        stepText.set("step " + s);
    }

    /** Stops playing, returns training snapshots to the live analysis and removes every listener. */
    public void dispose() {
        stop();
        disposer.dispose();
        hub.setFollowLive(true);
    }
}
