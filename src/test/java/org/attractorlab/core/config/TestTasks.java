package org.attractorlab.core.config;

import java.util.List;
import java.util.Map;
import org.attractorlab.core.config.TaskOptionsResolver;

/** Two small task option records standing in for the task registry. */
public final class TestTasks {

    record FlipFlopOptions(int bits, int steps, double flipProbability) {
        static final FlipFlopOptions DEFAULTS = new FlipFlopOptions(3, 100, 0.05);

        FlipFlopOptions {
            if (bits < 1 || bits > 16) {
                throw new IllegalArgumentException("task.bits = " + bits + " is not allowed: use 1..16");
            }
        }
    }

    record SineWaveOptions(int steps, double minFrequency, double maxFrequency, List<Double> phases) {
        static final SineWaveOptions DEFAULTS = new SineWaveOptions(200, 0.01, 0.1, List.of(0.0, 0.5));

        SineWaveOptions {
            phases = List.copyOf(phases);
        }
    }

    public static final TaskOptionsResolver RESOLVER = TaskOptionsResolver.of(orderedDefaults());

    private static Map<String, Record> orderedDefaults() {
        var map = new java.util.LinkedHashMap<String, Record>();
        map.put("flipflop", FlipFlopOptions.DEFAULTS);
        map.put("sine-wave", SineWaveOptions.DEFAULTS);
        return map;
    }

    private TestTasks() {
    }
}
