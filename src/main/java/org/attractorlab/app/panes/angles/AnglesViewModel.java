package org.attractorlab.app.panes.angles;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.subspace.SubspaceAngleOptions;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Subspace angles of the newest analysis frame: the trials are grouped by one condition column, each group's
 * hidden states (over a window of steps) give a k-dimensional top-PC subspace, and every pair of groups the mean
 * of their principal angles (a group x group matrix, in degrees) and the full angle spectrum of the selected pair.
 * Recomputed off the FX thread on every frame and every change of a setting.
 */
public final class AnglesViewModel {
    /** The default subspace dimension. */
    static final int DEFAULT_K = 3;

    /** The settings of one computation. */
    record Settings(String column, int k, int fromStep, int toStep) {
        SubspaceAngleOptions options() {
            return new SubspaceAngleOptions(column, k, 0, fromStep, toStep);
        }
    }

    /**
     * A computed angle matrix and everything shown with it.
     *
     * @param frame   the analysis frame it was computed from
     * @param result  the subspaces and their angles
     * @param labels  one label per group, e.g. {@code "context=1"}
     * @param heatmap the mean angles in degrees, ready to draw
     */
    public record Shown(AnalysisFrame frame, SubspaceAngleResult result, List<String> labels, HeatmapData heatmap) {
        /** Mean principal angle between groups i and j, in degrees. */
        public double meanDegrees(int i, int j) {
            return heatmap.value(i, j);
        }
    }

    private final ObservableValue<AnalysisFrame> frames;
    private final SelectionModel selection;
    private final LatestJob<Shown> job;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final StringProperty groupColumn = new SimpleStringProperty();
    private final IntegerProperty k = new SimpleIntegerProperty(DEFAULT_K);
    private final IntegerProperty fromStep = new SimpleIntegerProperty(0);
    private final IntegerProperty toStep = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper units = new ReadOnlyIntegerWrapper(DEFAULT_K);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Heatmap.Cell> pair = new ReadOnlyObjectWrapper<>();
    private final XYSeries spectrumSeries = new XYSeries("principal angles", false, false);
    private final XYSeriesCollection spectrum = new XYSeriesCollection(spectrumSeries);
    private final ReadOnlyStringWrapper spectrumTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Train a network to see its subspace "
            + "angles");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<Integer>> highlighted = new ReadOnlyObjectWrapper<>(Set.of());
    private final ChangeListener<AnalysisFrame> frameListener = (o, a, f) -> onFrame(f);
    private final ChangeListener<Object> settingListener = (o, a, b) -> recompute();
    private final ChangeListener<Set<Integer>> selectionListener = (o, a, b) -> updateHighlight();
    private boolean resetting;

    public AnglesViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                        java.util.concurrent.Executor executor) {
        this.frames = frames;
        this.selection = selection;
        job = new LatestJob<>("angles", executor, drain, this::onResult, this::onError);
        frames.addListener(frameListener);
        selection.trialsProperty().addListener(selectionListener);
        for (ObservableValue<?> p : List.of(groupColumn, k, fromStep, toStep)) {
            p.addListener(settingListener);
        }
        if (frames.getValue() != null) {
            onFrame(frames.getValue());
        }
    }

    /** {@code context} when present, else the first column that looks categorical, else the first column. */
    static String defaultColumn(ConditionTable table) {
        if (table.has("context")) {
            return "context";
        }
        for (String name : table.names()) {
            if (categorical(table, name)) {
                return name;
            }
        }
        return table.names().isEmpty() ? null : table.names().get(0);
    }

    /** A column with level labels, or with 2 to 12 distinct integer values. */
    static boolean categorical(ConditionTable table, String name) {
        if (table.levels(name) != null) {
            return true;
        }
        double[] v = table.column(name);
        if (Arrays.stream(v).anyMatch(x -> x != Math.rint(x))) {
            return false;
        }
        long distinct = Arrays.stream(v).distinct().count();
        return distinct >= 2 && distinct <= 12;
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        ConditionTable table = f.states().conditions();
        int t = f.states().steps();
        if (!table.names().equals(columns) || t != steps.get() || f.states().units() != units.get()) {
            resetting = true;
            try {
                columns.setAll(table.names());
                steps.set(t);
                units.set(f.states().units());
                groupColumn.set(defaultColumn(table));
                k.set(Math.min(DEFAULT_K, f.states().units()));
                fromStep.set(0);
                toStep.set(t);
                pair.set(null);
            } finally {
                resetting = false;
            }
        }
        recompute();
    }

    private void recompute() {
        AnalysisFrame f = frames.getValue();
        if (resetting || f == null) {
            return;
        }
        Settings s = new Settings(groupColumn.get(), k.get(), fromStep.get(), toStep.get());
        job.submit(() -> compute(f, s));
    }

    /** Computes the angles of a frame (any thread). */
    static Shown compute(AnalysisFrame f, Settings s) {
        SubspaceAngleOptions o = s.options();
        ConditionTable table = f.states().conditions();
        if (!table.has(o.groupColumn())) {
            throw new IllegalArgumentException("no condition column '" + o.groupColumn() + "'; columns are "
                    + table.names());
        }
        double[] column = table.column(o.groupColumn());
        double[] distinct = Arrays.stream(column).distinct().sorted().toArray();
        if (distinct.length < 2) {
            throw new IllegalArgumentException("all trials have the same " + o.groupColumn()
                    + ": subspace angles need at least two groups");
        }
        int span = o.end(f.states().steps()) - o.fromStep();
        if (o.k() > f.states().units()) {
            throw new IllegalArgumentException("k = " + o.k() + " is more than the " + f.states().units()
                    + " hidden units");
        }
        for (double v : distinct) {
            long trials = Arrays.stream(column).filter(x -> Double.compare(x, v) == 0).count();
            if (trials * span <= o.k()) {
                throw new IllegalArgumentException("group " + o.groupColumn() + "=" + valueLabel(table,
                        o.groupColumn(), v) + " is too small: " + trials + " trials x " + span + " steps = "
                        + trials * span + " samples, but a " + o.k() + "-dimensional subspace needs at least "
                        + (o.k() + 1) + ". Lower k, widen the step window or group by a column with fewer values.");
            }
        }
        SubspaceAngleResult r = SubspaceAngles.compute(f.states(), o);
        HeatmapData heat = Heatmaps.angles(r, table);
        List<String> labels = heat.rowLabels();
        List<String> groupLabels = labels.stream().map(l -> o.groupColumn() + "=" + l).toList();
        return new Shown(f, r, groupLabels, heat);
    }

    /** A condition value as text: its level label for a categorical column, else the number. */
    static String valueLabel(ConditionTable table, String column, double v) {
        return Heatmaps.valueLabel(table, column, v);
    }

    private void onResult(Shown s) {
        shown.set(s);
        message.set("");
        Heatmap.Cell p = pair.get();
        int g = s.result().groupCount();
        if (p == null || p.row() >= g || p.column() >= g) {
            pair.set(new Heatmap.Cell(0, 1));
        }
        updateSpectrum();
        updateHighlight();
    }

    private void onError(String error) {
        shown.set(null);
        message.set(error);
        spectrumSeries.clear();
        spectrumTitle.set("");
        highlighted.set(Set.of());
    }

    private void updateSpectrum() {
        Shown s = shown.get();
        Heatmap.Cell p = pair.get();
        spectrumSeries.clear();
        if (s == null || p == null) {
            spectrumTitle.set("");
            return;
        }
        double[] angles = s.result().angles(p.row(), p.column());
        for (int a = 0; a < angles.length; a++) {
            spectrumSeries.add(a + 1, Math.toDegrees(angles[a]), false);
        }
        spectrumSeries.fireSeriesChanged();
        spectrumTitle.set(s.result().options().groupColumn() + ": " + s.heatmap().rowLabels().get(p.row()) + " vs "
                + s.heatmap().rowLabels().get(p.column()));
    }

    private void updateHighlight() {
        Shown s = shown.get();
        Set<Integer> trials = selection.trialsProperty().get();
        if (s == null || trials.isEmpty()) {
            highlighted.set(Set.of());
            return;
        }
        double[] column = s.frame().states().conditions().column(s.result().options().groupColumn());
        double[] groups = s.result().groups();
        Set<Integer> which = new TreeSet<>();
        for (int t : trials) {
            if (t >= 0 && t < column.length) {
                int g = Arrays.binarySearch(groups, column[t]);
                if (g >= 0) {
                    which.add(g);
                }
            }
        }
        highlighted.set(Set.copyOf(which));
    }

    /** Shows the spectrum of a pair of groups and selects the trials of the first (the row's) group. */
    public void select(Heatmap.Cell cell) {
        Shown s = shown.get();
        if (s == null || cell == null) {
            return;
        }
        pair.set(cell);
        updateSpectrum();
        selection.selectCondition(s.result().options().groupColumn(), s.result().groups()[cell.row()],
                s.frame().states().conditions());
    }

    /** Shows the hovered pair and its mean angle (null: nothing hovered). */
    public void hover(Heatmap.Cell cell) {
        Shown s = shown.get();
        hoverText.set(s == null || cell == null ? "" : s.heatmap().describe(cell.row(), cell.column()));
    }

    public ObservableList<String> columns() {
        return columnsView;
    }

    /** The condition column whose values define the groups. */
    public StringProperty groupColumnProperty() {
        return groupColumn;
    }

    /** Dimension of every group's subspace. */
    public IntegerProperty kProperty() {
        return k;
    }

    public IntegerProperty fromStepProperty() {
        return fromStep;
    }

    /** One past the last step of the window. */
    public IntegerProperty toStepProperty() {
        return toStep;
    }

    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** Hidden units of the current frames (the largest k). */
    public ReadOnlyIntegerProperty unitsProperty() {
        return units.getReadOnlyProperty();
    }

    /** The angle matrix shown, or null. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The pair whose spectrum is shown (row, column = the two groups), or null. */
    public ReadOnlyObjectProperty<Heatmap.Cell> pairProperty() {
        return pair.getReadOnlyProperty();
    }

    /** The principal angles (degrees) of the selected pair against their index 1..k. */
    public XYSeriesCollection spectrum() {
        return spectrum;
    }

    public ReadOnlyStringProperty spectrumTitleProperty() {
        return spectrumTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Groups that contain selected trials. */
    public ReadOnlyObjectProperty<Set<Integer>> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public void dispose() {
        job.dispose();
        frames.removeListener(frameListener);
        selection.trialsProperty().removeListener(selectionListener);
        for (ObservableValue<?> p : List.of(groupColumn, k, fromStep, toStep)) {
            p.removeListener(settingListener);
        }
    }
}
