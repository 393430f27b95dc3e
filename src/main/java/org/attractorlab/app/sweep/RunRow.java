package org.attractorlab.app.sweep;

import java.nio.file.Path;
import java.util.Map;

/**
 * One run of a sweep as its table shows it.
 *
 * @param index   the run's index in the sweep
 * @param name    the run directory's name
 * @param state   pending, unfinished, done or failed
 * @param axes    axis name to value, in the spec's order
 * @param values  summary column to value (NaN where the run has none)
 * @param dir     the run directory
 */
public record RunRow(int index, String name, String state, Map<String, String> axes, Map<String, Double> values,
                     Path dir) {
    public RunRow {
        axes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The value of a summary column, NaN when the run has none. */
    public double value(String column) {
        return values.getOrDefault(column, Double.NaN);
    }
}
