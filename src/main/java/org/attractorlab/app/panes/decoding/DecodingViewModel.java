package org.attractorlab.app.panes.decoding;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
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
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.study.Columns;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.Heatmaps;
import org.attractorlab.figure.OodChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Linear decoding of the newest analysis frame: the cross-temporal generalisation matrix of a decoder of one
 * condition column (train at one step, test at another, k-fold cross-validated), and, for tasks with latent
 * coordinates x0, x1 and a quadrant column (evidence multitask), Vafidis et al.'s out-of-distribution quadrant test.
 * The defaults on a new task, the checks and the results come from {@link DecodingStudy} and {@link OodStudy} (the
 * OOD test's state lives in {@link OodModel}). Both are computed off the FX thread on every frame; the matrix also
 * on every change of a setting. Clicking a cell selects its test step in the shared selection; the selected step's
 * column is outlined.
 */
public final class DecodingViewModel {
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

    private final SelectionModel selection;
    private final PaneStudy<DecodingStudy.Settings, Shown> study;
    private final OodModel ood;
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final StringProperty target = new SimpleStringProperty();
    private final ObjectProperty<DecodingStudy.Decoder> decoder =
            new SimpleObjectProperty<>(DecodingStudy.Decoder.AUTO);
    private final IntegerProperty stride = new SimpleIntegerProperty(1);
    private final IntegerProperty folds = new SimpleIntegerProperty(DecodingOptions.DEFAULT_FOLDS);
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper highlighted = new ReadOnlyIntegerWrapper(-1);

    public DecodingViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, FrameDrain drain,
                             Executor executor) {
        this.selection = selection;
        study = new PaneStudy<>("decoding", "Train a network to see how well its states decode the conditions",
                frames, drain, executor, this::shown);
        study.listen(selection.timeStepProperty(), (o, a, b) -> updateHighlight());
        study.follow(f -> !Columns.targetChoices(f.states().conditions()).equals(targets)
                        || f.states().steps() != steps.get(), this::reset,
                () -> target.get() == null || decoder.get() == null ? null
                        : new DecodingStudy.Settings(target.get(), decoder.get(), folds.get(), stride.get()),
                DecodingViewModel::compute, target, decoder, stride, folds);
        ood = new OodModel(frames, drain, executor);
    }

    /** A new task (or a new probe batch): its decode targets and the study's defaults. */
    private void reset(AnalysisFrame f) {
        targets.setAll(Columns.targetChoices(f.states().conditions()));
        steps.set(f.states().steps());
        DecodingStudy.Settings d = DecodingStudy.defaultsFor(f.states());
        target.set(d.target());
        decoder.set(d.decoder());
        stride.set(d.stride());
        folds.set(d.folds());
    }

    /** Computes the cross-temporal matrix of a frame (any thread); the study refuses targets it cannot decode. */
    static Shown compute(AnalysisFrame f, DecodingStudy.Settings s) {
        DecodingStudy.Result r = DecodingStudy.run(f.states(), s);
        DecodingOptions o = r.options();
        HeatmapData heat = Heatmaps.decoding(r.decoding(), f.states().conditions(), o);
        return new Shown(f, o, r.decoding(), r.chance(), heat, Heatmaps.decodingTitle(o), r.summary());
    }

    private void shown() {
        Shown s = study.shownProperty().get();
        summary.set(s == null ? "" : s.summary());
        updateHighlight();
    }

    /**
     * The OOD chart's category of a latent and a held-out quadrant, e.g. "x0 \u2212+" for x0 with "(-,+)" (a minus
     * sign, not a hyphen, so that a wrapped axis label breaks only at the space).
     */
    public static String category(String latent, String quadrantLabel) {
        return OodChart.category(latent, quadrantLabel);
    }

    /** Outlines the column of the decoded step nearest the selected time step. */
    private void updateHighlight() {
        Shown s = study.shownProperty().get();
        int t = selection.timeStepProperty().get();
        if (s == null || t < 0 || t >= s.frame().states().steps()) {
            highlighted.set(-1);
            return;
        }
        highlighted.set(DecodingStudy.nearestStep(s.result().steps(), t));
    }

    /** Selects the test step of a cell in the shared selection. */
    public void select(Heatmap.Cell cell) {
        Shown s = study.shownProperty().get();
        if (s == null || cell == null) {
            return;
        }
        selection.timeStepProperty().set(s.result().steps()[cell.column()]);
    }

    /** Shows the hovered cell's steps and score (null: nothing hovered). */
    public void hover(Heatmap.Cell cell) {
        Shown s = study.shownProperty().get();
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

    public ObjectProperty<DecodingStudy.Decoder> decoderProperty() {
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
        return study.shownProperty();
    }

    /** Why no matrix is shown (an error or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return study.messageProperty();
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
        return ood.availableProperty();
    }

    /** The OOD test shown, or null. */
    public ReadOnlyObjectProperty<OodShown> oodShownProperty() {
        return ood.shownProperty();
    }

    /** The OOD means in words, or the OOD test's error. */
    public ReadOnlyStringProperty oodTextProperty() {
        return ood.textProperty();
    }

    /** OOD and in-distribution r^2 per held-out quadrant and latent dimension. */
    public DefaultCategoryDataset oodDataset() {
        return ood.dataset();
    }

    public void dispose() {
        study.dispose();
        ood.dispose();
    }
}
