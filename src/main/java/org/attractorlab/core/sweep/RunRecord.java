package org.attractorlab.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.BoundedFiles;

/**
 * How one run of a sweep ended: {@code sweep-run.json} in its run directory, written atomically after
 * everything else, so its presence means the run's other files are complete. A run directory without it is
 * unfinished (killed, cancelled, or still running on a cluster node) and is trained again by the next sweep.
 *
 * @param index   the run's index in the sweep
 * @param state   done or failed
 * @param message why it failed, or notes on analyses that gave nothing; empty otherwise
 * @param seconds wall time of training and analyses
 * @param host    where it ran
 * @param summary the scalar summaries ({@link RunSummary})
 */
public record RunRecord(int index, State state, String message, double seconds, String host,
                        Map<String, Double> summary) {
    /** The file name. */
    public static final String FILE = "sweep-run.json";

    /** How a run ended. */
    public enum State {
        DONE, FAILED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RunRecord {
        summary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** Writes the record into a run directory, atomically. */
    public void write(Path runDir) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("format", 1);
        o.put("index", index);
        o.put("state", state.key());
        o.put("message", message);
        o.put("seconds", seconds);
        o.put("host", host);
        ObjectNode s = o.putObject("summary");
        summary.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                s.put(k, v);
            } else {
                s.putNull(k);
            }
        });
        AtomicFiles.writeString(runDir.resolve(FILE), RecordTrees.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(o) + "\n");
    }

    /**
     * The record of a run directory, or null when it has none (the run is unfinished or was never started).
     *
     * @throws IOException naming the file when it exists but cannot be read as a record
     */
    public static RunRecord read(Path runDir) throws IOException {
        Path f = runDir.resolve(FILE);
        byte[] bytes;
        try {
            bytes = BoundedFiles.read(f, BoundedFiles.CONFIG_LIMIT, "a run record");
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            JsonNode o = RecordTrees.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
            State st = State.valueOf(o.get("state").asText().toUpperCase(java.util.Locale.ROOT));
            Map<String, Double> summary = new LinkedHashMap<>();
            JsonNode s = o.get("summary");
            if (s != null) {
                s.fields().forEachRemaining(e -> summary.put(e.getKey(), e.getValue().isNull() ? Double.NaN
                        : e.getValue().asDouble()));
            }
            return new RunRecord(o.get("index").asInt(), st, text(o, "message"), o.path("seconds").asDouble(Double.NaN),
                    text(o, "host"), summary);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IOException(f + ": not a run record (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? "" : n.asText();
    }

    /** The summary's column names in their order. */
    public List<String> columns() {
        return new ArrayList<>(summary.keySet());
    }
}
