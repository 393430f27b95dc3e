package org.attractorlab.figure;

import java.util.List;
import org.attractorlab.core.io.TrainingRow;
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

    /** One change event per series. */
    public void fireChanged() {
        trainLoss.fireSeriesChanged();
        validationLoss.fireSeriesChanged();
        trainAccuracy.fireSeriesChanged();
        validationAccuracy.fireSeriesChanged();
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
