package org.attractorlab.core.run;

import java.util.List;
import org.attractorlab.core.io.Csv;

/**
 * One line of {@code training.csv}. Quantities not measured at a step (validation on most steps, accuracy for
 * regression tasks) are NaN, written {@code nan}.
 *
 * @param step               optimiser steps done (1-based)
 * @param loss               training loss of the step's batch
 * @param accuracy           training accuracy of the batch, or NaN
 * @param validationLoss     loss on the fixed validation batch, or NaN
 * @param validationAccuracy accuracy on the validation batch, or NaN
 * @param gradNorm           global gradient norm before clipping
 * @param learningRate       learning rate used at this step
 * @param stepsPerSecond     recent training speed
 * @param elapsedSeconds     wall time since training started
 */
public record TrainingRow(int step, double loss, double accuracy, double validationLoss, double validationAccuracy,
                          double gradNorm, double learningRate, double stepsPerSecond, double elapsedSeconds) {

    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of("step", "loss", "accuracy", "validation_loss",
            "validation_accuracy", "grad_norm", "learning_rate", "steps_per_second", "elapsed_seconds");

    /** The line, with its '\n'. */
    public String toCsvLine() {
        return Csv.line(List.of(step, loss, accuracy, validationLoss, validationAccuracy, gradNorm, learningRate,
                stepsPerSecond, elapsedSeconds));
    }

    /** Parses a line written by {@link #toCsvLine()}; {@code where} names it in errors. */
    public static TrainingRow parse(String line, String where) {
        String[] f = line.strip().split(",", -1);
        if (f.length != COLUMNS.size()) {
            throw new IllegalArgumentException(where + ": expected " + COLUMNS.size() + " fields, found " + f.length);
        }
        try {
            return new TrainingRow(Integer.parseInt(f[0].trim()), Csv.parseNumber(f[1]), Csv.parseNumber(f[2]),
                    Csv.parseNumber(f[3]), Csv.parseNumber(f[4]), Csv.parseNumber(f[5]), Csv.parseNumber(f[6]),
                    Csv.parseNumber(f[7]), Csv.parseNumber(f[8]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": not a number: " + e.getMessage(), e);
        }
    }
}
