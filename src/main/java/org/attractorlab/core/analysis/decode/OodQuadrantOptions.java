package org.attractorlab.core.analysis.decode;

import java.util.List;

/**
 * Options of {@link OodQuadrant}.
 *
 * @param latentColumns  the condition columns of the latent coordinates x* (default x0, x1; the study's defaults
 *                       take every x0, x1, ..., x(D-1) of the table)
 * @param quadrantColumn the column coding the held-out region, one value per quadrant or orthant (default
 *                       "quadrant"; {@code EvidenceMultitaskTask} codes it as sum_d 2^d [x_d &lt; 0])
 * @param step           the step whose hidden states are decoded, 0..T-1, or -1 for the last step
 * @param regularization ridge lambda (finite, &gt;= 0)
 * @param folds          folds of the in-distribution cross-validation (2..1000), stratified by quadrant
 * @param seed           seed of the fold assignment
 * @param latentVariance the variance the MSE is divided by: 1/12, that of U(-0.5, 0.5) (finite, &gt; 0)
 */
public record OodQuadrantOptions(List<String> latentColumns, String quadrantColumn, int step,
                                 double regularization, int folds, long seed, double latentVariance) {

    /** x0, x1, quadrant, last step, lambda = 1, 5 folds, seed 0, variance 1/12. */
    public static final OodQuadrantOptions DEFAULTS =
            new OodQuadrantOptions(List.of("x0", "x1"), "quadrant", -1, 1.0, 5, 0L, 1.0 / 12);

    public OodQuadrantOptions {
        if (latentColumns == null || latentColumns.isEmpty()) {
            throw Checks.notAllowed("latent_columns", latentColumns, "name at least one condition column");
        }
        for (String c : latentColumns) {
            Checks.column("latent_columns", c);
        }
        latentColumns = List.copyOf(latentColumns);
        Checks.column("quadrant_column", quadrantColumn);
        if (step < -1) {
            throw Checks.notAllowed("step", step, "use a step >= 0, or -1 for the last step");
        }
        Checks.nonNegative("regularization", regularization);
        Checks.range("folds", folds, 2, 1000);
        Checks.positive("latent_variance", latentVariance);
    }

    public OodQuadrantOptions withLatentColumns(List<String> columns) {
        return new OodQuadrantOptions(columns, quadrantColumn, step, regularization, folds, seed, latentVariance);
    }

    public OodQuadrantOptions withStep(int s) {
        return new OodQuadrantOptions(latentColumns, quadrantColumn, s, regularization, folds, seed, latentVariance);
    }

    public OodQuadrantOptions withRegularization(double lambda) {
        return new OodQuadrantOptions(latentColumns, quadrantColumn, step, lambda, folds, seed, latentVariance);
    }
}
