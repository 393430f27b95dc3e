package org.attractorlab.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.BoundedFiles;

/**
 * What a run directory's {@code session.json} holds beside the run files: the pane layout (divider positions), the
 * step the history slider shows, the linked selection and every pane's settings. The file carries a format number
 * ({@link #FORMAT}); format 1 (the first app versions) held the layout only, and opens with defaults for the rest.
 *
 * <pre>
 * {
 *   "format": 2,
 *   "layout": [0.24, 0.58, 0.6, 0.5, 0.25, 0.5, 0.75],
 *   "history_step": -1,
 *   "selection": {"trials": [3, 7], "condition_column": "bit0", "condition_value": 1.0, "fixed_point": -1,
 *                 "time_step": 40, "color_by": "bit0"},
 *   "panes": {"rsa": {"distance": "euclidean", ...}, ...}
 * }
 * </pre>
 *
 * @param layout      divider positions in the app's fixed order (empty: the default layout)
 * @param historyStep training step the history shows, or -1 to follow the newest network
 * @param selection   the linked selection
 * @param panes       per pane, its settings as text (pane name to key to value), in a stable order
 */
public record SessionState(double[] layout, int historyStep, Selection selection,
                           Map<String, Map<String, String>> panes) {

    /** The format this version writes; it reads formats 1 to this. */
    public static final int FORMAT = 2;
    public static final String FILE = "session.json";

    /**
     * The linked selection.
     *
     * @param trials          selected trials, ascending (empty: none)
     * @param conditionColumn column of the selected condition value, or null
     * @param conditionValue  the selected condition value (ignored without a column)
     * @param fixedPoint      selected fixed point, or -1
     * @param timeStep        time step of the markers, or -1
     * @param colorBy         condition column that colours the panes, or null
     */
    public record Selection(List<Integer> trials, String conditionColumn, double conditionValue, int fixedPoint,
                            int timeStep, String colorBy) {
        public Selection {
            trials = List.copyOf(trials);
        }

        public static Selection none() {
            return new Selection(List.of(), null, Double.NaN, -1, -1, null);
        }
    }

    public SessionState {
        layout = layout.clone();
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        panes.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        panes = Collections.unmodifiableMap(copy);
    }

    /** A session with the default layout, following training, nothing selected and default settings. */
    public static SessionState defaults() {
        return new SessionState(new double[0], -1, Selection.none(), Map.of());
    }

    @Override
    public double[] layout() {
        return layout.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionState s && Arrays.equals(layout, s.layout) && historyStep == s.historyStep
                && selection.equals(s.selection) && panes.equals(s.panes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(layout) * 31 + selection.hashCode() * 17 + panes.hashCode() + historyStep;
    }

    @Override
    public String toString() {
        return "SessionState[layout=" + Arrays.toString(layout) + ", historyStep=" + historyStep + ", selection="
                + selection + ", panes=" + panes + "]";
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** The JSON text of session.json. */
    public String toJson() {
        ObjectNode root = RecordTrees.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode l = root.putArray("layout");
        for (double d : layout) {
            l.add(d);
        }
        root.put("history_step", historyStep);
        ObjectNode sel = root.putObject("selection");
        ArrayNode t = sel.putArray("trials");
        selection.trials().forEach(t::add);
        if (selection.conditionColumn() != null) {
            sel.put("condition_column", selection.conditionColumn());
            sel.put("condition_value", selection.conditionValue());
        }
        sel.put("fixed_point", selection.fixedPoint());
        sel.put("time_step", selection.timeStep());
        if (selection.colorBy() != null) {
            sel.put("color_by", selection.colorBy());
        }
        ObjectNode p = root.putObject("panes");
        panes.forEach((pane, settings) -> {
            ObjectNode o = p.putObject(pane);
            settings.forEach(o::put);
        });
        try {
            return RecordTrees.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write session state: " + e.getMessage(), e);
        }
    }

    /** Writes session.json atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads session.json.
     *
     * @throws SessionException naming the file: missing, not UTF-8, malformed or truncated JSON, no format number,
     *                          a format newer than {@link #FORMAT}, or a field of the wrong type
     */
    public static SessionState read(Path file) throws SessionException {
        String text;
        try {
            byte[] bytes = BoundedFiles.read(file, BoundedFiles.SESSION_LIMIT, "session.json");
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new SessionException(file, file + ": does not exist", e);
        } catch (CharacterCodingException e) {
            throw new SessionException(file, file + ": corrupt: not UTF-8 text", e);
        } catch (IOException e) {
            throw new SessionException(file, file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses the text of session.json; {@code file} names it in errors. */
    public static SessionState parse(String text, Path file) throws SessionException {
        JsonNode root;
        try {
            root = RecordTrees.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SessionException(file, file + ": corrupt or truncated JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new SessionException(file, file + ": corrupt: expected a JSON object, found "
                    + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().name().toLowerCase()));
        }
        JsonNode format = root.get("format");
        if (format == null || !format.canConvertToExactIntegral()) {
            throw new SessionException(file, file + ": has no format number (\"format\": 1 to " + FORMAT
                    + "), so the version that wrote it is unknown; delete " + FILE
                    + " to open the run with the default layout, selection and settings");
        }
        int version = format.asInt();
        if (version > FORMAT) {
            throw new SessionException(file, file + ": written by a newer Attractor Lab (session format " + version
                    + "; this version reads formats 1 to " + FORMAT + "). Open it with a newer version, or delete "
                    + FILE + " to open the run with the default layout, selection and settings");
        }
        if (version < 1) {
            throw new SessionException(file, file + ": session format " + version + " does not exist (formats are 1 to "
                    + FORMAT + ")");
        }
        double[] layout = readLayout(root.get("layout"), file);
        if (version == 1) {
            return new SessionState(layout, -1, Selection.none(), Map.of());
        }
        int historyStep = integer(root, "history_step", -1, file, "");
        Selection selection = readSelection(root.get("selection"), file);
        Map<String, Map<String, String>> panes = new LinkedHashMap<>();
        JsonNode p = root.get("panes");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new SessionException(file, file + ": \"panes\" must be an object of pane settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> pane = it.next();
                if (!pane.getValue().isObject()) {
                    throw new SessionException(file, file + ": \"panes." + pane.getKey() + "\" must be an object");
                }
                Map<String, String> settings = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> s = pane.getValue().fields(); s.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = s.next();
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        throw new SessionException(file, file + ": \"panes." + pane.getKey() + "." + e.getKey()
                                + "\" must be a text or number value");
                    }
                    settings.put(e.getKey(), e.getValue().asText());
                }
                panes.put(pane.getKey(), settings);
            }
        }
        return new SessionState(layout, historyStep, selection, panes);
    }

    private static double[] readLayout(JsonNode l, Path file) throws SessionException {
        if (l == null || l.isNull()) {
            return new double[0];
        }
        if (!l.isArray()) {
            throw new SessionException(file, file + ": \"layout\" must be an array of divider positions");
        }
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = l.get(i);
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
                throw new SessionException(file, file + ": \"layout[" + i + "]\" is " + v
                        + "; divider positions are numbers from 0 to 1");
            }
            out[i] = v.asDouble();
        }
        return out;
    }

    private static Selection readSelection(JsonNode s, Path file) throws SessionException {
        if (s == null || s.isNull()) {
            return Selection.none();
        }
        if (!s.isObject()) {
            throw new SessionException(file, file + ": \"selection\" must be an object");
        }
        List<Integer> trials = new ArrayList<>();
        JsonNode t = s.get("trials");
        if (t != null && !t.isNull()) {
            if (!t.isArray()) {
                throw new SessionException(file, file + ": \"selection.trials\" must be an array of trial numbers");
            }
            for (int i = 0; i < t.size(); i++) {
                if (!t.get(i).canConvertToExactIntegral() || t.get(i).asInt() < 0) {
                    throw new SessionException(file, file + ": \"selection.trials[" + i + "]\" is " + t.get(i)
                            + "; trials are numbered from 0");
                }
                trials.add(t.get(i).asInt());
            }
        }
        String column = text(s, "condition_column", file);
        double value = Double.NaN;
        if (column != null) {
            JsonNode v = s.get("condition_value");
            if (v == null || !v.isNumber()) {
                throw new SessionException(file, file + ": \"selection.condition_value\" must be a number when "
                        + "\"selection.condition_column\" is given");
            }
            value = v.asDouble();
        }
        return new Selection(trials, column, value, integer(s, "fixed_point", -1, file, "selection."),
                integer(s, "time_step", -1, file, "selection."), text(s, "color_by", file));
    }

    private static int integer(JsonNode o, String key, int fallback, Path file, String prefix)
            throws SessionException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToExactIntegral() || v.asLong() < -1 || v.asLong() > Integer.MAX_VALUE) {
            throw new SessionException(file, file + ": \"" + prefix + key + "\" is " + v + "; expected an integer >= -1");
        }
        return v.asInt();
    }

    private static String text(JsonNode o, String key, Path file) throws SessionException {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new SessionException(file, file + ": \"selection." + key + "\" must be text, found " + v);
        }
        return v.asText();
    }
}
