package org.attractorlab.app.panes.angles;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.panes.PaneStudy;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Subspace angles of the newest analysis frame: the trials are grouped by one condition column, each group's
 * hidden states (over a window of steps) give a k-dimensional top-PC subspace, and every pair of groups the mean
 * of their principal angles (a group x group matrix, in degrees) and the full angle spectrum of the selected pair.
 * The defaults on a new task, the checks and the result come from {@link AnglesStudy}. Recomputed off the FX
 * thread on every frame and every change of a setting.
 */
public final class AnglesViewModel {
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

    private final SelectionModel selection;
    private final PaneStudy<AnglesStudy.Settings, Shown> study;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final StringProperty groupColumn = new SimpleStringProperty();
    private final IntegerProperty k = new SimpleIntegerProperty(AnglesStudy.DEFAULT_K);
    private final IntegerProperty fromStep = new SimpleIntegerProperty(0);
    private final IntegerProperty toStep = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyIntegerWrapper units = new ReadOnlyIntegerWrapper(AnglesStudy.DEFAULT_K);
    private final ReadOnlyObjectWrapper<Heatmap.Cell> pair = new ReadOnlyObjectWrapper<>();
    private final XYSeries spectrumSeries = new XYSeries("principal angles", false, false);
    private final XYSeriesCollection spectrum = new XYSeriesCollection(spectrumSeries);
    private final ReadOnlyStringWrapper spectrumTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<Integer>> highlighted = new ReadOnlyObjectWrapper<>(Set.of());

    public AnglesViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                        Executor executor) {
        this.selection = selection;
        study = new PaneStudy<>("angles", "Train a network to see its subspace angles", frames, drain, executor,
                this::shown);
        study.listen(selection.trialsProperty(), (o, a, b) -> updateHighlight());
        study.follow(this::isNewTask, this::reset, () -> new AnglesStudy.Settings(groupColumn.get(), k.get(),
                fromStep.get(), toStep.get()), AnglesViewModel::compute, groupColumn, k, fromStep, toStep);
    }

    private boolean isNewTask(AnalysisFrame f) {
        return !f.states().conditions().names().equals(columns) || f.states().steps() != steps.get()
                || f.states().units() != units.get();
    }

    /** A new task (or a new probe batch): its columns, sizes and the study's defaults. */
    private void reset(AnalysisFrame f) {
        columns.setAll(f.states().conditions().names());
        steps.set(f.states().steps());
        units.set(f.states().units());
        AnglesStudy.Settings d = AnglesStudy.defaultsFor(f.states());
        groupColumn.set(d.groupColumn());
        k.set(d.k());
        fromStep.set(d.fromStep());
        toStep.set(d.toStep());
        pair.set(null);
    }

    /** Computes the angles of a frame (any thread); the study refuses settings and groups that cannot give any. */
    static Shown compute(AnalysisFrame f, AnglesStudy.Settings s) {
        AnglesStudy.Result r = AnglesStudy.run(f.states(), s);
        return new Shown(f, r.angles(), r.labels(), Heatmaps.angles(r.angles(), f.states().conditions()));
    }

    /** A result keeps the selected pair if the groups still have it, else shows the first pair. */
    private void shown() {
        Shown s = study.shownProperty().get();
        Heatmap.Cell p = pair.get();
        if (s != null && (p == null || p.row() >= s.result().groupCount() || p.column() >= s.result().groupCount())) {
            pair.set(new Heatmap.Cell(0, 1));
        }
        updateSpectrum();
        updateHighlight();
    }

    private void updateSpectrum() {
        Shown s = study.shownProperty().get();
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
        Shown s = study.shownProperty().get();
        if (s == null) {
            highlighted.set(Set.of());
            return;
        }
        double[] column = s.frame().states().conditions().column(s.result().options().groupColumn());
        double[] groups = s.result().groups();
        highlighted.set(selection.trialsProperty().get().stream().filter(t -> t >= 0 && t < column.length)
                .map(t -> Arrays.binarySearch(groups, column[t])).filter(g -> g >= 0)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** Shows the spectrum of a pair of groups and selects the trials of the first (the row's) group. */
    public void select(Heatmap.Cell cell) {
        Shown s = study.shownProperty().get();
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
        Shown s = study.shownProperty().get();
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
        return study.shownProperty();
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
        return study.messageProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Groups that contain selected trials. */
    public ReadOnlyObjectProperty<Set<Integer>> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public void dispose() {
        study.dispose();
    }
}
