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
 * quadrants but one and tested on the held-out one, against its in-distribution cross-validated score. For a
 * D-dimensional latent x0..x(D-1) the test decodes every coordinate and holds out each of the 2^D orthants in turn
 * (the {@code quadrant} column codes the orthant as sum_d 2^d [x_d &lt; 0]).
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

    /** Whether the test applies to a table: it has a latent coordinate x0 and the quadrant column. */
    public static boolean appliesTo(ConditionTable table) {
        return table.has(OodQuadrantOptions.DEFAULTS.quadrantColumn()) && !latentColumns(table).isEmpty();
    }

    /** The table's latent coordinates: x0, x1, ... up to the first x<d> it does not have (empty without x0). */
    public static List<String> latentColumns(ConditionTable table) {
        List<String> out = new ArrayList<>();
        for (int d = 0; table.has("x" + d); d++) {
            out.add("x" + d);
        }
        return out;
    }

    /**
     * Every latent x0..x(D-1) of the table (x0, x1 when it has none), quadrant column {@code quadrant}, the last
     * step, ridge lambda 1, 5 folds.
     */
    public static OodQuadrantOptions defaultsFor(HiddenStates h) {
        List<String> latents = latentColumns(h.conditions());
        return latents.isEmpty() ? OodQuadrantOptions.DEFAULTS : OodQuadrantOptions.DEFAULTS.withLatentColumns(latents);
    }

    /**
     * Runs the test. Refuses a latent or quadrant column the table does not have, and a held-out group with fewer
     * than two trials; when the quadrant column codes the orthants of the table's D latents (integers in
     * 0..2^D-1), every one of the 2^D orthants must have at least two trials.
     */
    public static Result run(HiddenStates h, OodQuadrantOptions o) {
        ConditionTable table = h.conditions();
        for (String c : o.latentColumns()) {
            Columns.require(table, "ood.latent_columns", c);
        }
        Columns.require(table, "ood.quadrant_column", o.quadrantColumn());
        int dims = Math.max(o.latentColumns().size(), latentColumns(table).size());
        checkGroups(table.column(o.quadrantColumn()), dims);
        OodQuadrantResult r = OodQuadrant.compute(h, o);
        List<String> labels = new ArrayList<>();
        for (double q : r.quadrants()) {
            labels.add(quadrantLabel((long) q, dims));
        }
        String text = String.format(Locale.ROOT, "OOD r\u00b2 %.2f vs in-distribution %.2f (%s)", r.meanOod(),
                r.meanInDistribution(), o.step() < 0 ? "last step" : "step " + o.step());
        return new Result(o, r, List.copyOf(labels), text);
    }

    /** At least two trials in every held-out group, and in each of the 2^dims orthants when the codes are orthants. */
    private static void checkGroups(double[] codes, int dims) {
        java.util.TreeMap<Double, Integer> counts = new java.util.TreeMap<>();
        boolean orthants = dims >= 1 && dims <= 16;
        for (double c : codes) {
            counts.merge(c, 1, Integer::sum);
            orthants &= c == Math.rint(c) && c >= 0 && c < (1 << Math.min(dims, 16));
        }
        String advice = "the test needs at least 2 trials in each held-out group: use more trials";
        if (orthants) {
            for (int c = 0; c < 1 << dims; c++) {
                int n = counts.getOrDefault((double) c, 0);
                if (n < 2) {
                    throw new StudyException("ood.quadrant_column: the orthant " + quadrantLabel(c, dims) + " has "
                            + n + " trial" + (n == 1 ? "" : "s") + "; the test holds out each of the 2^" + dims
                            + " = " + (1 << dims) + " orthants and needs at least 2 trials in each: use more trials");
                }
            }
            return;
        }
        for (var e : counts.entrySet()) {
            if (e.getValue() < 2) {
                throw new StudyException("ood.quadrant_column: the group " + StudyException.quote(e.getKey())
                        + " has 1 trial; " + advice);
            }
        }
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
