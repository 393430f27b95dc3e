package org.attractorlab.app.panes.loss;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.core.train.TrainingStatus;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Loss and accuracy curves: training loss, validation loss, training and validation accuracy against step.
 * Points arrive in one batch per frame; the series fire one change per redraw, at most ten redraws a second.
 */
public final class LossViewModel {
    private final XYSeries trainLoss = new XYSeries("training loss", false, true);
    private final XYSeries validationLoss = new XYSeries("validation loss", false, true);
    private final XYSeries trainAccuracy = new XYSeries("training accuracy", false, true);
    private final XYSeries validationAccuracy = new XYSeries("validation accuracy", false, true);
    private final XYSeriesCollection losses = new XYSeriesCollection();
    private final XYSeriesCollection accuracies = new XYSeriesCollection();
    private final BooleanProperty logScale = new SimpleBooleanProperty(true);
    private final Runnable unsubscribeStatus;
    private final Runnable unsubscribeService;
    private double lastValidationLoss = Double.NaN;

    public LossViewModel(SessionViewModel session) {
        losses.addSeries(trainLoss);
        losses.addSeries(validationLoss);
        accuracies.addSeries(trainAccuracy);
        accuracies.addSeries(validationAccuracy);
        unsubscribeStatus = session.addStatusListener(this::append);
        unsubscribeService = session.addServiceListener(s -> clear());
    }

    public XYSeriesCollection losses() {
        return losses;
    }

    public XYSeriesCollection accuracies() {
        return accuracies;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Number of training-loss points shown. */
    public int points() {
        return trainLoss.getItemCount();
    }

    void append(List<TrainingStatus> batch) {
        for (TrainingStatus s : batch) {
            if (Double.isFinite(s.loss()) && s.loss() > 0) {
                trainLoss.add(s.step(), s.loss(), false);
            }
            if (Double.isFinite(s.accuracy())) {
                trainAccuracy.add(s.step(), s.accuracy(), false);
            }
            // the validation figures change only when a validation ran: plot each new value once
            if (Double.isFinite(s.validationLoss()) && s.validationLoss() != lastValidationLoss) {
                lastValidationLoss = s.validationLoss();
                validationLoss.add(s.step(), Math.max(s.validationLoss(), 1e-12), false);
                if (Double.isFinite(s.validationAccuracy())) {
                    validationAccuracy.add(s.step(), s.validationAccuracy(), false);
                }
            }
        }
        dirty |= !batch.isEmpty();
        long now = System.nanoTime();
        if (dirty && now - lastRedraw >= REDRAW_NANOS) {
            // one change per series, at most ten times a second: the chart redraws in full on every change
            lastRedraw = now;
            dirty = false;
            // one event: the plot re-fits its axes over every dataset and redraws all series once
            trainLoss.fireSeriesChanged();
        }
    }

    /**
     * "step 120 · loss 0.0345 · accuracy 0.91 (validation ...)" for the logged step nearest to {@code step}, or ""
     * before the first step.
     */
    public String describeAt(double step) {
        int i = nearest(trainLoss, step);
        if (i < 0) {
            return "";
        }
        int at = trainLoss.getX(i).intValue();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "step %d \u00b7 loss %.4g", at,
                trainLoss.getY(i).doubleValue()));
        int a = nearest(trainAccuracy, at);
        if (a >= 0 && trainAccuracy.getX(a).intValue() == at) {
            b.append(String.format(Locale.ROOT, " \u00b7 accuracy %.3f", trainAccuracy.getY(a).doubleValue()));
        }
        int v = nearest(validationLoss, at);
        if (v >= 0 && validationLoss.getX(v).intValue() <= at) {
            b.append(String.format(Locale.ROOT, "%nvalidation (step %d): loss %.4g", validationLoss.getX(v).intValue(),
                    validationLoss.getY(v).doubleValue()));
            int va = nearest(validationAccuracy, validationLoss.getX(v).doubleValue());
            if (va >= 0) {
                b.append(String.format(Locale.ROOT, " \u00b7 accuracy %.3f", validationAccuracy.getY(va).doubleValue()));
            }
        }
        return b.toString();
    }

    /** Index of the item of an x-ascending series nearest to x, or -1 for an empty series. */
    private static int nearest(XYSeries s, double x) {
        int n = s.getItemCount();
        if (n == 0) {
            return -1;
        }
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.getX(mid).doubleValue() < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(s.getX(lo - 1).doubleValue() - x) <= Math.abs(s.getX(lo).doubleValue() - x)) {
            lo--;
        }
        return lo;
    }

    private static final long REDRAW_NANOS = 100_000_000L;
    private boolean dirty;
    private long lastRedraw;

    void clear() {
        trainLoss.clear();
        validationLoss.clear();
        trainAccuracy.clear();
        validationAccuracy.clear();
        lastValidationLoss = Double.NaN;
    }

    public void dispose() {
        unsubscribeStatus.run();
        unsubscribeService.run();
    }
}
