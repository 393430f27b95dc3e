package org.attractorlab.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.Messages;

/**
 * The runs of a spec in order: grid points (first key slowest), then zip positions, then seeds (innermost), each
 * with the overrides that make its config. Only the overrides are held, never a network: a plan of 100,000 runs is a
 * few megabytes. Every run trains on one thread ({@code training.threads = 1} unless the spec sets it), so a run
 * gives the same weights, to the bit, wherever it runs: locally, on a cluster node, in any process (the engine's
 * kernels give the same bits interpreted and compiled, see {@code core.tensor.VMath}).
 */
public final class SweepPlan {
    private final SweepSpec spec;
    private final List<SweepPoint> points;

    private SweepPlan(SweepSpec spec, List<SweepPoint> points) {
        this.spec = spec;
        this.points = List.copyOf(points);
    }

    /** The plan of a spec, each run's config checked: a run whose combination of values is refused is named. */
    public static SweepPlan of(SweepSpec spec) {
        SweepPlan plan = unchecked(spec);
        ConfigLoader loader = ConfigLoader.standard();
        for (SweepPoint p : plan.points) {
            plan.config(p, loader);
        }
        return plan;
    }

    /**
     * The plan of a spec whose runs were checked when its sweep directory was prepared ({@link SweepDirectory#open}):
     * opening a sweep of 100,000 runs in every cluster task does not resolve 100,000 configs again. A run whose
     * config no longer resolves (a hand-edited {@code sweep.json}) fails with the message when it is trained.
     */
    static SweepPlan unchecked(SweepSpec spec) {
        List<String> gridKeys = new ArrayList<>(spec.grid().keySet());
        List<List<JsonNode>> gridValues = new ArrayList<>(spec.grid().values());
        int zipLength = spec.zip().isEmpty() ? 1 : spec.zip().values().iterator().next().size();
        int n = (int) spec.runCount();
        int width = Math.max(4, Integer.toString(Math.max(0, n - 1)).length());
        List<SweepPoint> points = new ArrayList<>(n);
        int[] odometer = new int[gridKeys.size()];
        List<String> common = new ArrayList<>();
        spec.set().forEach((k, v) -> common.add(k + "=" + SweepSpec.text(v)));
        if (!spec.set().containsKey("training.threads")) {
            common.add("training.threads=1");
        }
        int index = 0;
        for (long g = 0, gridCount = gridCount(spec); g < gridCount; g++) {
            for (int z = 0; z < zipLength; z++) {
                for (long seed : spec.seeds()) {
                    Map<String, String> axes = new LinkedHashMap<>();
                    List<String> overrides = new ArrayList<>(common);
                    for (int a = 0; a < gridKeys.size(); a++) {
                        String v = SweepSpec.text(gridValues.get(a).get(odometer[a]));
                        axes.put(gridKeys.get(a), v);
                        overrides.add(gridKeys.get(a) + "=" + v);
                    }
                    for (var e : spec.zip().entrySet()) {
                        String v = SweepSpec.text(e.getValue().get(z));
                        axes.put(e.getKey(), v);
                        overrides.add(e.getKey() + "=" + v);
                    }
                    if (spec.seeds().size() > 1) {
                        axes.put("seed", Long.toString(seed));
                    }
                    overrides.add("seed=" + seed);
                    points.add(new SweepPoint(index, name(index, width, axes), axes, overrides));
                    index++;
                }
            }
            for (int a = gridKeys.size() - 1; a >= 0; a--) {
                if (++odometer[a] < gridValues.get(a).size()) {
                    break;
                }
                odometer[a] = 0;
            }
        }
        return new SweepPlan(spec, points);
    }

    private static long gridCount(SweepSpec spec) {
        long c = 1;
        for (List<JsonNode> v : spec.grid().values()) {
            c *= v.size();
        }
        return c;
    }

    /** {@code 0007-task_count=6_latent_dims=2_seed=3}: the index and the axis values, safe as a file name. */
    static String name(int index, int width, Map<String, String> axes) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%0" + width + "d", index));
        for (var e : axes.entrySet()) {
            String key = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            sb.append(sb.length() == width ? "-" : "_").append(key).append('=').append(e.getValue());
        }
        String s = sb.toString().replaceAll("[^A-Za-z0-9=._+-]", "-");
        return s.length() > 96 ? s.substring(0, 96) : s;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Every run, in order. */
    public List<SweepPoint> points() {
        return points;
    }

    public int size() {
        return points.size();
    }

    /** The config of a run. */
    public ExperimentConfig config(SweepPoint p) {
        return config(p, ConfigLoader.standard());
    }

    private ExperimentConfig config(SweepPoint p, ConfigLoader loader) {
        try {
            return loader.override(spec.base(), p.overrides());
        } catch (ConfigException | IllegalArgumentException e) {
            throw new SweepException("run " + p.index() + " (" + describe(p) + ") has an invalid config: "
                    + SweepSpec.withoutSetPrefix(e.getMessage()));
        }
    }

    private static String describe(SweepPoint p) {
        List<String> parts = new ArrayList<>();
        p.axes().forEach((k, v) -> parts.add(k + "=" + Messages.value(v)));
        return parts.isEmpty() ? "the base" : String.join(", ", parts);
    }
}
