package org.attractorlab.core.sweep;

import java.util.List;
import java.util.Map;

/**
 * One run of a sweep.
 *
 * @param index     0-based position in the sweep's order
 * @param name      the run directory's name, {@code NNNN-<axis values>}
 * @param axes      axis name to value (as text), in the spec's order; "seed" included when the sweep has seeds
 * @param overrides the {@code KEY=VALUE} overrides that make its config from the base
 */
public record SweepPoint(int index, String name, Map<String, String> axes, List<String> overrides) {
    public SweepPoint {
        axes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
        overrides = List.copyOf(overrides);
    }
}
