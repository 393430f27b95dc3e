package org.attractorlab.figure;

import java.util.List;
import java.util.Locale;
import org.attractorlab.core.run.TrainingRow;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The curves of the loss chart: training and validation loss, training and validation accuracy against step.
 * Points are added without notifying; {@link #fireChanged()} sends one change per series. Not thread-safe.
 */
public final class LossSeries {
    private final XYSeries trainLoss = new XYSeries("training loss", false, true);
    private final XYSeries validationLoss = new XYSeries("validation loss", false, true);
    private final XYSeries trainAccuracy = new XYSeries("training accuracy", false, true);
    private final XYSeries validationAccuracy = new XYSeries("validation accuracy", false, true);
    private final XYSeriesCollection losses = new XYSeriesCollection();
    private final XYSeriesCollection accuracies = new XYSeriesCollection();
    private double lastValidationLoss = Double.NaN;

    public LossSeries() {
        losses.addSeries(trainLoss);
        losses.addSeries(validationLoss);
        accuracies.addSeries(trainAccuracy);
        accuracies.addSeries(validationAccuracy);
    }

    /** The curves of a training log ({@code training.csv}). */
    public static LossSeries of(List<TrainingRow> log) {
        LossSeries s = new LossSeries();
        for (TrainingRow r : log) {
            s.add(r.step(), r.loss(), r.accuracy(), r.validationLoss(), r.validationAccuracy());
        }
        s.fireChanged();
        return s;
    }

    /**
     * Adds one step's figures, silently. A non-positive or non-finite loss is left out (the axis is logarithmic);
     * validation figures are plotted when they change (a validation ran), not repeated at every step.
     */
    public void add(int step, double loss, double accuracy, double validationLossValue, double validationAccuracyValue) {
        if (Double.isFinite(loss) && loss > 0) {
            trainLoss.add(step, loss, false);
        }
        if (Double.isFinite(accuracy)) {
            trainAccuracy.add(step, accuracy, false);
        }
        if (Double.isFinite(validationLossValue) && validationLossValue != lastValidationLoss) {
            lastValidationLoss = validationLossValue;
            validationLoss.add(step, Math.max(validationLossValue, 1e-12), false);
            if (Double.isFinite(validationAccuracyValue)) {
                validationAccuracy.add(step, validationAccuracyValue, false);
            }
        }
    }

    /** One change event: the plot re-fits its axes over every dataset and redraws all series once. */
    public void fireChanged() {
        trainLoss.fireSeriesChanged();
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

    public void clear() {
        trainLoss.clear();
        validationLoss.clear();
        trainAccuracy.clear();
        validationAccuracy.clear();
        lastValidationLoss = Double.NaN;
    }

    /** Training and validation loss. */
    public XYSeriesCollection losses() {
        return losses;
    }

    /** Training and validation accuracy. */
    public XYSeriesCollection accuracies() {
        return accuracies;
    }

    /** Number of training-loss points. */
    public int points() {
        return trainLoss.getItemCount();
    }

    /** A deep copy (for drawing on another thread while this one keeps growing). */
    public LossSeries copy() {
        LossSeries c = new LossSeries();
        copy(trainLoss, c.trainLoss);
        copy(validationLoss, c.validationLoss);
        copy(trainAccuracy, c.trainAccuracy);
        copy(validationAccuracy, c.validationAccuracy);
        c.lastValidationLoss = lastValidationLoss;
        c.fireChanged();
        return c;
    }

    private static void copy(XYSeries from, XYSeries to) {
        for (int i = 0; i < from.getItemCount(); i++) {
            to.add(from.getX(i), from.getY(i), false);
        }
    }
}
