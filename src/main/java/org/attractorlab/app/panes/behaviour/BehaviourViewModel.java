package org.attractorlab.app.panes.behaviour;

import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.task.Task;

/**
 * The behaviour of one trial of the probe batch: its inputs, its targets (only where the loss mask is 1) and the
 * network's outputs over time, for the first selected trial (trial 0 when nothing is selected). New analysis
 * frames are shown at most four times a second; a change of trial or time unit is shown at once. FX thread only;
 * the series are a few hundred numbers, built here and handed to the chart in one change per dataset.
 */
public final class BehaviourViewModel {
    /** Channel names of the two plots, as shown in the legend. */
    public record Channels(List<String> inputs, List<String> outputs) {
    }

    static final long REDRAW_NANOS = 250_000_000L;

    private final AnalysisHub hub;
    private final SelectionModel selection;
    private final Disposer disposer = new Disposer();
    private final TraceDataset inputs = new TraceDataset();
    private final TraceDataset outputs = new TraceDataset();
    private final TraceDataset targets = new TraceDataset();
    private final BooleanProperty millis = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper millisAvailable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyIntegerWrapper trial = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper("Trial 0");
    private final ReadOnlyStringWrapper conditionText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper frameText = new ReadOnlyStringWrapper("waiting for the network");
    private final ReadOnlyStringWrapper timeLabel = new ReadOnlyStringWrapper("time (steps)");
    private final ReadOnlyBooleanWrapper updating = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper marker = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<Channels> channels =
            new ReadOnlyObjectWrapper<>(new Channels(List.of(), List.of()));
    private Task task;
    private AnalysisFrame shown;
    private int steps = -1;
    private boolean dirty;
    private boolean built;
    private long lastBuild;

    public BehaviourViewModel(SessionViewModel session, AnalysisHub hub, SelectionModel selection, FrameDrain drain) {
        this.hub = hub;
        this.selection = selection;
        disposer.onDispose(session.addServiceListener(s -> {
            task = s.experiment().task();
            millisAvailable.set(Double.isFinite(task.dtMillis()) && task.dtMillis() > 0);
            if (!millisAvailable.get()) {
                millis.set(false);
            }
        }));
        disposer.listen(hub.frameProperty(), (o, a, f) -> dirty = true);
        disposer.listen(selection.trialsProperty(), (o, a, b) -> rebuild());
        disposer.listen(selection.timeStepProperty(), (o, a, b) -> updateMarker());
        disposer.listen(millis, (o, a, b) -> rebuild());
        disposer.onDispose(drain.register(this::tick));
        rebuild();
    }

    /** Inputs of the trial, one series per input channel. */
    public TraceDataset inputs() {
        return inputs;
    }

    /** Network outputs of the trial (after the readout nonlinearity), one series per output channel. */
    public TraceDataset outputs() {
        return outputs;
    }

    /** Targets of the trial, one series per output channel; NaN (a gap) where the loss mask is 0. */
    public TraceDataset targets() {
        return targets;
    }

    /** True while the three datasets are being replaced: a chart can hold its redraw until it turns false. */
    public ReadOnlyBooleanProperty updatingProperty() {
        return updating.getReadOnlyProperty();
    }

    /** Time in milliseconds (true) or in steps (false). */
    public BooleanProperty millisProperty() {
        return millis;
    }

    /** False when the task has no step duration. */
    public ReadOnlyBooleanProperty millisAvailableProperty() {
        return millisAvailable.getReadOnlyProperty();
    }

    /** The trial shown. */
    public ReadOnlyIntegerProperty trialProperty() {
        return trial.getReadOnlyProperty();
    }

    /** "Trial 3": the trial shown. */
    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** The trial's condition values, e.g. "bit0 1, bit1 -1, bit2 1, pulses 4". */
    public ReadOnlyStringProperty conditionTextProperty() {
        return conditionText.getReadOnlyProperty();
    }

    /** Which network the traces come from, e.g. "step 250" or "step 25, history". */
    public ReadOnlyStringProperty frameTextProperty() {
        return frameText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeLabelProperty() {
        return timeLabel.getReadOnlyProperty();
    }

    /** Position of the time marker on the time axis (in the current unit), or NaN for none. */
    public ReadOnlyDoubleProperty markerProperty() {
        return marker.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Channels> channelsProperty() {
        return channels.getReadOnlyProperty();
    }

    /** The analysis frame the traces were built from, or null. */
    public AnalysisFrame shownFrame() {
        return shown;
    }

    /** Selects the time step nearest to {@code time} (in the current unit), within the trial. */
    public void selectTime(double time) {
        if (steps < 1 || !Double.isFinite(time)) {
            return;
        }
        int step = (int) Math.round(time / scale());
        selection.timeStepProperty().set(Math.max(0, Math.min(steps - 1, step)));
    }

    private double scale() {
        return millis.get() && task != null ? task.dtMillis() : 1.0;
    }

    private void tick() {
        if (dirty && (!built || System.nanoTime() - lastBuild >= REDRAW_NANOS)) {
            rebuild();
        }
    }

    private void rebuild() {
        updating.set(true);
        try {
            build();
        } finally {
            updating.set(false);
        }
    }

    private void build() {
        dirty = false;
        built = true;
        lastBuild = System.nanoTime();
        timeLabel.set(millis.get() ? "time (ms)" : "time (steps)");
        AnalysisFrame f = hub.frameProperty().get();
        shown = f;
        if (f == null) {
            steps = -1;
            inputs.clear();
            outputs.clear();
            targets.clear();
            header.set("Trial " + selectedTrial(Integer.MAX_VALUE));
            conditionText.set("");
            frameText.set("waiting for the network");
            updateMarker();
            return;
        }
        HiddenStates s = f.states();
        int b = selectedTrial(s.trials());
        steps = s.steps();
        trial.set(b);
        TrialTraces traces = TrialTraces.of(s, b, task == null ? null : task.inputNames(),
                task == null ? null : task.outputNames(), scale());
        Channels c = new Channels(traces.inputNames(), traces.outputNames());
        if (!c.equals(channels.get())) {
            channels.set(c);
        }
        inputs.set(traces.inputNames(), traces.time(), traces.inputs());
        outputs.set(traces.outputNames(), traces.time(), traces.outputs());
        targets.set(traces.targetNames(), traces.time(), traces.targets());
        header.set("Trial " + b);
        conditionText.set(TrialTraces.describe(b, s.conditions()));
        frameText.set("step " + f.step() + (f.live() ? "" : ", history"));
        updateMarker();
    }

    private int selectedTrial(int trials) {
        Set<Integer> which = selection.trialsProperty().get();
        int first = which == null || which.isEmpty() ? 0 : which.stream().min(Integer::compare).orElse(0);
        return first < trials ? first : 0;
    }

    private void updateMarker() {
        int t = selection.timeStepProperty().get();
        marker.set(t >= 0 && (steps < 0 || t < steps) ? t * scale() : Double.NaN);
    }

    public void dispose() {
        disposer.dispose();
    }
}
