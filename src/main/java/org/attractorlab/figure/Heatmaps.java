package org.attractorlab.figure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.task.ConditionTable;

/**
 * The matrices of the analyses as {@link HeatmapData}: labels, titles, units and colour scales. The panes and the
 * command line both make their heatmaps here.
 */
public final class Heatmaps {
    /** Longer lists of grouping columns are not written on the axes (they are in every cell's tooltip). */
    private static final int MAX_AXIS_TITLE = 24;

    private Heatmaps() {
    }

    /** The RDM of {@code r}, one row per condition of {@code o}'s grouping columns, labelled with their values. */
    public static HeatmapData rdm(RsaResult r, ConditionTable table, RsaOptions o) {
        ConditionGrouping g = ConditionGrouping.of(table, o.conditionColumns());
        double[][] values = g.values();
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (double[] tuple : values) {
            List<String> parts = new ArrayList<>();
            List<String> named = new ArrayList<>();
            for (int c = 0; c < tuple.length; c++) {
                String v = valueLabel(table, o.conditionColumns().get(c), tuple[c]);
                parts.add(v);
                named.add(o.conditionColumns().get(c) + "=" + v);
            }
            labels.add(String.join(",", parts));
            names.add(String.join(", ", named));
        }
        String title = String.join(", ", o.conditionColumns());
        return HeatmapData.square(labels, names, r.data().matrix(),
                title.length() > MAX_AXIS_TITLE ? "conditions" : title,
                o.distance().key(), "%.3g");
    }

    /** The mean principal angle (degrees, 0 to 90) between the subspaces of every pair of groups. */
    public static HeatmapData angles(SubspaceAngleResult r, ConditionTable table) {
        String column = r.options().groupColumn();
        int g = r.groupCount();
        double[] values = r.groups();
        int[] counts = r.trialCounts();
        int[] dims = r.dimensions();
        double[][] mean = r.meanAngle();
        double[][] degrees = new double[g][g];
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                degrees[i][j] = Math.toDegrees(mean[i][j]);
            }
            String v = valueLabel(table, column, values[i]);
            labels.add(v);
            names.add(column + "=" + v + " (" + counts[i] + " trials, " + dims[i] + "-d)");
        }
        return new HeatmapData(labels, labels, names, names, degrees, column, column,
                "mean angle (\u00b0)", new ColourScale(ColourScale.Kind.SEQUENTIAL, 0, 90), "%.1f\u00b0");
    }

    /** Chance level of a decoder of {@code o} on {@code table}: 1 / classes for a classifier, 0 (r^2) otherwise. */
    public static double chance(ConditionTable table, DecodingOptions o) {
        return o.type().isClassifier()
                ? 1.0 / Arrays.stream(table.column(o.targetColumn())).distinct().count() : 0;
    }

    /** The cross-temporal generalisation matrix (train step x test step), from chance to 1. */
    public static HeatmapData decoding(CrossTemporalResult r, ConditionTable table, DecodingOptions o) {
        boolean accuracy = o.type().isClassifier();
        double chance = chance(table, o);
        List<String> labels = new ArrayList<>();
        List<String> rowNames = new ArrayList<>();
        List<String> columnNames = new ArrayList<>();
        for (int step : r.steps()) {
            labels.add(Integer.toString(step));
            rowNames.add("trained at step " + step);
            columnNames.add("tested at step " + step);
        }
        String valueTitle = accuracy ? String.format(Locale.ROOT, "accuracy (chance %.2f)", chance)
                : "r\u00b2 (below 0 as 0)";
        return new HeatmapData(labels, labels, rowNames, columnNames, r.matrix(), "train step",
                "test step", valueTitle, new ColourScale(ColourScale.Kind.SEQUENTIAL, chance, 1), "%.2f");
    }

    /** "target: decoder metric", the decoding matrix's title. */
    public static String decodingTitle(DecodingOptions o) {
        return o.targetColumn() + ": " + o.type().key() + " " + (o.type().isClassifier() ? "accuracy" : "r\u00b2");
    }

    /** A condition value as text: its level label for a categorical column, else the number. */
    public static String valueLabel(ConditionTable table, String column, double v) {
        List<String> levels = table.levels(column);
        if (levels != null && v == Math.rint(v) && v >= 0 && v < levels.size()) {
            return levels.get((int) v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }
}
