package org.attractorlab.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.task.ConditionTable;

/**
 * Which condition columns an analysis uses when the user does not say: the task's defining latent variables.
 * The CLI and the panes both start from these.
 */
public final class AnalysisDefaults {
    /** Trials in the probe batch every analysis runs on by default: the app's panes, analyze and export. */
    public static final int PROBE_TRIALS = 128;

    private AnalysisDefaults() {
    }

    /** Columns whose value combinations define the conditions (RSA, condition averages). */
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

    /** The column that splits trials into groups (tasks, contexts) for subspace angles. */
    public static String groupColumn(ConditionTable table) {
        for (String c : List.of("task", "context", "quadrant", "frequency_index", "f1_greater", "choice")) {
            if (table.has(c)) {
                return c;
            }
        }
        List<String> cols = conditionColumns(table);
        return cols.isEmpty() ? null : cols.get(0);
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

    /** Whether a column looks categorical: few distinct values, all integers. */
    public static boolean isCategorical(ConditionTable table, String column) {
        if (table.levels(column) != null) {
            return true;
        }
        double[] v = table.column(column);
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (double x : v) {
            if (x != Math.rint(x)) {
                return false;
            }
            distinct.add(x);
            if (distinct.size() > 32) {
                return false;
            }
        }
        return true;
    }
}
