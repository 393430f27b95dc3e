package org.attractorlab.app.panes.decoding;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.panes.decoding.DecodingViewModel.OodShown;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.figure.OodChart;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The decoding pane's out-of-distribution quadrant test ({@link OodStudy}, with its defaults): computed off the FX
 * thread on every frame whose task has latents x0, x1, ... and a quadrant (orthant) column, over every latent and
 * orthant; for any other frame nothing is shown.
 */
final class OodModel {
    private final LatestJob<OodShown> job;
    private final Disposer disposer = new Disposer();
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<OodShown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();

    OodModel(ObservableValue<AnalysisFrame> frames, FrameDrain drain, Executor executor) {
        job = new LatestJob<>("ood", executor, drain, this::onResult, e -> clear("OOD quadrant test: " + e));
        disposer.onDispose(job::dispose);
        disposer.listen(frames, (o, a, f) -> onFrame(f));
        onFrame(frames.getValue());
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        boolean ood = OodStudy.appliesTo(f.states().conditions());
        available.set(ood);
        if (ood) {
            job.submit(() -> compute(f));
        } else {
            clear("");
        }
    }

    /** Computes the OOD quadrant test of a frame with the study's defaults (any thread). */
    static OodShown compute(AnalysisFrame f) {
        OodStudy.Result r = OodStudy.run(f.states(), OodStudy.defaultsFor(f.states()));
        return new OodShown(f, r.ood(), r.quadrantLabels(), r.summary());
    }

    private void onResult(OodShown s) {
        if (!available.get()) {
            return;
        }
        shown.set(s);
        text.set(s.summary());
        OodChart.fill(dataset, s.result());
    }

    private void clear(String message) {
        shown.set(null);
        text.set(message);
        dataset.clear();
    }

    ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<OodShown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    DefaultCategoryDataset dataset() {
        return dataset;
    }

    void dispose() {
        disposer.dispose();
    }
}
