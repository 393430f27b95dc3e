package org.attractorlab.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.task.ConditionTable;

/**
 * Vafidis et al.'s out-of-distribution quadrant test: a linear decoder of the latent coordinates trained on all
 * quadrants but one and tested on the held-out one, against its in-distribution cross-validated score.
 */
public final class OodStudy {
    private OodStudy() {
    }

    /**
     * @param settings       the options
     * @param ood            the test
     * @param quadrantLabels the sign pattern of each held-out quadrant, e.g. {@code "(-,+)"}
     * @param summary        the mean OOD and in-distribution r^2 in words
     */
    public record Result(OodQuadrantOptions settings, OodQuadrantResult ood, List<String> quadrantLabels,
                         String summary) {
    }

    /** Whether the test applies to a table: it has the latent coordinates and the quadrant column. */
    public static boolean appliesTo(ConditionTable table) {
        OodQuadrantOptions d = OodQuadrantOptions.DEFAULTS;
        return table.has(d.quadrantColumn()) && d.latentColumns().stream().allMatch(table::has);
    }

    /** Latents x0 and x1, quadrant column {@code quadrant}, the last step, ridge lambda 1, 5 folds. */
    public static OodQuadrantOptions defaultsFor(HiddenStates h) {
        return OodQuadrantOptions.DEFAULTS;
    }

    public static Result run(HiddenStates h, OodQuadrantOptions o) {
        ConditionTable table = h.conditions();
        for (String c : o.latentColumns()) {
            Columns.require(table, "ood.latent_columns", c);
        }
        Columns.require(table, "ood.quadrant_column", o.quadrantColumn());
        OodQuadrantResult r = OodQuadrant.compute(h, o);
        List<String> labels = new ArrayList<>();
        for (double q : r.quadrants()) {
            labels.add(quadrantLabel((long) q, r.dims()));
        }
        String text = String.format(Locale.ROOT, "OOD r\u00b2 %.2f vs in-distribution %.2f (%s)", r.meanOod(),
                r.meanInDistribution(), o.step() < 0 ? "last step" : "step " + o.step());
        return new Result(o, r, List.copyOf(labels), text);
    }

    /** The sign pattern of an orthant code sum_d 2^d [x_d &lt; 0], e.g. 1 -&gt; "(-,+)" for two dimensions. */
    public static String quadrantLabel(long code, int dims) {
        StringBuilder sb = new StringBuilder("(");
        for (int d = 0; d < dims; d++) {
            sb.append(d == 0 ? "" : ",").append((code >> d & 1) == 1 ? "-" : "+");
        }
        return sb.append(')').toString();
    }
}
