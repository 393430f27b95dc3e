package org.attractorlab.figure;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Heatmap} shows: a rows x columns matrix, short tick labels and long names (for tooltips) of rows
 * and columns, axis and value titles, and the colour scale. Immutable; the matrix is copied in and out.
 *
 * @param rowLabels    short labels on the vertical axis, one per row
 * @param columnLabels short labels on the horizontal axis, one per column
 * @param rowNames     full names of the rows, for tooltips and hover text
 * @param columnNames  full names of the columns
 * @param values       [rows][columns]; NaN cells are grey
 * @param rowTitle     title of the vertical axis
 * @param columnTitle  title of the horizontal axis
 * @param valueTitle   what the colour means (the legend's title), e.g. "correlation distance"
 * @param scale        the colour scale and its range
 * @param format       how values are written in tooltips and cells, e.g. {@code "%.3f"}
 */
public record HeatmapData(List<String> rowLabels, List<String> columnLabels, List<String> rowNames,
                          List<String> columnNames, double[][] values, String rowTitle, String columnTitle,
                          String valueTitle, ColourScale scale, String format) {

    public HeatmapData {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        rowNames = List.copyOf(rowNames);
        columnNames = List.copyOf(columnNames);
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(format, "format");
        if (rowNames.size() != rowLabels.size() || columnNames.size() != columnLabels.size()
                || values.length != rowLabels.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for " + rowLabels.size()
                    + " row labels and " + rowNames.size() + " row names");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != columnLabels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values for "
                        + columnLabels.size() + " columns");
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    /**
     * A square matrix whose rows and columns are the same items, with a sequential scale from 0 (or the minimum,
     * if negative: then a diverging scale centred on 0) to the largest value.
     */
    public static HeatmapData square(List<String> labels, List<String> names, double[][] values, String title,
                                     String valueTitle, String format) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        ColourScale scale = lo < 0 ? ColourScale.symmetric(lo, hi)
                : new ColourScale(ColourScale.Kind.SEQUENTIAL, 0, hi > 0 ? hi : 1);
        return new HeatmapData(labels, labels, names, names, values, title, title, valueTitle, scale, format);
    }

    /** The same data on another colour scale. */
    public HeatmapData withScale(ColourScale s) {
        return new HeatmapData(rowLabels, columnLabels, rowNames, columnNames, values, rowTitle, columnTitle,
                valueTitle, s, format);
    }

    public int rows() {
        return rowLabels.size();
    }

    public int columns() {
        return columnLabels.size();
    }

    public double value(int row, int column) {
        return values[row][column];
    }

    /** @return a copy of the matrix */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** "row name x column name: value", the hover text of a cell. */
    public String describe(int row, int column) {
        return rowNames.get(row) + "  \u00d7  " + columnNames.get(column) + ":  "
                + String.format(java.util.Locale.ROOT, format, values[row][column]);
    }
}
