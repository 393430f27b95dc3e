package org.attractorlab.app.panes.decoding;

import java.util.List;
import java.util.concurrent.Executor;
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
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.panes.PaneStudy;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.NBackSamples;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.ProcrustesStudy;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.figure.NBackCharts;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The N-back analyses of the newest analysis frame (Lei, Ito &amp; Bashivan 2024), all from {@code core.study}: the
 * cross-task generalisation matrices ({@link CrossTaskStudy}, one feature's shown at a time) with the relevant vs
 * irrelevant bars from their diagonals, the perceptual vs encoding orthogonalisation at a chosen step
 * ({@link OrthogonalisationStudy#compareAll}) and the Procrustes swap test of one feature ({@link ProcrustesStudy}).
 * Computed off the FX thread, while the view is shown ({@link #activeProperty()}), on every frame and every change
 * of the step or the Procrustes feature (about 2 s for 128 trials of a 32-unit network here: it does not hold up
 * the other panes while hidden); choosing which feature's matrix to show recomputes nothing. States that are not an N-back task's show the study's message.
 */
public final class NBackViewModel {
    /**
     * What one computation gives.
     *
     * @param frame           the analysis frame
     * @param crossTask       the cross-task study (all three features)
     * @param orthogonalisation the perceptual vs encoding comparisons
     * @param procrustes      the swap test
     */
    public record Shown(AnalysisFrame frame, CrossTaskStudy.Result crossTask,
                        List<OrthogonalisationStudy.Comparison> orthogonalisation, ProcrustesStudy.Result procrustes) {
        /** The three results in words, one line each. */
        public String summary() {
            StringBuilder sb = new StringBuilder("Cross-task: " + crossTask.summary());
            sb.append("\nOrthogonalisation: ");
            for (int i = 0; i < orthogonalisation.size(); i++) {
                sb.append(i == 0 ? "" : "; ").append(orthogonalisation.get(i).summary());
            }
            return sb.append("\nProcrustes: ").append(procrustes.summary()).toString();
        }
    }

    /** The settings a computation uses (the matrix shown is not one of them). */
    record Settings(int orthStep, String procrustesFeature) {
    }

    private final PaneStudy<Settings, Shown> study;
    private final StringProperty matrixFeature = new SimpleStringProperty("category");
    private final StringProperty procrustesFeature = new SimpleStringProperty("category");
    private final IntegerProperty orthStep = new SimpleIntegerProperty(0);
    private final javafx.beans.property.BooleanProperty active = new javafx.beans.property.SimpleBooleanProperty();
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(1);
    private final ReadOnlyObjectWrapper<HeatmapData> matrix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final DefaultCategoryDataset relevance = new DefaultCategoryDataset();
    private final DefaultCategoryDataset orthogonalisation = new DefaultCategoryDataset();
    private final DefaultCategoryDataset procrustes = new DefaultCategoryDataset();

    public NBackViewModel(ObservableValue<AnalysisFrame> frames, FrameDrain drain, Executor executor) {
        study = new PaneStudy<>("n-back", "Train an N-back network to see its cross-task, orthogonalisation and "
                + "Procrustes analyses", frames, drain, executor, this::shown);
        study.listen(matrixFeature, (o, a, b) -> showMatrix());
        study.follow(f -> f.states().steps() != steps.get(), this::reset,
                () -> !active.get() || procrustesFeature.get() == null ? null
                        : new Settings(orthStep.get(), procrustesFeature.get()),
                NBackViewModel::compute, orthStep, procrustesFeature, active);
    }

    /** New states: the orthogonalisation step goes to the last step (the study's default). */
    private void reset(AnalysisFrame f) {
        steps.set(f.states().steps());
        orthStep.set(f.states().steps() - 1);
    }

    /** The three studies on a frame, with their defaults and the settings given (any thread). */
    static Shown compute(AnalysisFrame f, Settings s) {
        var h = f.states();
        CrossTaskStudy.Result cross = CrossTaskStudy.run(h, CrossTaskStudy.defaultsFor(h));
        List<OrthogonalisationStudy.Comparison> orth = OrthogonalisationStudy.comparisonAppliesTo(h)
                ? OrthogonalisationStudy.compareAll(h, s.orthStep()) : List.of();
        ProcrustesStudy.Result p = ProcrustesStudy.run(h, ProcrustesStudy.defaultsFor(h)
                .withFeature(s.procrustesFeature()));
        return new Shown(f, cross, orth, p);
    }

    private void shown() {
        Shown s = study.shownProperty().get();
        if (s == null) {
            relevance.clear();
            orthogonalisation.clear();
            procrustes.clear();
        } else {
            NBackCharts.fillRelevance(relevance, s.crossTask());
            NBackCharts.fillOrthogonalisation(orthogonalisation, s.orthogonalisation());
            NBackCharts.fillProcrustes(procrustes, s.procrustes());
        }
        showMatrix();
        // last, so that whoever sees the new words sees the new charts
        summary.set(s == null ? "" : s.summary());
    }

    private void showMatrix() {
        Shown s = study.shownProperty().get();
        HeatmapData d = null;
        if (s != null) {
            for (CrossTaskStudy.FeatureMatrix m : s.crossTask().matrices()) {
                if (m.feature().equals(matrixFeature.get())) {
                    d = NBackCharts.crossTask(s.crossTask(), m);
                }
            }
        }
        matrix.set(d);
    }

    /** The features a matrix or the Procrustes test can be of. */
    public List<String> features() {
        return NBackSamples.FEATURES;
    }

    /** Whether the analyses are shown, so computed: the pane sets it when its N-back tab is selected. */
    public javafx.beans.property.BooleanProperty activeProperty() {
        return active;
    }

    /** Whose cross-task matrix is shown. */
    public StringProperty matrixFeatureProperty() {
        return matrixFeature;
    }

    /** The feature of the Procrustes swap test. */
    public StringProperty procrustesFeatureProperty() {
        return procrustesFeature;
    }

    /** The step of the orthogonalisation index. */
    public IntegerProperty orthStepProperty() {
        return orthStep;
    }

    /** Steps per trial of the current frames. */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The cross-task matrix of the chosen feature, or null. */
    public ReadOnlyObjectProperty<HeatmapData> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return study.shownProperty();
    }

    /** Why nothing is shown (an error, states that are not N-back, or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return study.messageProperty();
    }

    /** The results in words (three lines), or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Within-task accuracy per task (category) and feature (series). */
    public DefaultCategoryDataset relevanceDataset() {
        return relevance;
    }

    /** Perceptual and encoding index (series) per feature (category). */
    public DefaultCategoryDataset orthogonalisationDataset() {
        return orthogonalisation;
    }

    /** Mean accuracy of the swap test's series per lag. */
    public DefaultCategoryDataset procrustesDataset() {
        return procrustes;
    }

    public void dispose() {
        study.dispose();
    }
}
