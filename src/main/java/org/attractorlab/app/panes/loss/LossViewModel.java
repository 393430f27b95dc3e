package org.attractorlab.app.panes.loss;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.core.train.TrainingStatus;
import org.attractorlab.figure.LossSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss and accuracy curves: training loss, validation loss, training and validation accuracy against step.
 * Points arrive in one batch per drain; the series fire one change per redraw, at most five redraws a second, in
 * the same frames as the toolbar's figures.
 */
public final class LossViewModel {
    private final LossSeries series = new LossSeries();
    private final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private final Runnable unsubscribeStatus;
    private final Runnable unsubscribeService;
    private boolean dirty;
    /** Redraws on the grid of the toolbar's figures, so that both change in the same frame. */
    private final org.attractorlab.app.fx.GridGate redraw =
            new org.attractorlab.app.fx.GridGate(SessionViewModel.FIGURES_NANOS);

    public LossViewModel(SessionViewModel session) {
        unsubscribeStatus = session.addStatusListener(this::append);
        unsubscribeService = session.addServiceListener(s -> clear());
    }

    /** The curves shown (FX thread only). */
    public LossSeries series() {
        return series;
    }

    public XYSeriesCollection losses() {
        return series.losses();
    }

    public XYSeriesCollection accuracies() {
        return series.accuracies();
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Number of training-loss points shown. */
    public int points() {
        return series.points();
    }

    void append(List<TrainingStatus> batch) {
        for (TrainingStatus s : batch) {
            series.add(s.step(), s.loss(), s.accuracy(), s.validationLoss(), s.validationAccuracy());
        }
        dirty |= !batch.isEmpty();
        // one change per series, at most five times a second: the chart redraws in full on every change
        if (dirty && redraw.open(System.nanoTime())) {
            dirty = false;
            series.fireChanged();
        }
    }

    /**
     * "step 120 · loss 0.0345 · accuracy 0.91 (validation ...)" for the logged step nearest to {@code step}, or ""
     * before the first step.
     */
    public String describeAt(double step) {
        return series.describeAt(step);
    }

    void clear() {
        series.clear();
    }

    public void dispose() {
        unsubscribeStatus.run();
        unsubscribeService.run();
    }
}
