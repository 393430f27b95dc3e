package org.attractorlab.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.TrainingRow;
import org.attractorlab.core.train.TrainingStatus;

/**
 * The training session as the UI sees it: the experiment config, the training controls and the live figures
 * of the toolbar and status bar. FX thread only. Statuses reach it through {@link FrameDrain}: once per frame
 * it drains the training service's queue and hands the batch to every status listener (e.g. the loss chart).
 */
public final class SessionViewModel {
    private final ObjectProperty<ExperimentConfig> config = new SimpleObjectProperty<>();
    /** The listeners {@link #sayErrors} adds, removed by {@link #dispose()}. */
    private final org.attractorlab.app.fx.Disposer errorListeners = new org.attractorlab.app.fx.Disposer();
    private final ReadOnlyObjectWrapper<TrainingService.Phase> phase =
            new ReadOnlyObjectWrapper<>(TrainingService.Phase.IDLE);
    private final ReadOnlyObjectWrapper<TrainingService> service = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper speedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Ready");
    private final List<Consumer<List<TrainingStatus>>> statusListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<TrainingService>> serviceListeners = new CopyOnWriteArrayList<>();
    private final Runnable unregister;
    private final int snapshotEvery;

    public SessionViewModel(ExperimentConfig initial, FrameDrain drain, int snapshotEvery) {
        this.snapshotEvery = snapshotEvery;
        config.set(initial);
        unregister = drain.register(this::drain);
        reset();
    }

    public ObjectProperty<ExperimentConfig> configProperty() {
        return config;
    }

    public ReadOnlyObjectProperty<TrainingService.Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingService> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty speedTextProperty() {
        return speedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeTextProperty() {
        return timeText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Receives, once per frame, the statuses of all steps trained since the last frame (possibly none). */
    public Runnable addStatusListener(Consumer<List<TrainingStatus>> listener) {
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    /** Told whenever a new training service replaces the old one (reset, new config). */
    public Runnable addServiceListener(Consumer<TrainingService> listener) {
        serviceListeners.add(listener);
        if (service.get() != null) {
            listener.accept(service.get());
        }
        return () -> serviceListeners.remove(listener);
    }

    /** Shows a message in the status bar. */
    public void say(String text) {
        message.set(text);
    }

    /** Shows every non-empty value {@code error} takes in the status bar, after {@code prefix}, until disposed. */
    public void sayErrors(javafx.beans.value.ObservableValue<String> error, String prefix) {
        errorListeners.listen(error, (o, a, b) -> {
            if (b != null && !b.isEmpty()) {
                say(prefix + b);
            }
        });
    }

    public void train() {
        TrainingService s = service.get();
        if (s.phase() == TrainingService.Phase.FINISHED) {
            return;
        }
        s.start();
        message.set("Training " + StatusText.describe(config.get()));
    }

    /** One training step, then paused. */
    public void step() {
        service.get().stepOnce();
    }

    public void pause() {
        service.get().pause();
    }

    public void resume() {
        service.get().resume();
    }

    public void stop() {
        service.get().stop();
    }

    /** Discards the trained network and starts over from the current config. */
    public void reset() {
        TrainingService old = service.get();
        if (old != null) {
            old.close();
        }
        unshown = null;
        TrainingService s = new TrainingService(Experiment.create(config.get()), snapshotEvery);
        service.set(s);
        status.set(s.lastStatus());
        progress.set(0);
        speedText.set("");
        timeText.set("");
        phase.set(s.phase());
        message.set("Ready: " + StatusText.describe(config.get()));
        for (Consumer<TrainingService> l : serviceListeners) {
            l.accept(s);
        }
    }

    /**
     * Continues a saved session: its config, its network at the saved step, its history of snapshots and its
     * training log, which every status listener receives as one batch (the loss chart fills). Training resumes
     * from the saved step.
     */
    public void open(SavedSession saved) {
        TrainingService old = service.get();
        if (old != null) {
            old.close();
        }
        ExperimentConfig c = saved.experiment().config();
        config.set(c);
        List<TrainingService.Snapshot> history = new ArrayList<>();
        saved.history().forEach((step, p) -> history.add(new TrainingService.Snapshot(step, p.clone())));
        TrainingService s = new TrainingService(saved.experiment(), snapshotEvery, saved.step(), history);
        List<TrainingStatus> past = new ArrayList<>(saved.log().size());
        for (TrainingRow r : saved.log()) {
            past.add(new TrainingStatus(r.step(), c.training().steps(), r.loss(), r.accuracy(), r.validationLoss(),
                    r.validationAccuracy(), r.gradNorm(), r.learningRate(), r.stepsPerSecond(), r.elapsedSeconds(),
                    TrainingStatus.State.RUNNING, ""));
        }
        service.set(s);
        TrainingStatus last = past.isEmpty() ? s.lastStatus() : past.get(past.size() - 1);
        status.set(last);
        progress.set(Math.min(1, (double) saved.step() / c.training().steps()));
        speedText.set("");
        timeText.set(past.isEmpty() ? "" : StatusText.clock(last.elapsedSeconds()) + " trained");
        phase.set(s.phase());
        StringBuilder m = new StringBuilder("Opened ").append(saved.dir().getFileName()).append(" at step ")
                .append(saved.step()).append(": ").append(StatusText.describe(c));
        saved.notes().forEach(n -> m.append("; ").append(n));
        message.set(m.toString());
        for (Consumer<TrainingService> l : serviceListeners) {
            l.accept(s);
        }
        for (Consumer<List<TrainingStatus>> l : statusListeners) {
            l.accept(List.copyOf(past));
        }
    }

    /** The toolbar's figures change at most once per this period while training runs (on the drain's grid). */
    public static final long FIGURES_NANOS = 2 * org.attractorlab.app.fx.FrameDrain.TICK_NANOS;
    private final org.attractorlab.app.fx.GridGate figures = new org.attractorlab.app.fx.GridGate(FIGURES_NANOS);
    private TrainingStatus unshown;

    private void drain() {
        TrainingService s = service.get();
        if (s == null) {
            return;
        }
        List<TrainingStatus> batch = new ArrayList<>();
        // the phase first: the training thread queues a run's last status before it marks the run finished, so
        // a finished phase read here comes with every status of the run in this drain
        TrainingService.Phase p = s.phase();
        s.drainStatuses(batch::add);
        // listeners first: a phase change (e.g. an autosave on pause) then sees every status up to it
        for (Consumer<List<TrainingStatus>> l : statusListeners) {
            l.accept(batch);
        }
        if (!batch.isEmpty()) {
            unshown = batch.get(batch.size() - 1);
        }
        long now = System.nanoTime();
        // the toolbar's figures change at most five times a second while training runs: each change repaints
        if (unshown != null && (figures.open(now) || unshown.state().finished()
                || p != TrainingService.Phase.RUNNING)) {
            TrainingStatus last = unshown;
            unshown = null;
            status.set(last);
            progress.set((double) last.step() / last.totalSteps());
            speedText.set(StatusText.speed(last));
            timeText.set(StatusText.times(last));
            if (last.state().finished()) {
                message.set(last.message());
            }
        }
        if (p != phase.get()) {
            if (p == TrainingService.Phase.FINISHED) {
                // the final status: a stop or divergence that trained nothing is not among the drained ones
                TrainingStatus last = s.lastStatus();
                status.set(last);
                message.set(last.message());
            }
            phase.set(p);
            if (p == TrainingService.Phase.PAUSED) {
                message.set("Paused at step " + s.lastStatus().step() + ": everything stays explorable");
            }
        }
    }

    /** Stops training and releases the drain registration. */
    public void dispose() {
        errorListeners.dispose();
        unregister.run();
        if (service.get() != null) {
            service.get().close();
        }
    }
}
