package org.attractorlab.app.sweep;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepNetworks;
import org.attractorlab.figure.DegeneracyCharts;

/**
 * The sweep window's Population tab: the {@link DegeneracyStudy} of the sweep's done runs at one chosen level
 * (a level or measure name of {@link DegeneracyCharts#measureByKey}), grouped by a chosen axis or none, with the
 * out-of-distribution overrides typed in the OOD field (checked by the study's settings before anything runs),
 * computed on "Compute" on the injected executor ({@link LatestJob}); the MDS points coloured by a chosen axis
 * (recoloured without recomputing); and the pair of runs of the cell last clicked, selected and aligned side by side
 * ({@link AlignedPairViewModel}). A change of level or group-by after a
 * computation says so on the message line until the next one. FX thread only (except the study).
 */
public final class PopulationViewModel {
    /** The group-by and colour choice for none. */
    public static final String NONE = "none";
    /** The level chosen at first: representations need no extra options and compare any sizes. */
    public static final String DEFAULT_LEVEL = DegeneracyStudy.Level.REPRESENTATION.key();

    /** What a computation gives: the study, the networks compared (in its order) and the runs it left out. */
    public record Computed(DegeneracyStudy.Result result, DegeneracyStudy.Measure measure,
                           List<DegeneracyStudy.Member> members, List<SweepNetworks.LeftOut> leftOut) {
    }

    private final SweepDirectory sweep;
    private final List<String> axes;
    private final LatestJob<Computed> job;
    private final ObjectProperty<String> level = new SimpleObjectProperty<>(DEFAULT_LEVEL);
    private final ObjectProperty<String> groupBy = new SimpleObjectProperty<>(NONE);
    private final StringProperty ood = new SimpleStringProperty("");
    private final StringProperty maxValLoss = new SimpleStringProperty("");
    private final ChangeListener<String> staleOnChange = (o, was, now) -> stale();
    private final AlignedPairViewModel pair;
    private final ObjectProperty<String> colourAxis;
    private final ReadOnlyObjectWrapper<Computed> computed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Choose a level and press Compute to compare the done runs");
    private final ReadOnlyObjectWrapper<List<String>> selectedRuns = new ReadOnlyObjectWrapper<>(List.of());
    private final int trials;

    /**
     * @param executor where the study runs (the window's analysis thread; tests pass {@code Runnable::run})
     * @param trials   probe trials of the study
     */
    public PopulationViewModel(SweepDirectory sweep, FrameDrain drain, Executor executor, int trials) {
        this.sweep = sweep;
        this.trials = trials;
        axes = sweep.plan().spec().axisNames();
        colourAxis = new SimpleObjectProperty<>(axes.stream().filter(a -> !a.equals("seed")).findFirst()
                .orElse(NONE));
        job = new LatestJob<>("degeneracy", executor, drain, this::show, this::fail);
        pair = new AlignedPairViewModel(drain, executor, trials);
        level.addListener(staleOnChange);
        groupBy.addListener(staleOnChange);
        ood.addListener(staleOnChange);
        maxValLoss.addListener(staleOnChange);
    }

    /** Runs the study of the done runs at the chosen level and grouping, in the background. */
    public void compute() {
        DegeneracyStudy.Measure m = DegeneracyCharts.measureByKey(level.get());
        if (m == null) {
            message.set("'" + level.get() + "' is not a level; choose one of " + levels());
            return;
        }
        String g = NONE.equals(groupBy.get()) ? null : groupBy.get();
        List<String> overrides = oodOverrides();
        if (m == DegeneracyStudy.Measure.BEHAVIOUR_OOD && overrides.isEmpty()) {
            message.set(m.key() + " needs an out-of-distribution batch: type task overrides in the OOD field, "
                    + "e.g. task.trial_steps=200");
            return;
        }
        Double bound;
        try {
            DegeneracyStudy.defaultsFor(List.of()).withOod(overrides);
            bound = bound();
            SweepNetworks.checkBound(bound);
        } catch (IllegalArgumentException e) { // StudyException, SweepException and the number
            message.set(e.getMessage());
            return;
        }
        busy.set(true);
        message.set("Comparing the done runs at the " + m.key() + " level\u2026");
        job.submit(() -> {
            SweepNetworks.Selection sel = SweepNetworks.open(sweep, bound);
            DegeneracyStudy.Settings s = DegeneracyStudy.defaultsFor(sel.members())
                    .withLevels(EnumSet.of(m.level())).withGroupBy(g).withTrials(trials).withOod(overrides);
            return new Computed(DegeneracyStudy.run(sel.members(), s), m, sel.members(), sel.leftOut());
        });
    }

    /** The "fitted below" field as a bound, null when empty. */
    private Double bound() {
        String t = maxValLoss.get() == null ? "" : maxValLoss.get().trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("degeneracy.max_val_loss = '" + t + "' is not a number: use a "
                    + "validation loss such as 0.1, or leave the field empty to compare every done run");
        }
    }

    /** The OOD field's overrides: its comma-separated entries, trimmed, empty ones dropped. */
    List<String> oodOverrides() {
        List<String> out = new ArrayList<>();
        for (String part : ood.get() == null ? new String[0] : ood.get().split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    private void show(Computed c) {
        busy.set(false);
        selectedRuns.set(List.of());
        computed.set(c);
        String left = new SweepNetworks.Selection(c.members(), c.leftOut()).leftOutSummary();
        message.set(c.result().summary() + (left.isEmpty() ? "" : "; " + left));
    }

    private void fail(String why) {
        busy.set(false);
        message.set("Could not compare the runs: " + why);
    }

    private void stale() {
        Computed c = computed.get();
        if (c != null && !busy.get()) {
            message.set("Shown: " + c.measure().key() + (c.result().settings().groupBy() == null ? ""
                    : " by " + c.result().settings().groupBy()) + "; press Compute for the new choice");
        }
    }

    /** Shows the two runs of a cell side by side, aligned; nothing for a diagonal cell. */
    private void alignPair(Computed c, int row, int column) {
        if (row != column) {
            pair.align(c.members().get(row), c.members().get(column), String.format(java.util.Locale.ROOT,
                    "%s %.4g", c.measure().key(), c.result().measure(c.measure()).distance(row, column)));
        }
    }

    /**
     * Selects the two runs of a cell of the matrix shown (the same run twice for a diagonal cell); out of range or
     * with nothing shown, nothing happens.
     */
    public void selectPair(int row, int column) {
        Computed c = computed.get();
        if (c == null) {
            return;
        }
        List<String> names = c.result().names();
        if (row < 0 || column < 0 || row >= names.size() || column >= names.size()) {
            return;
        }
        List<String> pair = row == column ? List.of(names.get(row)) : List.of(names.get(row), names.get(column));
        selectedRuns.set(pair);
        DegeneracyStudy.MeasureResult mr = c.result().measure(c.measure());
        message.set(String.format(java.util.Locale.ROOT, "%s and %s: %s %.4g", names.get(row), names.get(column),
                c.measure().key(), mr.distance(row, column)));
        alignPair(c, row, column);
    }

    /** The level and measure names the level chooser offers ({@code behaviour_ood} with the OOD field filled). */
    public List<String> levels() {
        return DegeneracyCharts.measureKeys();
    }

    /**
     * The out-of-distribution overrides of the task, {@code --ood-set}-style and comma-separated
     * ({@code task.trial_steps=200, task.pulse_probability=0.1}); with any, the behaviour level also has its OOD matrix.
     */
    public StringProperty oodProperty() {
        return ood;
    }

    /**
     * The "fitted below" field: a validation loss; when set, only the done runs below it are compared
     * ({@code compare --max-val-loss}); empty compares every done run.
     */
    public StringProperty maxValLossProperty() {
        return maxValLoss;
    }

    /** The clicked pair, side by side. */
    public AlignedPairViewModel pair() {
        return pair;
    }

    /** {@link #NONE}, then the sweep's axes. */
    public List<String> axisChoices() {
        List<String> out = new ArrayList<>(List.of(NONE));
        out.addAll(axes);
        return out;
    }

    public ObjectProperty<String> levelProperty() {
        return level;
    }

    /** The axis the scores are grouped by, or {@link #NONE}. */
    public ObjectProperty<String> groupByProperty() {
        return groupBy;
    }

    /** The axis that colours the MDS points, or {@link #NONE}. */
    public ObjectProperty<String> colourAxisProperty() {
        return colourAxis;
    }

    /** The colour axis, null for {@link #NONE}. */
    public String colourAxis() {
        return NONE.equals(colourAxis.get()) ? null : colourAxis.get();
    }

    /** The last computation, or null before the first. */
    public ReadOnlyObjectProperty<Computed> computedProperty() {
        return computed.getReadOnlyProperty();
    }

    /** Whether a computation is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is shown, what is being computed, or why nothing could be. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The run names of the cell last clicked (one for a diagonal cell), empty when none. */
    public ReadOnlyObjectProperty<List<String>> selectedRunsProperty() {
        return selectedRuns.getReadOnlyProperty();
    }

    /** Stops delivering results and listening to the choices. */
    public void dispose() {
        level.removeListener(staleOnChange);
        groupBy.removeListener(staleOnChange);
        ood.removeListener(staleOnChange);
        maxValLoss.removeListener(staleOnChange);
        job.dispose();
        pair.dispose();
    }
}
