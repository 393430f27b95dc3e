package org.attractorlab.app.panes.rsa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
import javafx.beans.property.SimpleObjectProperty;
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
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.NoiseCovariance;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;

/**
 * Representational similarity of the newest analysis frame: the RDM of the condition patterns (hidden states
 * averaged over a window of steps, grouped by the chosen condition columns) under the chosen distance, and its
 * comparison with a model RDM built from one condition column. Recomputed off the FX thread on every frame and
 * every change of a setting. Clicking a condition selects its trials in the shared selection; the conditions of
 * trials selected elsewhere are highlighted.
 */
public final class RsaViewModel {
    /** The model choice that means "no model RDM". */
    public static final String NO_MODEL = "none";
    /** Crossnobis folds (trial m of a condition in fold m mod 2). */
    static final int CROSSNOBIS_FOLDS = 2;
    /** Default window: the last this many steps. */
    static final int DEFAULT_WINDOW = 10;

    /** The settings of one computation. */
    record Settings(List<String> columns, Distance distance, int fromStep, int toStep, String model,
                    Comparison comparison) {
        RsaOptions options() {
            return new RsaOptions(columns, fromStep, toStep, distance, CROSSNOBIS_FOLDS, NoiseCovariance.AUTOMATIC,
                    NO_MODEL.equals(model) ? null : model, comparison);
        }
    }

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

    private final ObservableValue<AnalysisFrame> frames;
    private final SelectionModel selection;
    private final LatestJob<Shown> job;
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
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Train a network to see its RDM");
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<Integer>> highlighted = new ReadOnlyObjectWrapper<>(Set.of());
    private final ChangeListener<AnalysisFrame> frameListener = (o, a, f) -> onFrame(f);
    private final ChangeListener<Object> settingListener = (o, a, b) -> recompute();
    private final ChangeListener<Set<Integer>> selectionListener = (o, a, b) -> updateHighlight();
    private final ChangeListener<List<String>> groupingListener = (o, a, cols) -> followGrouping(cols);
    private boolean resetting;

    public RsaViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                        java.util.concurrent.Executor executor) {
        this.frames = frames;
        this.selection = selection;
        job = new LatestJob<>("rsa", executor, drain, this::onResult, this::onError);
        frames.addListener(frameListener);
        selection.trialsProperty().addListener(selectionListener);
        conditionColumns.addListener(groupingListener);
        for (ObservableValue<?> p : List.of(conditionColumns, distance, fromStep, toStep, model, comparison)) {
            p.addListener(settingListener);
        }
        if (frames.getValue() != null) {
            onFrame(frames.getValue());
        }
    }

    /**
     * The default grouping of a task's condition table: all {@code bit*} columns (flip-flop), {@code
     * frequency_index} (sine wave), {@code f1} (delayed discrimination), {@code quadrant} (evidence multitask),
     * {@code context} and {@code choice} (context integration), {@code choice} (perceptual decision); otherwise
     * the first column.
     */
    static List<String> defaultColumns(ConditionTable table) {
        List<String> names = table.names();
        List<String> bits = names.stream().filter(n -> n.matches("bit\\d+")).toList();
        if (!bits.isEmpty()) {
            return bits;
        }
        for (String single : new String[]{"frequency_index", "f1", "quadrant"}) {
            if (table.has(single)) {
                return List.of(single);
            }
        }
        if (table.has("context") && table.has("choice")) {
            return List.of("context", "choice");
        }
        if (table.has("choice")) {
            return List.of("choice");
        }
        return names.isEmpty() ? List.of() : List.of(names.get(0));
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        ConditionTable table = f.states().conditions();
        int t = f.states().steps();
        if (!table.names().equals(columns) || t != steps.get()) {
            // a new task (or a new probe batch): start again from the defaults, computing once at the end
            resetting = true;
            try {
                columns.setAll(table.names());
                List<String> choices = new ArrayList<>(List.of(NO_MODEL));
                choices.addAll(table.names());
                modelChoices.setAll(choices);
                steps.set(t);
                List<String> cols = defaultColumns(table);
                conditionColumns.set(cols);
                fromStep.set(Math.max(0, t - DEFAULT_WINDOW));
                toStep.set(t);
                model.set(cols.isEmpty() ? NO_MODEL : cols.get(0));
            } finally {
                resetting = false;
            }
        }
        recompute();
    }

    /**
     * A model column must be constant within each condition; after a change of the grouping, a model column that
     * is no longer one of the grouping columns moves to the first of them.
     */
    private void followGrouping(List<String> cols) {
        String m = model.get();
        if (!resetting && m != null && !NO_MODEL.equals(m) && !cols.contains(m)) {
            model.set(cols.isEmpty() ? NO_MODEL : cols.get(0));
        }
    }

    private void recompute() {
        AnalysisFrame f = frames.getValue();
        if (resetting || f == null) {
            return;
        }
        Settings s = new Settings(conditionColumns.get(), distance.get(), fromStep.get(), toStep.get(), model.get(),
                comparison.get());
        job.submit(() -> compute(f, s));
    }

    /** Computes the RDM of a frame (any thread). */
    static Shown compute(AnalysisFrame f, Settings s) {
        RsaOptions o = s.options();
        RsaResult r = Rsa.compute(f.states(), o);
        ConditionTable table = f.states().conditions();
        ConditionGrouping g = ConditionGrouping.of(table, o.conditionColumns());
        HeatmapData heat = Heatmaps.rdm(r, table, o);
        return new Shown(f, o, r, g, heat, scoreText(o, r));
    }

    /** A condition value as text: its level label for a categorical column, else the number. */
    static String valueLabel(ConditionTable table, String column, double v) {
        return Heatmaps.valueLabel(table, column, v);
    }

    static String scoreText(RsaOptions o, RsaResult r) {
        if (o.modelColumn() == null) {
            return "no model RDM";
        }
        String name = switch (o.comparison()) {
            case SPEARMAN -> "Spearman rho";
            case KENDALL_TAU_A -> "Kendall tau-a";
            case PEARSON -> "Pearson r";
            case COSINE -> "cosine similarity";
        };
        String value = Double.isNaN(r.score()) ? "undefined (an RDM is constant)"
                : String.format(Locale.ROOT, "%.2f", r.score());
        return name + " vs " + o.modelColumn() + ": " + value;
    }

    private void onResult(Shown s) {
        shown.set(s);
        score.set(s.score());
        message.set("");
        updateHighlight();
    }

    private void onError(String error) {
        shown.set(null);
        score.set("");
        message.set(error);
        highlighted.set(Set.of());
    }

    private void updateHighlight() {
        Shown s = shown.get();
        Set<Integer> trials = selection.trialsProperty().get();
        if (s == null || trials.isEmpty()) {
            highlighted.set(Set.of());
            return;
        }
        int[] of = s.grouping().conditionOfTrial();
        Set<Integer> conditions = new TreeSet<>();
        for (int t : trials) {
            if (t >= 0 && t < of.length) {
                conditions.add(of[t]);
            }
        }
        highlighted.set(Set.copyOf(conditions));
    }

    /** Selects the trials of the row's condition (the row of a clicked cell). */
    public void select(Heatmap.Cell cell) {
        Shown s = shown.get();
        if (s == null || cell == null) {
            return;
        }
        int i = cell.row();
        ConditionGrouping g = s.grouping();
        ConditionTable table = s.frame().states().conditions();
        if (g.columns().size() == 1) {
            selection.selectCondition(g.columns().get(0), g.values()[i][0], table);
        } else {
            int[] of = g.conditionOfTrial();
            Set<Integer> which = new HashSet<>();
            for (int t = 0; t < of.length; t++) {
                if (of[t] == i) {
                    which.add(t);
                }
            }
            selection.selectTrials(which);
        }
    }

    /** Shows the hovered cell's conditions and distance (null: nothing hovered). */
    public void hover(Heatmap.Cell cell) {
        Shown s = shown.get();
        hoverText.set(s == null || cell == null ? "" : s.heatmap().describe(cell.row(), cell.column()));
    }

    /** Adds or removes a grouping column, keeping the table's column order. */
    public void toggleColumn(String column, boolean on) {
        List<String> now = new ArrayList<>(conditionColumns.get());
        if (on == now.contains(column)) {
            return;
        }
        if (on) {
            now.add(column);
        } else {
            now.remove(column);
        }
        List<String> ordered = columns.stream().filter(now::contains).toList();
        conditionColumns.set(ordered);
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
        return shown.getReadOnlyProperty();
    }

    /** Why nothing is shown (an error or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
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
        job.dispose();
        frames.removeListener(frameListener);
        selection.trialsProperty().removeListener(selectionListener);
        conditionColumns.removeListener(groupingListener);
        for (ObservableValue<?> p : List.of(conditionColumns, distance, fromStep, toStep, model, comparison)) {
            p.removeListener(settingListener);
        }
    }
}
