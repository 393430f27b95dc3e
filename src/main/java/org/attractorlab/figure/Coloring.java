package org.attractorlab.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.attractorlab.core.task.ConditionTable;

/**
 * The colour of every trial for one condition column: a column with labels or with at most as many distinct
 * values as the categorical palette has colours gets one palette colour per value; any other column is mapped
 * linearly onto the sequential colormap between its minimum and maximum. Immutable. Colours are numbered palette
 * columns: {@link #CATEGORICAL} categorical colours ({@link ChartStyle#PALETTE}), then {@link #SEQUENTIAL} steps of
 * viridis, then {@link #GREY} for missing values; {@link #colour(int)} gives each as a Java2D colour.
 *
 * @param column     the condition column, or null when the table has none (every trial the first colour)
 * @param columnOf   the palette column of every trial
 * @param categories true for one colour per value, false for the sequential colormap
 * @param entries    one legend entry per value (categorical), or the two ends of the range (sequential)
 */
public record Coloring(String column, int[] columnOf, boolean categories, List<Entry> entries) {

    /** Categorical colours. */
    public static final int CATEGORICAL = ChartStyle.PALETTE.length;
    /** Steps of the sequential colormap. */
    public static final int SEQUENTIAL = 64;
    /** The column of missing values. */
    public static final int GREY = CATEGORICAL + SEQUENTIAL;
    /** Number of palette columns. */
    public static final int COLUMNS = GREY + 1;
    private static final ColourScale VIRIDIS = new ColourScale(ColourScale.Kind.SEQUENTIAL, 0, 1);

    /** The full colour of a palette column. */
    public static java.awt.Color colour(int column) {
        if (column < CATEGORICAL) {
            return ChartStyle.PALETTE[column];
        }
        if (column < GREY) {
            return (java.awt.Color) VIRIDIS.getPaint((column - CATEGORICAL) / (double) (SEQUENTIAL - 1));
        }
        return new java.awt.Color(140, 140, 140);
    }

    /** The sequential column for x in [0, 1]. */
    public static int sequentialColumn(double x) {
        return CATEGORICAL + (int) Math.round(Math.max(0, Math.min(1, x)) * (SEQUENTIAL - 1));
    }

    /** A legend entry: a value, its text, its palette column and how many trials have it. */
    public record Entry(double value, String label, int paletteColumn, int trials) {
    }

    public static Coloring of(ConditionTable table, String column) {
        int n = table.rows();
        int[] col = new int[n];
        if (column == null || !table.has(column)) {
            return new Coloring(null, col, true, List.of());
        }
        double[] values = table.column(column);
        TreeMap<Double, Integer> counts = new TreeMap<>();
        for (double v : values) {
            if (!Double.isNaN(v)) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        List<String> levels = table.levels(column);
        if (counts.size() <= CATEGORICAL || levels != null && levels.size() <= CATEGORICAL) {
            List<Double> distinct = new ArrayList<>(counts.keySet());
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < distinct.size(); i++) {
                double v = distinct.get(i);
                entries.add(new Entry(v, label(table, column, v), i % CATEGORICAL, counts.get(v)));
            }
            for (int r = 0; r < n; r++) {
                int i = Double.isNaN(values[r]) ? -1 : distinct.indexOf(values[r]);
                col[r] = i < 0 ? GREY : i % CATEGORICAL;
            }
            return new Coloring(column, col, true, List.copyOf(entries));
        }
        double min = counts.firstKey();
        double max = counts.lastKey();
        for (int r = 0; r < n; r++) {
            col[r] = Double.isNaN(values[r]) ? GREY
                    : sequentialColumn(max > min ? (values[r] - min) / (max - min) : 0.5);
        }
        return new Coloring(column, col, false, List.of(
                new Entry(min, label(table, column, min), sequentialColumn(0), 0),
                new Entry(max, label(table, column, max), sequentialColumn(1), 0)));
    }

    private static String label(ConditionTable table, String column, double v) {
        List<String> l = table.levels(column);
        if (l != null && v == Math.rint(v) && v >= 0 && v < l.size()) {
            return l.get((int) v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
