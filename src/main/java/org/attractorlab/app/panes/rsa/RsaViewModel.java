package org.attractorlab.app.panes.rsa;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
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
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;

/**
 * Representational similarity of the newest analysis frame: the RDM of the condition patterns (hidden states
 * averaged over a window of steps, grouped by the chosen condition columns) under the chosen distance, and its
 * comparison with a model RDM built from one condition column ({@link RsaStudy}: its defaults on a new task, its
 * checks and its result). Recomputed off the FX thread on every frame and every change of a setting. Clicking a
 * condition selects its trials in the shared selection; the conditions of trials selected elsewhere are highlighted.
 */
public final class RsaViewModel {
    /** The model choice that means "no model RDM". */
    public static final String NO_MODEL = "none";

    /**
     * A computed RDM and everything shown with it.
     *
     * @param frame    the analysis frame it was computed from
     * @param options  the options it was computed with
     * @param result   the RDM, model RDM and score
     * @param grouping the conditions (same order as the RDM) and the condition of every trial
     * @param heatmap  the RDM with short labels, ready to draw
     * @param score    the comparison as text, e.g. "Kendall tau-a vs bit0: 0.53"
     */
    public record Shown(AnalysisFrame frame, RsaOptions options, RsaResult result, ConditionGrouping grouping,
                        HeatmapData heatmap, String score) {
    }

    private final SelectionModel selection;
    private final PaneStudy<RsaStudy.Settings, Shown> study;
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList(NO_MODEL);
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> modelChoicesView = FXCollections.unmodifiableObservableList(modelChoices);
    private final ObjectProperty<List<String>> conditionColumns = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Distance> distance = new SimpleObjectProperty<>(Distance.CORRELATION);
    private final IntegerProperty fromStep = new SimpleIntegerProperty(0);
    private final IntegerProperty toStep = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final StringProperty model = new SimpleStringProperty(NO_MODEL);
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(Comparison.KENDALL_TAU_A);
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<Integer>> highlighted = new ReadOnlyObjectWrapper<>(Set.of());

    public RsaViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                        Executor executor) {
        this.selection = selection;
        study = new PaneStudy<>("rsa", "Train a network to see its RDM", frames, drain, executor, this::shown);
        study.listen(selection.trialsProperty(), (o, a, b) -> updateHighlight());
        study.listen(conditionColumns, (o, a, cols) -> followGrouping(cols));
        study.follow(f -> !f.states().conditions().names().equals(columns) || f.states().steps() != steps.get(),
                this::reset, this::settings, RsaViewModel::compute,
                conditionColumns, distance, fromStep, toStep, model, comparison);
    }

    /** A new task (or a new probe batch): its columns and the study's defaults. */
    private void reset(AnalysisFrame f) {
        List<String> names = f.states().conditions().names();
        columns.setAll(names);
        modelChoices.setAll(Stream.concat(Stream.of(NO_MODEL), names.stream()).toList());
        steps.set(f.states().steps());
        RsaStudy.Settings d = RsaStudy.defaultsFor(f.states());
        conditionColumns.set(d.columns());
        fromStep.set(d.fromStep());
        toStep.set(d.toStep());
        model.set(d.model() == null ? NO_MODEL : d.model());
        comparison.set(d.comparison());
    }

    /** A model column must be constant within each condition: one no longer grouped by moves to the first. */
    private void followGrouping(List<String> cols) {
        String m = model.get();
        if (!study.resetting() && m != null && !NO_MODEL.equals(m) && !cols.contains(m)) {
            model.set(cols.isEmpty() ? NO_MODEL : cols.get(0));
        }
    }

    private RsaStudy.Settings settings() {
        String m = NO_MODEL.equals(model.get()) ? null : model.get();
        return new RsaStudy.Settings(conditionColumns.get(), distance.get(), fromStep.get(), toStep.get(), m,
                comparison.get());
    }

    /** Computes the RDM of a frame (any thread); the study refuses settings that do not fit it. */
    static Shown compute(AnalysisFrame f, RsaStudy.Settings s) {
        RsaStudy.Result r = RsaStudy.run(f.states(), s);
        HeatmapData heat = Heatmaps.rdm(r.rsa(), f.states().conditions(), r.options());
        return new Shown(f, r.options(), r.rsa(), r.grouping(), heat, r.summary());
    }

    private void shown() {
        Shown s = study.shownProperty().get();
        score.set(s == null ? "" : s.score());
        updateHighlight();
    }

    private void updateHighlight() {
        Shown s = study.shownProperty().get();
        int[] of = s == null ? new int[0] : s.grouping().conditionOfTrial();
        highlighted.set(selection.trialsProperty().get().stream().filter(t -> t >= 0 && t < of.length)
                .map(t -> of[t]).collect(Collectors.toUnmodifiableSet()));
    }

    /** Selects the trials of the row's condition (the row of a clicked cell). */
    public void select(Heatmap.Cell cell) {
        Shown s = study.shownProperty().get();
        if (s == null || cell == null) {
            return;
        }
        ConditionGrouping g = s.grouping();
        if (g.columns().size() == 1) {
            selection.selectCondition(g.columns().get(0), g.values()[cell.row()][0], s.frame().states().conditions());
        } else {
            selection.selectTrials(RsaStudy.trialsOf(g, cell.row()));
        }
    }

    /** Shows the hovered cell's conditions and distance (null: nothing hovered). */
    public void hover(Heatmap.Cell cell) {
        Shown s = study.shownProperty().get();
        hoverText.set(s == null || cell == null ? "" : s.heatmap().describe(cell.row(), cell.column()));
    }

    /** Adds or removes a grouping column, keeping the table's column order. */
    public void toggleColumn(String column, boolean on) {
        List<String> now = conditionColumns.get();
        if (on != now.contains(column)) {
            conditionColumns.set(columns.stream().filter(c -> c.equals(column) ? on : now.contains(c)).toList());
        }
    }

    /** The frame's condition columns. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** {@link #NO_MODEL} and the condition columns. */
    public ObservableList<String> modelChoices() {
        return modelChoicesView;
    }

    /** The grouping columns, in table order. */
    public ObjectProperty<List<String>> conditionColumnsProperty() {
        return conditionColumns;
    }

    public ObjectProperty<Distance> distanceProperty() {
        return distance;
    }

    /** First step of the window. */
    public IntegerProperty fromStepProperty() {
        return fromStep;
    }

    /** One past the last step of the window. */
    public IntegerProperty toStepProperty() {
        return toStep;
    }

    /** Steps per trial of the current frames. */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The model RDM's column, or {@link #NO_MODEL}. */
    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<Comparison> comparisonProperty() {
        return comparison;
    }

    /** The RDM shown, or null (before the first frame, or after an error). */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return study.shownProperty();
    }

    /** Why nothing is shown (an error or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return study.messageProperty();
    }

    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** Conditions that contain selected trials. */
    public ReadOnlyObjectProperty<Set<Integer>> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public void dispose() {
        study.dispose();
    }
}
