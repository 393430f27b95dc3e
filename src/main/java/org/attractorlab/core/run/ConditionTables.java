package org.attractorlab.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.task.ConditionTable;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads and writes condition tables as CSV: a header row of column names, then one row per trial. Numeric and
 * boolean columns are read as numbers; text columns become categorical codes 0..n-1 over their sorted distinct
 * values, and the labels are kept (and written back as text).
 */
public final class ConditionTables {
    private ConditionTables() {
    }

    /** Reads a conditions CSV; empty numeric cells become NaN. */
    public static ConditionTable read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such conditions file");
        }
        Table t;
        try {
            long size = Files.size(file);
            if (size > org.attractorlab.core.io.BoundedFiles.TABLE_LIMIT) {
                // checked before tablesaw reads a line: a line of hundreds of MiB would fill the memory
                throw new org.attractorlab.core.io.BoundedFiles.LimitException(file + " is " + size
                        + " bytes; a conditions table is at most " + org.attractorlab.core.io.BoundedFiles.TABLE_LIMIT);
            }
            if (size == 0) {
                throw new IOException(file + ": the conditions CSV is empty; it needs a header line and one row per "
                        + "trial");
            }
            t = Table.read().csv(CsvReadOptions.builder(file.toFile()).header(true).build());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a readable CSV table (" + e.getMessage() + ")", e);
        }
        if (t.columnCount() == 0) {
            throw new IOException(file + ": the conditions CSV has no columns");
        }
        List<String> names = new ArrayList<>();
        double[][] cols = new double[t.columnCount()][];
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (int c = 0; c < t.columnCount(); c++) {
            Column<?> col = t.column(c);
            names.add(col.name());
            double[] v = new double[t.rowCount()];
            ColumnType type = col.type();
            if (type == ColumnType.STRING || type == ColumnType.TEXT || type == ColumnType.LOCAL_DATE
                    || type == ColumnType.LOCAL_DATE_TIME || type == ColumnType.LOCAL_TIME || type == ColumnType.INSTANT) {
                TreeSet<String> distinct = new TreeSet<>();
                for (int r = 0; r < t.rowCount(); r++) {
                    distinct.add(col.getString(r));
                }
                List<String> l = new ArrayList<>(distinct);
                for (int r = 0; r < t.rowCount(); r++) {
                    v[r] = l.indexOf(col.getString(r));
                }
                levels.put(col.name(), l);
            } else if (type == ColumnType.BOOLEAN) {
                for (int r = 0; r < t.rowCount(); r++) {
                    Object o = col.get(r);
                    v[r] = o == null ? Double.NaN : ((Boolean) o) ? 1 : 0;
                }
            } else {
                for (int r = 0; r < t.rowCount(); r++) {
                    Object o = col.get(r);
                    v[r] = o == null || col.isMissing(r) ? Double.NaN : ((Number) o).doubleValue();
                }
            }
            cols[c] = v;
        }
        try {
            return new ConditionTable(names, cols, levels);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the table atomically; categorical columns as their labels. */
    public static void write(Path file, ConditionTable table) throws IOException {
        List<String> header = new ArrayList<>(table.names());
        header.add(0, "trial");
        List<List<?>> rows = new ArrayList<>(table.rows());
        for (int r = 0; r < table.rows(); r++) {
            List<Object> row = new ArrayList<>(header.size());
            row.add(r);
            for (String c : table.names()) {
                row.add(table.levels(c) != null ? table.label(r, c) : (Object) table.get(r, c));
            }
            rows.add(row);
        }
        Csv.write(file, header, rows);
    }
}
