package org.attractorlab.app.panes.fixedpoints;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.figure.FixedPointOverlay;

/**
 * What the pane shows of the newest search: the result and the frame it was searched on, the table rows, the
 * spectrum, the overlay for the 3D pane, and the shared selection following a point from one search to the next
 * ({@link FixedPointStudy#nearest}). FX thread only.
 */
final class PointsModel {
    private final SelectionModel selection;
    private final Disposer disposer = new Disposer();
    private final SpectrumModel spectrum = new SpectrumModel();
    private final ReadOnlyObjectWrapper<FixedPointResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AnalysisFrame> resultFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FixedPointOverlay> overlay =
            new ReadOnlyObjectWrapper<>(FixedPointOverlay.EMPTY);
    private final ObservableList<PointRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PointRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper rateNetwork = new ReadOnlyBooleanWrapper();
    private final BooleanProperty continuousTime = new SimpleBooleanProperty();
    private boolean publishing;

    PointsModel(SelectionModel selection) {
        this.selection = selection;
        disposer.listen(selection.fixedPointProperty(), (o, a, b) -> refreshSelected());
        disposer.invalidated(continuousTime, o -> {
            spectrum.refreshAll(continuous());
            refreshSelected();
        });
    }

    ReadOnlyObjectWrapper<FixedPointResult> result() {
        return result;
    }

    ReadOnlyObjectWrapper<AnalysisFrame> resultFrame() {
        return resultFrame;
    }

    ReadOnlyObjectWrapper<FixedPointOverlay> overlay() {
        return overlay;
    }

    ObservableList<PointRow> rows() {
        return readOnlyRows;
    }

    ReadOnlyBooleanWrapper rateNetwork() {
        return rateNetwork;
    }

    BooleanProperty continuousTime() {
        return continuousTime;
    }

    SpectrumModel spectrum() {
        return spectrum;
    }

    /** Whether the spectrum shows continuous-time rates now: asked for, and the result has them. */
    boolean continuous() {
        return continuousTime.get() && rateNetwork.get();
    }

    /** Selects a point in the shared selection, unless the change comes from showing a result. */
    void select(int index) {
        if (!publishing) {
            selection.fixedPointProperty().set(index);
        }
    }

    String describe(int dataset, int item) {
        return spectrum.describe(dataset, item, selection.fixedPointProperty().get(), continuous());
    }

    /**
     * Shows the outcome of a successful search, projected on {@code newest} (the newest frame, or null for the
     * outcome's own); the selected point moves to the nearest point of the new result, or to none.
     */
    void show(SearchOutcome o, AnalysisFrame newest) {
        FixedPointResult r = o.result();
        FixedPointResult old = result.get();
        int i = selection.fixedPointProperty().get();
        float[] previous = old == null || i < 0 || i >= old.count() ? null : old.points()[i];
        publish(() -> {
            resultFrame.set(o.frame());
            rateNetwork.set(r.rateReal() != null);
            spectrum.setResult(r, o.points(), continuous());
            result.set(r);
            rows.setAll(o.rows());
            reproject(newest != null ? newest : o.frame());
            selection.fixedPointProperty().set(FixedPointStudy.nearest(previous, r));
        });
    }

    /** Forgets the result and clears the selected point. */
    void clear() {
        publish(() -> {
            spectrum.setResult(null, null, false);
            result.set(null);
            resultFrame.set(null);
            rateNetwork.set(false);
            rows.clear();
            overlay.set(FixedPointOverlay.EMPTY);
            selection.fixedPointProperty().set(-1);
        });
    }

    /** Projects the result on the PCA basis of {@code f}, when the units match. */
    void reproject(AnalysisFrame f) {
        FixedPointResult r = result.get();
        if (r == null || f == null || f.pca().units() != f.states().units()
                || resultFrame.get().states().units() != f.states().units()) {
            return;
        }
        overlay.set(FixedPointOverlay.of(resultFrame.get().step(), r, f.pca(), f.projections()));
    }

    private void publish(Runnable changes) {
        publishing = true;
        try {
            changes.run();
        } finally {
            publishing = false;
        }
        refreshSelected();
    }

    private void refreshSelected() {
        spectrum.refreshSelected(selection.fixedPointProperty().get(), continuous());
    }

    void dispose() {
        disposer.dispose();
    }
}
