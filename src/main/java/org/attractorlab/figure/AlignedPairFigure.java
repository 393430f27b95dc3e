package org.attractorlab.figure;

import java.util.List;
import java.util.Locale;
import org.attractorlab.core.study.AlignedPairStudy;
import org.attractorlab.core.task.ConditionTable;

/**
 * Two networks' trajectories side by side in one PCA basis ({@link AlignedPairStudy}): A on its own principal
 * components, B after alignment on the same axes, both fitted into the scene by one {@link Normalization} (so
 * their sizes compare), coloured by one condition column, seen from one camera. The app's aligned-pair view and
 * {@code export --figure aligned-pair} draw the same data.
 */
public final class AlignedPairFigure {
    private AlignedPairFigure() {
    }

    /** The scene box of both trajectory sets together. */
    public static Normalization normalization(AlignedPairStudy.Result r) {
        int c = r.components();
        int points = r.trials() * r.steps();
        float[] both = new float[2 * points * c];
        System.arraycopy(r.a(), 0, both, 0, points * c);
        System.arraycopy(r.b(), 0, both, points * c, points * c);
        return Normalization.fit(both, c, 2 * points);
    }

    /**
     * The trajectories of A ({@code second} false) or of aligned B, every trial, in the shared box.
     *
     * @param colorBy the condition column that colours the trials, or null for the first
     */
    public static TrajectoryFigure.Data data(AlignedPairStudy.Result r, boolean second, String colorBy,
                                             Normalization norm) {
        ConditionTable conditions = r.conditions();
        String column = colorBy != null ? colorBy : conditions.names().isEmpty() ? null : conditions.names().get(0);
        if (column != null && !conditions.has(column)) {
            throw new IllegalArgumentException("no condition column '" + column + "' to colour by; columns are "
                    + conditions.names());
        }
        int trials = r.trials();
        int steps = r.steps();
        int c = r.components();
        float[] scores = second ? r.b() : r.a();
        int[] shown = new int[trials];
        float[] path = new float[trials * steps * 3];
        for (int i = 0; i < trials; i++) {
            shown[i] = i;
            for (int t = 0; t < steps; t++) {
                int src = (i * steps + t) * c;
                norm.toScene(scores[src], c > 1 ? scores[src + 1] : 0f, c > 2 ? scores[src + 2] : 0f, path,
                        (i * steps + t) * 3);
            }
        }
        double[] ratio = new double[3];
        double[] v = second ? r.varianceRatioB() : r.varianceRatioA();
        System.arraycopy(v, 0, ratio, 0, Math.min(3, v.length));
        return new TrajectoryFigure.Data(-1, steps, shown, path, new boolean[trials], new boolean[trials],
                Coloring.of(conditions, column), norm, ratio, null, null, null);
    }

    /** "0000-a (its PCs)" and "0003-b aligned to 0000-a": the titles of the two halves. */
    public static String title(AlignedPairStudy.Result r, boolean second) {
        return second ? r.nameB() + " aligned to " + r.nameA() : r.nameA() + " (its PCs)";
    }

    /**
     * The caption over both: "residual 0.1234 after alignment in 16 PC dimensions", preceded by the distance of
     * the pair when one is given (e.g. "representation_cka 0.0871 · ").
     */
    public static String caption(AlignedPairStudy.Result r, String distance) {
        return (distance == null ? "" : distance + " \u00b7 ") + String.format(Locale.ROOT,
                "residual %.4f after alignment in %d PC dimensions", r.residual(), r.alignedDimensions());
    }

    /** Both halves side by side, from one camera; B's title carries the caption. */
    public static Figure figure(AlignedPairStudy.Result r, String colorBy, String distance, Camera camera) {
        Normalization norm = normalization(r);
        return new StackedFigure(caption(r, distance), false, List.of(
                new TrajectoryFigure(data(r, false, colorBy, norm), camera, null, title(r, false)),
                new TrajectoryFigure(data(r, true, colorBy, norm), camera, null, title(r, true) + ": "
                        + caption(r, distance))), 1, 1);
    }
}
