package org.attractorlab.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.io.BoundedFiles;
import org.attractorlab.core.io.Messages;

/**
 * A sweep: a base config and axes over config keys. {@code grid} axes form their product (the first key varies
 * slowest), {@code zip} axes advance together (all the same length), {@code seeds} repeat every point with each seed
 * (innermost), {@code set} overrides every point like {@code --set}, and {@code analyses} names the analyses whose
 * scalar summaries every run records. Immutable; {@link #toJson()} is the resolved spec a sweep directory keeps, with
 * the base config written out in full, so the directory does not depend on the file it came from.
 *
 * @param base     the base config, resolved
 * @param grid     key to values, in file order
 * @param zip      key to values, all lists of one length
 * @param seeds    the seeds, at least one
 * @param set      key to value, applied to every point before the axes
 * @param analyses analysis names, see {@link RunSummary#ANALYSES}
 */
public record SweepSpec(ExperimentConfig base, Map<String, List<JsonNode>> grid, Map<String, List<JsonNode>> zip,
                        List<Long> seeds, Map<String, JsonNode> set, List<String> analyses) {

    /** The largest number of runs a sweep may have. */
    public static final long MAX_RUNS = 100_000;
    /** The largest seed count. */
    public static final int MAX_SEEDS = 10_000;
    private static final Set<String> FIELDS = Set.of("base", "grid", "zip", "seeds", "set", "analyses");

    public SweepSpec {
        grid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(grid));
        zip = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(zip));
        seeds = List.copyOf(seeds);
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        analyses = List.copyOf(analyses);
    }

    /** The number of runs: the product of the grid's axis lengths, times the zip length, times the seeds. */
    public long runCount() {
        return count(grid, zip, seeds.size());
    }

    private static long count(Map<String, List<JsonNode>> grid, Map<String, List<JsonNode>> zip, int seeds) {
        double n = seeds;
        for (List<JsonNode> v : grid.values()) {
            n *= v.size();
        }
        if (!zip.isEmpty()) {
            n *= zip.values().iterator().next().size();
        }
        return n > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : (long) n;
    }

    /** Reads a spec file; a relative base path is looked up beside the file, then in the working directory. */
    public static SweepSpec read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    BoundedFiles.read(file, BoundedFiles.CONFIG_LIMIT, "a sweep spec"))).toString();
        } catch (NoSuchFileException e) {
            throw new SweepException("sweep spec '" + file + "' does not exist");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new SweepException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SweepException(e.getMessage() == null ? file + ": cannot be read" : e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return parse(text, dir);
        } catch (SweepException e) {
            throw new SweepException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a spec.
     *
     * @param dir where a relative base path is looked up first (then the working directory, then the samples)
     */
    public static SweepSpec parse(String json, Path dir) {
        JsonNode root;
        try {
            root = RecordTrees.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SweepException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new SweepException("a sweep spec is a JSON object such as {\"base\": \"samples/flipflop-3bit.json\", "
                    + "\"grid\": {\"model.hidden_size\": [32, 64]}, \"seeds\": 3}");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new SweepException("unknown field '" + Messages.value(f) + "'; a sweep spec has base, grid, zip, "
                        + "seeds, set and analyses");
            }
        }
        ExperimentConfig base = base(root.get("base"), dir);
        Map<String, List<JsonNode>> grid = axes(root.get("grid"), "grid", true);
        Map<String, List<JsonNode>> zip = axes(root.get("zip"), "zip", false);
        Map<String, JsonNode> set = new LinkedHashMap<>();
        JsonNode setNode = root.get("set");
        if (setNode != null) {
            if (!setNode.isObject()) {
                throw new SweepException("set = " + Messages.value(setNode) + " is not allowed: give an object of "
                        + "config keys and values, e.g. {\"training.steps\": 2000}");
            }
            setNode.fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
        }
        if (!zip.isEmpty()) {
            int n = -1;
            String first = null;
            for (var e : zip.entrySet()) {
                if (n < 0) {
                    n = e.getValue().size();
                    first = e.getKey();
                } else if (e.getValue().size() != n) {
                    throw new SweepException("zip axes advance together, so they need lists of one length: "
                            + first + " has " + n + " values, " + e.getKey() + " has " + e.getValue().size());
                }
            }
            // one list may repeat a value (e.g. one learning rate for two sizes); two runs may not be the same
            Set<String> tuples = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                StringBuilder t = new StringBuilder();
                for (var e : zip.entrySet()) {
                    t.append(e.getKey()).append('=').append(Messages.value(e.getValue().get(i))).append(", ");
                }
                String tuple = t.substring(0, t.length() - 2);
                if (!tuples.add(tuple)) {
                    throw new SweepException("zip lists the point (" + tuple + ") twice");
                }
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String k : concat(grid.keySet(), zip.keySet(), set.keySet())) {
            if (k.equals("seed")) {
                throw new SweepException("the seed is not an axis or a set key: give \"seeds\" (a count or a list)");
            }
            if (k.equals("task.name") && (grid.containsKey(k) || zip.containsKey(k))) {
                throw new SweepException("task.name is not an axis: a sweep trains one task (its base); make one "
                        + "sweep per task");
            }
            if (!seen.add(k)) {
                throw new SweepException("the key " + k + " is given twice (grid, zip and set name different keys)");
            }
        }
        List<Long> seeds = seeds(root.get("seeds"), base.seed());
        List<String> analyses = new ArrayList<>();
        JsonNode an = root.get("analyses");
        if (an != null) {
            if (!an.isArray()) {
                throw new SweepException("analyses = " + Messages.value(an) + " is not allowed: give a list such as "
                        + "[\"decode\", \"fixed-points\"]; analyses are " + RunSummary.ANALYSES);
            }
            for (JsonNode a : an) {
                if (!a.isTextual() || !RunSummary.ANALYSES.contains(a.asText())) {
                    throw new SweepException("analyses: '" + Messages.value(a.isTextual() ? a.asText() : a)
                            + "' is not an analysis; analyses are " + RunSummary.ANALYSES);
                }
                if (!analyses.contains(a.asText())) {
                    analyses.add(a.asText());
                }
            }
        }
        long runs = count(grid, zip, seeds.size());
        if (runs > MAX_RUNS) {
            throw new SweepException("the sweep has " + (runs == Long.MAX_VALUE ? "more than 10^18" : runs)
                    + " runs; a sweep has at most " + MAX_RUNS + " (split it into several sweeps)");
        }
        SweepSpec spec = new SweepSpec(base, grid, zip, seeds, set, analyses);
        spec.checkKeys();
        return spec;
    }

    /** Refuses an axis or set key the base config does not have, naming it and the value. */
    private void checkKeys() {
        ConfigLoader loader = ConfigLoader.standard();
        for (var e : set.entrySet()) {
            apply(loader, "set", e.getKey(), e.getValue());
        }
        for (var e : grid.entrySet()) {
            for (JsonNode v : e.getValue()) {
                apply(loader, "grid axis", e.getKey(), v);
            }
        }
        for (var e : zip.entrySet()) {
            for (JsonNode v : e.getValue()) {
                apply(loader, "zip axis", e.getKey(), v);
            }
        }
    }

    private void apply(ConfigLoader loader, String what, String key, JsonNode value) {
        List<String> overrides = new ArrayList<>();
        set.forEach((k, v) -> overrides.add(k + "=" + text(v)));
        overrides.add(key + "=" + text(value));
        try {
            loader.override(base, overrides);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new SweepException(what + " " + key + ", value " + Messages.value(text(value)) + ": "
                    + withoutSetPrefix(e.getMessage()));
        }
    }

    /** A config error without the "--set KEY=VALUE: " the loader puts before it. */
    static String withoutSetPrefix(String message) {
        if (message != null && message.startsWith("--set ")) {
            int colon = message.indexOf(": ");
            if (colon > 0) {
                return message.substring(colon + 2);
            }
        }
        return message;
    }

    /** A JSON value as the text of a {@code KEY=VALUE} override. */
    static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static ExperimentConfig base(JsonNode node, Path dir) {
        if (node == null) {
            throw new SweepException("base is missing: give a config file (\"samples/flipflop-3bit.json\"), a sample "
                    + "name (\"flipflop-3bit\") or an inline config object");
        }
        ConfigLoader loader = ConfigLoader.standard();
        try {
            if (node.isObject()) {
                return loader.parse(node.toString());
            }
            if (!node.isTextual()) {
                throw new SweepException("base = " + Messages.value(node) + " is not allowed: give a config file, a "
                        + "sample name or an inline config object");
            }
            String s = node.asText();
            for (Path p : dir == null ? List.of(Path.of(s)) : List.of(dir.resolve(s), Path.of(s))) {
                if (Files.isRegularFile(p)) {
                    return loader.load(p);
                }
            }
            var sample = Samples.named(s);
            if (sample.isPresent()) {
                return Samples.load(sample.get());
            }
            throw new SweepException("base '" + Messages.value(s) + "' is neither a config file (looked beside the "
                    + "spec and in the working directory) nor a sample; samples are " + Samples.NAMES);
        } catch (ConfigException e) {
            throw new SweepException("base: " + e.getMessage(), e);
        }
    }

    /**
     * The axes of {@code node} ({@code what}: grid or zip, for messages); {@code distinctValues}: a value listed
     * twice in one axis is refused (grid; a zip checks its points instead).
     */
    private static Map<String, List<JsonNode>> axes(JsonNode node, String what, boolean distinctValues) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new SweepException(what + " = " + Messages.value(node) + " is not allowed: give an object of config "
                    + "keys and lists of values, e.g. {\"model.hidden_size\": [32, 64]}");
        }
        if (node.isEmpty()) {
            throw new SweepException(what + " is empty: give at least one config key with a list of values, or leave "
                    + what + " out");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isArray()) {
                throw new SweepException(what + " axis " + e.getKey() + " = " + Messages.value(v)
                        + " is not allowed: give a list of values, e.g. [32, 64]");
            }
            if (v.isEmpty()) {
                throw new SweepException(what + " axis " + e.getKey() + " has no values: give at least one");
            }
            List<JsonNode> values = new ArrayList<>();
            v.forEach(values::add);
            Set<String> distinct = new LinkedHashSet<>();
            for (JsonNode x : values) {
                if (distinctValues && !distinct.add(x.toString())) {
                    throw new SweepException(what + " axis " + e.getKey() + " lists " + Messages.value(x)
                            + " twice");
                }
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    private static List<Long> seeds(JsonNode node, long baseSeed) {
        if (node == null) {
            return List.of(baseSeed);
        }
        List<Long> out = new ArrayList<>();
        if (node.isIntegralNumber()) {
            long n = node.asLong();
            if (n < 1 || n > MAX_SEEDS) {
                throw new SweepException("seeds = " + Messages.value(node) + " is not allowed: give a count 1.."
                        + MAX_SEEDS + " (seeds base.seed, base.seed + 1, ...) or a list of seeds");
            }
            for (long i = 0; i < n; i++) {
                out.add(baseSeed + i);
            }
            return out;
        }
        if (node.isArray() && !node.isEmpty() && node.size() <= MAX_SEEDS) {
            Set<Long> distinct = new LinkedHashSet<>();
            for (JsonNode s : node) {
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    throw new SweepException("seeds: " + Messages.value(s) + " is not an integer seed");
                }
                if (!distinct.add(s.asLong())) {
                    throw new SweepException("seeds lists " + s.asLong() + " twice");
                }
            }
            out.addAll(distinct);
            return out;
        }
        throw new SweepException("seeds = " + Messages.value(node) + " is not allowed: give a count 1.." + MAX_SEEDS
                + " or a non-empty list of integer seeds");
    }

    private static List<String> concat(Set<String> a, Set<String> b, Set<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    /** The names of the axes a run varies over: the grid keys, the zip keys, then "seed" when there are several. */
    public List<String> axisNames() {
        List<String> out = new ArrayList<>(grid.keySet());
        out.addAll(zip.keySet());
        if (seeds.size() > 1) {
            out.add("seed");
        }
        return out;
    }

    /** The resolved spec as JSON: the base config in full, then the axes. */
    public String toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("base", ConfigLoader.toTree(base));
        if (!grid.isEmpty()) {
            root.set("grid", axesTree(grid));
        }
        if (!zip.isEmpty()) {
            root.set("zip", axesTree(zip));
        }
        ArrayNode s = root.putArray("seeds");
        seeds.forEach(s::add);
        ObjectNode st = root.putObject("set");
        set.forEach(st::set);
        ArrayNode a = root.putArray("analyses");
        analyses.forEach(a::add);
        try {
            return RecordTrees.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode axesTree(Map<String, List<JsonNode>> axes) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        axes.forEach((k, v) -> {
            ArrayNode arr = o.putArray(k);
            v.forEach(arr::add);
        });
        return o;
    }
}
