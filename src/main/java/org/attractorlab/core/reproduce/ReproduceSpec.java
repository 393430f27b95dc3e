package org.attractorlab.core.reproduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.sweep.SweepException;
import org.attractorlab.core.sweep.SweepSpec;

/**
 * A named experiment that reproduces a paper's results, as shipped in {@code samples/reproduce/NAME.json}: one or
 * more sweep specs at full scale, and per scale the changes to them (as data) with the reductions each scale makes,
 * in words, for the report.
 *
 * <pre>
 * {"name": "flipflop", "description": "...", "paper": "Sussillo &amp; Barak 2013",
 *  "sweeps": {"flipflop": {SWEEP SPEC}},
 *  "scales": {"tiny":  {"sweeps": {"flipflop": {"seeds": 1, "set": {"training.steps": 40}}}, "reductions": ["..."]},
 *             "quick": {...}, "full": {"reductions": ["..."]}}}
 * </pre>
 *
 * A scale's change to a sweep replaces {@code seeds} and {@code analyses}, and merges {@code grid}, {@code zip} and
 * {@code set} key by key (a key set to null is removed; a zip left without keys is removed too).
 *
 * @param name        the experiment's name
 * @param description one line
 * @param paper       the paper reproduced
 * @param sweeps      sweep name to its spec at full scale (JSON), in file order
 * @param scales      per scale: sweep name to its changes, and the reductions in words
 */
public record ReproduceSpec(String name, String description, String paper, Map<String, ObjectNode> sweeps,
                            Map<Scale, ScaleSpec> scales) {
    /** The shipped experiments, in the order {@code reproduce --list} lists them. */
    public static final List<String> NAMES = List.of("flipflop", "disentangle", "nback", "degeneracy");
    private static final Set<String> FIELDS = Set.of("name", "description", "paper", "sweeps", "scales");

    /**
     * @param changes    sweep name to the fields it changes
     * @param reductions what the scale leaves out or makes smaller, against the paper, one sentence each
     */
    public record ScaleSpec(Map<String, ObjectNode> changes, List<String> reductions) {
        public ScaleSpec {
            changes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
            reductions = List.copyOf(reductions);
        }
    }

    public ReproduceSpec {
        sweeps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweeps));
        scales = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scales));
    }

    /** The shipped experiment {@code name}; an unknown name is refused with the list. */
    public static ReproduceSpec load(String name) {
        if (!NAMES.contains(name)) {
            throw new ReproduceException("no experiment '" + name + "'; the experiments are "
                    + String.join(", ", NAMES) + " (reproduce --list describes them)");
        }
        String resource = "/samples/reproduce/" + name + ".json";
        try (InputStream in = ReproduceSpec.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Parses an experiment's JSON. */
    public static ReproduceSpec parse(String json) {
        JsonNode root;
        try {
            root = RecordTrees.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ReproduceException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ReproduceException("an experiment is a JSON object with name, description, paper, sweeps and "
                    + "scales");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new ReproduceException("unknown field '" + f + "'; an experiment has " + FIELDS);
            }
        }
        String name = text(root, "name");
        Map<String, ObjectNode> sweeps = new LinkedHashMap<>();
        JsonNode s = root.get("sweeps");
        if (s == null || !s.isObject() || s.isEmpty()) {
            throw new ReproduceException(name + ": sweeps must be an object of at least one sweep spec");
        }
        s.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) {
                throw new ReproduceException(name + ": sweep '" + e.getKey() + "' is not a JSON object");
            }
            if (!e.getKey().matches("[a-z0-9-]+")) {
                throw new ReproduceException(name + ": sweep name '" + e.getKey() + "' is not allowed: use "
                        + "lower-case letters, digits and '-'");
            }
            sweeps.put(e.getKey(), (ObjectNode) e.getValue());
        });
        Map<Scale, ScaleSpec> scales = new LinkedHashMap<>();
        JsonNode sc = root.get("scales");
        for (Scale scale : Scale.values()) {
            JsonNode n = sc == null ? null : sc.get(scale.key());
            if (n == null) {
                throw new ReproduceException(name + ": scales has no '" + scale.key() + "'");
            }
            Map<String, ObjectNode> changes = new LinkedHashMap<>();
            JsonNode c = n.get("sweeps");
            if (c != null) {
                c.fields().forEachRemaining(e -> {
                    if (!sweeps.containsKey(e.getKey())) {
                        throw new ReproduceException(name + ": scale " + scale.key() + " changes sweep '"
                                + e.getKey() + "', which is not one of " + sweeps.keySet());
                    }
                    changes.put(e.getKey(), (ObjectNode) e.getValue());
                });
            }
            List<String> reductions = new ArrayList<>();
            JsonNode r = n.get("reductions");
            if (r != null) {
                r.forEach(x -> reductions.add(x.asText()));
            }
            scales.put(scale, new ScaleSpec(changes, reductions));
        }
        return new ReproduceSpec(name, text(root, "description"), text(root, "paper"), sweeps, scales);
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new ReproduceException("the experiment has no " + field + " (a non-empty string)");
        }
        return n.asText();
    }

    /** The sweep specs at {@code scale}, by sweep name, as JSON (before the sweep parser resolves their bases). */
    public Map<String, ObjectNode> sweepJson(Scale scale) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        ScaleSpec ss = scales.get(scale);
        for (var e : sweeps.entrySet()) {
            ObjectNode spec = e.getValue().deepCopy();
            ObjectNode change = ss.changes().get(e.getKey());
            if (change != null) {
                change.fields().forEachRemaining(f -> {
                    String field = f.getKey();
                    if (field.equals("grid") || field.equals("zip") || field.equals("set")) {
                        ObjectNode target = spec.has(field) ? (ObjectNode) spec.get(field) : spec.putObject(field);
                        f.getValue().fields().forEachRemaining(kv -> {
                            if (kv.getValue().isNull()) {
                                target.remove(kv.getKey());
                            } else {
                                target.set(kv.getKey(), kv.getValue());
                            }
                        });
                        if (field.equals("zip") && target.isEmpty()) {
                            spec.remove(field); // every zip list dropped: no zip at this scale
                        }
                    } else {
                        spec.set(field, f.getValue());
                    }
                });
            }
            out.put(e.getKey(), spec);
        }
        return out;
    }

    /** The sweep specs at {@code scale}, parsed and checked by the sweep parser (bases are sample names). */
    public Map<String, SweepSpec> sweepSpecs(Scale scale) {
        Map<String, SweepSpec> out = new LinkedHashMap<>();
        for (var e : sweepJson(scale).entrySet()) {
            try {
                out.put(e.getKey(), SweepSpec.parse(e.getValue().toString(), null));
            } catch (SweepException ex) {
                throw new ReproduceException(name + ", sweep " + e.getKey() + " at scale " + scale.key() + ": "
                        + ex.getMessage(), ex);
            }
        }
        return out;
    }
}
