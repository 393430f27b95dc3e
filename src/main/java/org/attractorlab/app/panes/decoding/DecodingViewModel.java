package org.attractorlab.app.panes.decoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.attractorlab.core.analysis.AnalysisDefaults;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;
import org.attractorlab.figure.OodChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Linear decoding of the newest analysis frame: the cross-temporal generalisation matrix of a decoder of one
 * condition column (train at one step, test at another, k-fold cross-validated), and, for tasks with latent
 * coordinates x0, x1 and a quadrant column (evidence multitask), Vafidis et al.'s out-of-distribution quadrant test.
 * Both are computed off the FX thread on every frame; the matrix also on every change of a setting. Clicking a cell
 * selects its test step in the shared selection; the selected step's column is outlined.
 */
public final class DecodingViewModel {
    /** Cross-temporal decoding uses at most this many steps by default. */
    static final int MAX_DEFAULT_STEPS = 25;
    /** The largest number of folds offered. */
    static final int MAX_FOLDS = 20;

    /** The decoder choice: a decoder, or auto (logistic for a categorical target, ridge otherwise). */
    public enum Decoder {
        AUTO, RIDGE, LOGISTIC, SVM;

        /** The decoder for a target; auto resolves by whether the column is categorical. */
        DecoderType resolve(boolean categorical) {
            return switch (this) {
                case AUTO -> categorical ? DecoderType.LOGISTIC : DecoderType.RIDGE;
                case RIDGE -> DecoderType.RIDGE;
                case LOGISTIC -> DecoderType.LOGISTIC;
                case SVM -> DecoderType.SVM;
            };
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The settings of one computation. */
    record Settings(String target, Decoder decoder, int stride, int folds) {
    }

    /**
     * A computed cross-temporal matrix and everything shown with it.
     *
     * @param frame   the analysis frame it was computed from
     * @param options the options it was computed with (the decoder resolved)
     * @param result  the scores
     * @param chance  the lower end of the colour scale: 1 / classes for accuracy, 0 for r^2
     * @param heatmap the matrix, ready to draw
     * @param title   the chart title, naming the target, decoder and metric
     * @param summary the within-step (diagonal) scores in words
     */
    public record Shown(AnalysisFrame frame, DecodingOptions options, CrossTemporalResult result, double chance,
                        HeatmapData heatmap, String title, String summary) {
    }

    /**
     * A computed OOD quadrant test.
     *
     * @param frame          the analysis frame it was computed from
     * @param result         the test
     * @param quadrantLabels the sign pattern of each held-out quadrant, e.g. {@code "(-,+)"}
     * @param summary        the mean OOD and in-distribution r^2 in words
     */
    public record OodShown(AnalysisFrame frame, OodQuadrantResult result, List<String> quadrantLabels,
                           String summary) {
        /**
         * Where the r^2 axis starts: 0, or below it in steps of 0.25 down to the lowest r^2, but not below -1
         * (the r^2 of a poor fit can be far below 0; the tooltips give the values).
         */
        public double axisLowerBound() {
            return OodChart.lowerBound(result);
        }
    }

    /** Series keys of the OOD chart. */
    public static final String OOD_SERIES = OodChart.OOD_SERIES;
    public static final String IN_SERIES = OodChart.IN_SERIES;

    private final ObservableValue<AnalysisFrame> frames;
    private final SelectionModel selection;
    private final LatestJob<Shown> job;
    private final LatestJob<OodShown> oodJob;
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final StringProperty target = new SimpleStringProperty();
    private final ObjectProperty<Decoder> decoder = new SimpleObjectProperty<>(Decoder.AUTO);
    private final IntegerProperty stride = new SimpleIntegerProperty(1);
    private final IntegerProperty folds = new SimpleIntegerProperty(DecodingOptions.DEFAULT_FOLDS);
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Train a network to see how well "
            + "its states decode the conditions");
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper highlighted = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper oodAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<OodShown> oodShown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper oodText = new ReadOnlyStringWrapper("");
    private final DefaultCategoryDataset oodDataset = new DefaultCategoryDataset();
    private final ChangeListener<AnalysisFrame> frameListener = (o, a, f) -> onFrame(f);
    private final ChangeListener<Object> settingListener = (o, a, b) -> recompute();
    private final ChangeListener<Number> timeStepListener = (o, a, b) -> updateHighlight();
    private boolean resetting;

    public DecodingViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                             java.util.concurrent.Executor executor) {
        this.frames = frames;
        this.selection = selection;
        job = new LatestJob<>("decoding", executor, drain, this::onResult, this::onError);
        oodJob = new LatestJob<>("ood", executor, drain, this::onOodResult, this::onOodError);
        frames.addListener(frameListener);
        selection.timeStepProperty().addListener(timeStepListener);
        for (ObservableValue<?> p : List.of(target, decoder, stride, folds)) {
            p.addListener(settingListener);
        }
        if (frames.getValue() != null) {
            onFrame(frames.getValue());
        }
    }

    /** The default stride: at most {@value #MAX_DEFAULT_STEPS} decoded steps. */
    static int defaultStride(int steps) {
        return Math.max(1, (steps + MAX_DEFAULT_STEPS - 1) / MAX_DEFAULT_STEPS);
    }

    /** The targets offered: {@link AnalysisDefaults#decodeTargets} first, then the other columns. */
    static List<String> targetChoices(ConditionTable table) {
        List<String> out = new ArrayList<>(AnalysisDefaults.decodeTargets(table));
        for (String n : table.names()) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether the OOD quadrant test applies: the table has x0, x1 and quadrant. */
    static boolean hasQuadrants(ConditionTable table) {
        return table.has("x0") && table.has("x1") && table.has("quadrant");
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        ConditionTable table = f.states().conditions();
        int t = f.states().steps();
        List<String> choices = targetChoices(table);
        if (!choices.equals(targets) || t != steps.get()) {
            // a new task (or a new probe batch): start again from the defaults, computing once at the end
            resetting = true;
            try {
                targets.setAll(choices);
                steps.set(t);
                List<String> defaults = AnalysisDefaults.decodeTargets(table);
                target.set(defaults.isEmpty() ? (choices.isEmpty() ? null : choices.get(0)) : defaults.get(0));
                decoder.set(Decoder.AUTO);
                stride.set(defaultStride(t));
                folds.set(DecodingOptions.DEFAULT_FOLDS);
            } finally {
                resetting = false;
            }
        }
        recompute();
        boolean ood = hasQuadrants(table);
        oodAvailable.set(ood);
        if (ood) {
            oodJob.submit(() -> computeOod(f));
        } else {
            clearOod("");
        }
    }

    private void recompute() {
        AnalysisFrame f = frames.getValue();
        if (resetting || f == null || target.get() == null || decoder.get() == null) {
            return;
        }
        Settings s = new Settings(target.get(), decoder.get(), stride.get(), folds.get());
        job.submit(() -> compute(f, s));
    }

    /** The decoding options of a setting on a table: the decoder resolved, refusals as clear messages. */
    static DecodingOptions options(ConditionTable table, Settings s) {
        String col = s.target();
        if (!table.has(col)) {
            throw new IllegalArgumentException("no condition column '" + col + "'; columns are " + table.names());
        }
        boolean categorical = AnalysisDefaults.isCategorical(table, col);
        DecoderType type = s.decoder().resolve(categorical);
        double[] y = table.column(col);
        TreeMap<Double, Integer> counts = new TreeMap<>();
        for (double v : y) {
            counts.merge(v, 1, Integer::sum);
        }
        if (counts.size() < 2) {
            throw new IllegalArgumentException("'" + col + "' is " + table.labelOf(col, y[0]) + " in all "
                    + y.length + " trials: a constant target cannot be decoded. Choose another target.");
        }
        if (type.isClassifier()) {
            if (!categorical) {
                throw new IllegalArgumentException("'" + col + "' is continuous (" + counts.size()
                        + " distinct values): " + type.key() + " needs class labels. Use ridge (or auto).");
            }
            for (var e : counts.entrySet()) {
                if (e.getValue() < 2) {
                    throw new IllegalArgumentException("too few trials of a class: " + col + " = "
                            + table.labelOf(col, e.getKey()) + " has " + e.getValue() + " trial of "
                            + y.length + "; every class needs at least 2. Choose another target, or ridge.");
                }
            }
        }
        if (s.folds() > y.length) {
            throw new IllegalArgumentException(s.folds() + " folds need at least " + s.folds() + " trials; there are "
                    + y.length);
        }
        return DecodingOptions.of(col, type).withFolds(s.folds()).withStepStride(s.stride());
    }

    /** Computes the cross-temporal matrix of a frame (any thread). */
    static Shown compute(AnalysisFrame f, Settings s) {
        ConditionTable table = f.states().conditions();
        DecodingOptions o = options(table, s);
        CrossTemporalResult r;
        try {
            r = Decoding.crossTemporal(f.states(), o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("decoding '" + o.targetColumn() + "' with " + o.type().key() + ": "
                    + e.getMessage(), e);
        }
        boolean accuracy = o.type().isClassifier();
        double chance = Heatmaps.chance(table, o);
        int n = r.size();
        String metric = accuracy ? "accuracy" : "r\u00b2";
        HeatmapData heat = Heatmaps.decoding(r, table, o);
        String title = Heatmaps.decodingTitle(o);
        double[] diag = r.diagonal();
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (diag[i] > diag[best] || Double.isNaN(diag[best])) {
                best = i;
            }
        }
        String text = String.format(Locale.ROOT, "Within-step %s: %.2f at step %d, max %.2f at step %d "
                        + "(%d-fold)", metric, diag[0], r.steps()[0], diag[best],
                r.steps()[best], o.folds());
        return new Shown(f, o, r, chance, heat, title, text);
    }

    /** Computes the OOD quadrant test of a frame at its last step (any thread). */
    static OodShown computeOod(AnalysisFrame f) {
        OodQuadrantResult r = OodQuadrant.compute(f.states(), OodQuadrantOptions.DEFAULTS);
        List<String> labels = new ArrayList<>();
        for (double q : r.quadrants()) {
            labels.add(quadrantLabel((long) q, r.dims()));
        }
        String text = String.format(Locale.ROOT, "OOD r\u00b2 %.2f vs in-distribution %.2f (last step)",
                r.meanOod(), r.meanInDistribution());
        return new OodShown(f, r, labels, text);
    }

    /** The sign pattern of an orthant code sum_d 2^d [x_d &lt; 0], e.g. 1 -&gt; "(-,+)" for two dimensions. */
    static String quadrantLabel(long code, int dims) {
        return OodChart.quadrantLabel(code, dims);
    }

    private void onResult(Shown s) {
        shown.set(s);
        message.set("");
        summary.set(s.summary());
        updateHighlight();
    }

    private void onError(String error) {
        shown.set(null);
        message.set(error);
        summary.set("");
        highlighted.set(-1);
    }

    private void onOodResult(OodShown s) {
        if (!oodAvailable.get()) {
            return;
        }
        oodShown.set(s);
        oodText.set(s.summary());
        OodChart.fill(oodDataset, s.result());
    }

    /**
     * The OOD chart's category of a latent and a held-out quadrant, e.g. "x0 \u2212+" for x0 with "(-,+)" (a minus
     * sign, not a hyphen, so that a wrapped axis label breaks only at the space).
     */
    public static String category(String latent, String quadrantLabel) {
        return OodChart.category(latent, quadrantLabel);
    }

    private void onOodError(String error) {
        clearOod("OOD quadrant test: " + error);
    }

    private void clearOod(String text) {
        oodShown.set(null);
        oodText.set(text);
        oodDataset.clear();
    }

    /** Outlines the column of the decoded step nearest the selected time step. */
    private void updateHighlight() {
        Shown s = shown.get();
        int t = selection.timeStepProperty().get();
        if (s == null || t < 0 || t >= s.frame().states().steps()) {
            highlighted.set(-1);
            return;
        }
        highlighted.set(nearest(s.result().steps(), t));
    }

    /** Index of the entry of {@code steps} (ascending) closest to {@code t}. */
    static int nearest(int[] steps, int t) {
        int best = 0;
        for (int i = 1; i < steps.length; i++) {
            if (Math.abs(steps[i] - t) < Math.abs(steps[best] - t)) {
                best = i;
            }
        }
        return best;
    }

    /** Selects the test step of a cell in the shared selection. */
    public void select(Heatmap.Cell cell) {
        Shown s = shown.get();
        if (s == null || cell == null) {
            return;
        }
        selection.timeStepProperty().set(s.result().steps()[cell.column()]);
    }

    /** Shows the hovered cell's steps and score (null: nothing hovered). */
    public void hover(Heatmap.Cell cell) {
        Shown s = shown.get();
        hoverText.set(s == null || cell == null ? "" : s.heatmap().describe(cell.row(), cell.column()));
    }

    /** Columns that can be decoded: the task's decode targets first. */
    public ObservableList<String> targets() {
        return targetsView;
    }

    /** The decoded condition column. */
    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<Decoder> decoderProperty() {
        return decoder;
    }

    /** Decode at steps 0, stride, 2 stride, ... */
    public IntegerProperty strideProperty() {
        return stride;
    }

    /** k of the k-fold cross-validation. */
    public IntegerProperty foldsProperty() {
        return folds;
    }

    /** Steps per trial of the current frames. */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The matrix shown, or null (before the first frame, or after an error). */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Why no matrix is shown (an error or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The within-step scores of the matrix shown in words, or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The matrix column (test step) nearest the selected time step, or -1. */
    public ReadOnlyIntegerProperty highlightedColumnProperty() {
        return highlighted.getReadOnlyProperty();
    }

    /** Whether the frames have latents x0, x1 and quadrants, so that the OOD test is shown. */
    public ReadOnlyBooleanProperty oodAvailableProperty() {
        return oodAvailable.getReadOnlyProperty();
    }

    /** The OOD test shown, or null. */
    public ReadOnlyObjectProperty<OodShown> oodShownProperty() {
        return oodShown.getReadOnlyProperty();
    }

    /** The OOD means in words, or the OOD test's error. */
    public ReadOnlyStringProperty oodTextProperty() {
        return oodText.getReadOnlyProperty();
    }

    /** OOD and in-distribution r^2 per held-out quadrant and latent dimension. */
    public DefaultCategoryDataset oodDataset() {
        return oodDataset;
    }

    public void dispose() {
        job.dispose();
        oodJob.dispose();
        frames.removeListener(frameListener);
        selection.timeStepProperty().removeListener(timeStepListener);
        for (ObservableValue<?> p : List.of(target, decoder, stride, folds)) {
            p.removeListener(settingListener);
        }
    }
}
