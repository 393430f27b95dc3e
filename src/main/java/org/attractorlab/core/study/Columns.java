package org.attractorlab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.attractorlab.core.task.ConditionTable;

/**
 * The one place that decides which condition columns an analysis uses when the user does not say: the task's
 * defining latent variables. Every study's defaults start here, so the app, the command line and sweeps agree.
 */
public final class Columns {
    /** A column of integers with at most this many distinct values (or with level labels) is categorical. */
    public static final int MAX_CATEGORIES = 32;

    private Columns() {
    }

    /**
     * Columns whose value combinations define the conditions (RSA, condition averages): all {@code bit*} columns
     * (flip-flop), {@code frequency_index} (sine wave), {@code f1} (delayed discrimination), {@code quadrant}
     * (evidence multitask), {@code context} and {@code choice} (context integration), {@code choice} (perceptual
     * decision), {@code category} (N-back); otherwise the first column.
     */
    public static List<String> conditionColumns(ConditionTable table) {
        List<String> names = table.names();
        List<String> bits = names.stream().filter(n -> n.matches("bit\\d+")).toList();
        if (!bits.isEmpty()) {
            return bits;
        }
        for (String[] preferred : new String[][]{{"frequency_index"}, {"f1"}, {"quadrant"}, {"context", "choice"},
                {"choice"}, {"category"}}) {
            if (names.containsAll(List.of(preferred))) {
                return List.of(preferred);
            }
        }
        return names.isEmpty() ? List.of() : List.of(names.get(0));
    }

    /**
     * The column that splits trials into groups for subspace angles: the first of {@code task}, {@code context},
     * {@code quadrant}, {@code frequency_index}, {@code f1_greater}, {@code choice} that the table has with at least
     * two values, else the first categorical column with at least two values; null when there is none.
     */
    public static String groupColumn(ConditionTable table) {
        for (String c : List.of("task", "context", "quadrant", "frequency_index", "f1_greater", "choice")) {
            if (table.has(c) && distinct(table, c) >= 2) {
                return c;
            }
        }
        for (String c : table.names()) {
            if (isCategorical(table, c) && distinct(table, c) >= 2) {
                return c;
            }
        }
        return null;
    }

    /** Columns worth decoding: the condition columns and any latent coordinates x0, x1, ... */
    public static List<String> decodeTargets(ConditionTable table) {
        List<String> out = new ArrayList<>(conditionColumns(table));
        for (String n : table.names()) {
            if (n.matches("x\\d+") && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** The targets a face offers: {@link #decodeTargets} first, then every other column. */
    public static List<String> targetChoices(ConditionTable table) {
        List<String> out = new ArrayList<>(decodeTargets(table));
        for (String n : table.names()) {
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Whether a column is categorical: it has level labels, or at most {@value #MAX_CATEGORIES} distinct integers. */
    public static boolean isCategorical(ConditionTable table, String column) {
        if (table.levels(column) != null) {
            return true;
        }
        double[] v = table.column(column);
        for (double x : v) {
            if (x != Math.rint(x)) {
                return false;
            }
        }
        return distinct(table, column) <= MAX_CATEGORIES;
    }

    /** The number of distinct values of a column. */
    public static int distinct(ConditionTable table, String column) {
        return (int) Arrays.stream(table.column(column)).distinct().count();
    }

    /** The column's distinct values, ascending. */
    public static double[] values(ConditionTable table, String column) {
        return Arrays.stream(table.column(column)).distinct().sorted().toArray();
    }

    /** Refuses a column the table does not have, naming the columns it has. */
    public static void require(ConditionTable table, String field, String column) {
        if (column == null || !table.has(column)) {
            throw new StudyException(field + ": no condition column " + StudyException.quote(column)
                    + "; the columns are " + table.names());
        }
    }
}
