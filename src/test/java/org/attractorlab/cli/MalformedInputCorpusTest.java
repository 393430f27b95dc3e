package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.attractorlab.core.config.ConfigKey;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.task.TaskRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of malformed experiment configs and sweep specs, each run through the CLI's entry point
 * ({@link Cli#run}) in this JVM: wrong types and out-of-range values for every key of every task, broken JSON,
 * oversized values and files, foreign encodings, deep nesting, and special files (a FIFO, a directory, /dev/zero,
 * a sparse file of 20 GB). Every case must end with exit code 2 and a short message that names the field (or the
 * file), no stack trace, and nothing written where the output would have gone.
 */
class MalformedInputCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest message a refusal may print; the longest legitimate one here is a few hundred characters. */
    private static final int MESSAGE_LIMIT = 2000;
    /** A value this long must never be repeated whole in a message. */
    private static final int LONG_VALUE = 5000;

    @TempDir
    Path tmp;

    /** One input: the command it is given to, its file and what the message must name. */
    record Case(String name, String command, Path file, String mustName) {
    }

    private final List<Case> cases = new ArrayList<>();
    private int files;

    @Test
    void everyMalformedConfigAndSweepSpecIsRefusedWithExitCode2AndAMessageNamingTheField() throws Exception {
        configCases();
        int configs = cases.size();
        specCases();
        specialFileCases();
        List<String> failures = new ArrayList<>();
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Path out = tmp.resolve("out").resolve(Integer.toString(i));
            Result r = TrainCommandTest.cli(c.command(), c.file().toString(), "--out", out.toString(), "--quiet");
            String problem = problem(c, r, out);
            if (problem != null) {
                failures.add(c.name() + " (" + c.command() + " " + c.file() + "): " + problem);
            }
        }
        double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("malformed input corpus: %d cases (%d configs, %d sweep specs and special files), %d refused "
                + "with exit code 2 and a message naming the field or file; %.1f s (%.1f s of CPU)%n", cases.size(),
                configs, cases.size() - configs, cases.size() - failures.size(), (System.nanoTime() - wall0) / 1e9, cpu);
        assertTrue(cases.size() >= 500, "only " + cases.size() + " cases");
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases not handled");
    }

    private static String problem(Case c, Result r, Path out) {
        String all = r.out() + r.err();
        if (all.contains("\tat ") || all.contains("Exception") || all.contains("Error:")) {
            return "stack trace or exception name: " + head(all);
        }
        if (r.code() != 2) {
            return "exit code " + r.code() + ": " + head(all);
        }
        if (!r.err().contains(c.mustName())) {
            return "the message does not name '" + c.mustName() + "': " + head(r.err());
        }
        if (r.err().length() > MESSAGE_LIMIT) {
            return "a message of " + r.err().length() + " characters: " + head(r.err());
        }
        if (r.err().contains("x".repeat(200)) || r.err().contains("0.5, ".repeat(100))) {
            return "the message repeats a long value: " + head(r.err());
        }
        if (Files.exists(out)) {
            return "it created " + out;
        }
        return null;
    }

    private static String head(String s) {
        s = s.strip();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    // ------------------------------------------------------------------------------------------- configs

    /** A small valid config of the task, so that a case differs from something trainable only by its fault. */
    private static ObjectNode base(String task) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("task").put("name", task);
        root.putObject("model").put("cell", "leaky").put("hidden_size", 8);
        root.putObject("training").put("batch_size", 4).put("steps", 5);
        root.put("seed", 1);
        return root;
    }

    /** The wrong values of each kind of key: each is refused whatever the key. */
    private static List<String> wrongValues(String type) {
        String longText = "\"" + "x".repeat(LONG_VALUE) + "\"";
        return switch (type) {
            case "integer" -> List.of("\"seven\"", "true", "[1]", "{\"a\": 1}", "1.5", "1e30",
                    "99999999999999999999999", "-99999999999999999999999", "null", longText);
            case "number" -> List.of("\"seven\"", "false", "[0.1]", "{}", "1e400", "-1e400", "null", longText);
            case "true | false" -> List.of("\"yes\"", "1", "[true]", "{}", "null", longText);
            case "list of number" -> List.of("\"0.1\"", "[\"a\"]", "[[0.1]]", "{}", "null", "[1e400]",
                    "[" + "0.5, ".repeat(1000) + "\"x\"]", longText);
            case "string" -> List.of("5", "[\"a\"]", "{}", "true");
            default -> List.of("5", "\"no-such-choice\"", "[\"a\"]", "{}", "null", "\"\"", longText); // a choice
        };
    }

    /** Out-of-range values that every task refuses, by key. */
    private static final Map<String, List<String>> OUT_OF_RANGE = Map.ofEntries(
            Map.entry("model.hidden_size", List.of("0", "-1", "8193", "100000000")),
            Map.entry("model.alpha", List.of("0", "-0.2", "1.5")),
            Map.entry("model.gain", List.of("0", "-1")),
            Map.entry("model.sigma_rec", List.of("-1")),
            Map.entry("model.sigma_in", List.of("-1")),
            Map.entry("model.excitatory_fraction", List.of("0", "1", "-0.5")),
            Map.entry("model.connectivity", List.of("0", "1.5")),
            Map.entry("model.rank", List.of("-1", "1000000")),
            Map.entry("training.batch_size", List.of("0", "-4", "65537", "10000000")),
            Map.entry("training.steps", List.of("-1")),
            Map.entry("training.learning_rate", List.of("0", "-0.1")),
            Map.entry("training.momentum", List.of("1", "-0.5")),
            Map.entry("training.beta1", List.of("1", "-0.1")),
            Map.entry("training.beta2", List.of("1", "1.5")),
            Map.entry("training.epsilon", List.of("0", "-1e-8")),
            Map.entry("training.l1_weight", List.of("-1")),
            Map.entry("training.l2_weight", List.of("-1")),
            Map.entry("training.l2_rate", List.of("-1")),
            Map.entry("training.clip_norm", List.of("-1")),
            Map.entry("training.lr_decay", List.of("0", "2")),
            Map.entry("training.lr_decay_steps", List.of("0", "-5")),
            Map.entry("training.target_loss", List.of("-1")),
            Map.entry("training.plateau_patience", List.of("-1")),
            Map.entry("training.plateau_min_delta", List.of("-1")),
            Map.entry("training.checkpoint_every", List.of("-1")),
            Map.entry("training.validation_every", List.of("-5")),
            Map.entry("training.threads", List.of("-1", "100000")),
            Map.entry("task.trial_steps", List.of("0", "-1", "1000000000")),
            Map.entry("task.dt_millis", List.of("0", "-10")),
            Map.entry("task.bits", List.of("0", "-3", "100000")),
            Map.entry("task.pulse_probability", List.of("-0.1", "1.5")),
            Map.entry("task.frequency_count", List.of("0", "-1")),
            Map.entry("task.max_frequency_hz", List.of("1000")),
            Map.entry("task.noise_std", List.of("-1")),
            Map.entry("task.coherences", List.of("[]")),
            Map.entry("task.stimulus_steps", List.of("0", "-1")),
            Map.entry("task.decision_steps", List.of("0", "-1")),
            Map.entry("task.fixation_steps", List.of("-1")),
            Map.entry("task.delay_steps", List.of("-1")),
            Map.entry("task.latent_dims", List.of("0", "-2")),
            Map.entry("task.task_count", List.of("0", "-1")),
            Map.entry("task.n_back", List.of("0", "4")),
            Map.entry("task.stimuli_per_trial", List.of("0", "-1")),
            Map.entry("task.match_rate", List.of("-0.5", "1.5")),
            Map.entry("task.arena_size", List.of("0", "-2")),
            Map.entry("task.place_grid", List.of("0", "-1")),
            Map.entry("task.place_sigma", List.of("0", "-1")));

    private void configCases() throws Exception {
        ConfigLoader loader = ConfigLoader.standard();
        for (TaskRegistry.Entry task : TaskRegistry.all()) {
            for (ConfigKey key : loader.keys(task.name())) {
                boolean shared = !key.key().startsWith("task.");
                if (shared && !task.name().equals("flipflop") || key.key().equals("task.name")) {
                    continue; // the model and training keys once, with the first task
                }
                for (String v : wrongValues(key.type())) {
                    config(task.name() + " " + key.key() + " = " + abbreviate(v), task.name(), key.key(), v);
                }
                for (String v : OUT_OF_RANGE.getOrDefault(key.key(), List.of())) {
                    config(task.name() + " " + key.key() + " = " + v + " (out of range)", task.name(), key.key(), v);
                }
            }
            config(task.name() + " unknown task key", task.name(), "task.no_such_key", "1");
        }
        config("unknown task", "flipflop", "task.name", "\"no-such-task\"");
        config("task name a number", "flipflop", "task.name", "3");
        config("unknown model key", "flipflop", "model.hidden_sise", "64");
        config("unknown training key", "flipflop", "training.step", "64");
        config("unknown top-level key", "flipflop", "sed", "1");
        configNaming("optimizer", "unknown section", "flipflop", "optimizer.lr", "1");
        config("section not an object", "flipflop", "model", "5");
        config("task section a list", "flipflop", "task", "[1, 2]");
        configNaming(FILE, "deeply nested value", "flipflop", "model.hidden_size",
                "[".repeat(100_000) + "]".repeat(100_000));
        configNaming(FILE, "nested object where a number goes", "flipflop", "training.steps",
                "{\"a\": ".repeat(2000) + "1" + "}".repeat(2000));
        configNaming(FILE, "a key of 100000 characters", "flipflop", "model." + "k".repeat(100_000), "1");
        configNaming("model.cell", "gru with dale", "flipflop", "model.cell", "\"gru\"", "model.dale", "true");
        config("low rank larger than the network", "flipflop", "model.rank", "9");
        config("sine min above max", "sine-wave", "task.min_frequency_hz", "4.0", "task.max_frequency_hz", "2.0");

        String valid = base("flipflop").toString();
        String path = "a config";
        raw("empty file", "", path);
        raw("only whitespace", " \n\t ", path);
        raw("top-level array", "[1, 2, 3]", "JSON object");
        raw("top-level string", "\"flipflop\"", "JSON object");
        raw("top-level number", "42", "JSON object");
        raw("null", "null", "JSON object");
        for (int cut : new int[]{1, 10, valid.length() / 2, valid.length() - 1}) {
            raw("truncated at " + cut, valid.substring(0, cut), path);
        }
        raw("trailing garbage", valid + " }", path);
        raw("two objects", valid + valid, path);
        raw("comment", "// a comment\n" + valid, path);
        raw("single quotes", valid.replace('"', '\''), path);
        raw("unquoted key", valid.replace("\"seed\"", "seed"), path);
        raw("trailing comma", valid.replace("}}", "},}").replace("\"seed\":1}", "\"seed\":1,}"), path);
        raw("NaN literal", valid.replace("\"seed\":1", "\"seed\":NaN"), path);
        raw("Infinity literal", valid.replace("\"seed\":1", "\"seed\":Infinity"), path);
        raw("duplicate key", valid.replace("\"seed\":1", "\"seed\":1,\"seed\":2"), "seed");
        raw("duplicate section", valid.replace("\"seed\":1", "\"model\":{},\"seed\":1"), "model");
        raw("a 100000-digit number", valid.replace("\"seed\":1", "\"seed\":" + "9".repeat(100_000)), path);
        raw("an exponent of 10^9", valid.replace("\"seed\":1", "\"seed\":1e1000000000"), "seed");
        raw("control character in a string", valid.replace("leaky", "lea\u0001ky"), path);
        raw("unterminated string", "{\"task\": {\"name\": \"flipflop", path);
        raw("deep nesting at the top", "[".repeat(200_000), path);
        raw("deep object nesting", "{\"a\":".repeat(200_000), path);
        raw("100000 unknown keys", "{\"model\": {" + String.join(",", java.util.stream.IntStream.range(0, 100_000)
                .mapToObj(i -> "\"k" + i + "\": " + i).toList()) + "}}", "model.k0");
        raw("a lone surrogate in a choice", valid.replace("leaky", "\\ud800"), "model.cell");
        bytes("UTF-16LE with BOM", withBom(valid, StandardCharsets.UTF_16LE, new byte[]{(byte) 0xff, (byte) 0xfe}),
                path);
        bytes("UTF-16BE with BOM", withBom(valid, StandardCharsets.UTF_16BE, new byte[]{(byte) 0xfe, (byte) 0xff}),
                path);
        bytes("UTF-16LE without BOM", valid.getBytes(StandardCharsets.UTF_16LE), path);
        bytes("UTF-32", valid.getBytes(Charset.forName("UTF-32")), path);
        bytes("UTF-8 BOM", withBom(valid, StandardCharsets.UTF_8, new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}),
                path);
        bytes("Latin-1 bytes", valid.replace("leaky", "leak\u00e9").getBytes(StandardCharsets.ISO_8859_1), path);
        bytes("invalid UTF-8 sequence", replace(valid, "leaky", new byte[]{'v', (byte) 0xc3, '(', 'a'}), path);
        bytes("overlong UTF-8", replace(valid, "leaky", new byte[]{(byte) 0xc0, (byte) 0xaf}), path);
        bytes("NUL bytes", replace(valid, "leaky", new byte[]{'v', 0, 0, 'a'}), path);
        bytes("random binary", seededBytes(4096, 1), path);
        bytes("a gzip header", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3}, path);
        bytes("a config of 17 MB", (valid + " ".repeat(17 << 20)).getBytes(StandardCharsets.US_ASCII), "at most");
        String bigList = "[" + "0.5, ".repeat(400_000) + "0.5]";
        raw("coherences of 400000 numbers", base("perceptual-decision").toString().replace("\"name\":"
                + "\"perceptual-decision\"", "\"name\":\"perceptual-decision\",\"coherences\":" + bigList.replace(
                "0.5]", "-0.5]")), "task.coherences");
    }

    /** What a message names when a fault stops the JSON parser before any field is known: the file. */
    private static final String FILE = "the file";

    private void config(String name, String task, String key, String value, String... more) throws Exception {
        configNaming(more.length > 0 ? more[0] : key, name, task, key, value, more);
    }

    private void configNaming(String mustName, String name, String task, String key, String value, String... more)
            throws Exception {
        ObjectNode root = base(task);
        put(root, key, value);
        for (int i = 0; i < more.length; i += 2) {
            put(root, more[i], more[i + 1]);
        }
        Path f = write(root.toString().getBytes(StandardCharsets.UTF_8));
        cases.add(new Case(name, "train", f, mustName.equals(FILE) ? f.toString() : mustName));
    }

    private static void put(ObjectNode root, String key, String value) throws Exception {
        String[] parts = key.split("\\.", 2);
        JsonNode v;
        try {
            v = JSON.readTree(value);
        } catch (Exception e) {
            v = null; // deeper than Jackson's own limit: spliced in as text below
        }
        if (v == null) {
            v = JSON.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(value));
        }
        if (parts.length == 1) {
            root.set(parts[0], v);
        } else {
            JsonNode section = root.get(parts[0]);
            ObjectNode s = section instanceof ObjectNode o ? o : root.putObject(parts[0]);
            s.set(parts[1], v);
        }
    }

    private void raw(String name, String text, String mustName) throws Exception {
        bytes(name, text.getBytes(StandardCharsets.UTF_8), mustName);
    }

    private void bytes(String name, byte[] content, String mustName) throws Exception {
        Path f = write(content);
        cases.add(new Case(name, "train", f, mustName.equals("a config") ? f.toString() : mustName));
    }

    private Path write(byte[] content) throws Exception {
        return Files.write(tmp.resolve("case-" + (files++) + ".json"), content);
    }

    // --------------------------------------------------------------------------------------- sweep specs

    private static final String GOOD_SET = "\"set\": {\"training.steps\": 5}";

    private void specCases() throws Exception {
        spec("unknown field", "{\"base\": \"flipflop-3bit\", \"grids\": {}}", "grids");
        spec("no base", "{\"grid\": {\"model.hidden_size\": [8]}}", "base");
        spec("base a number", "{\"base\": 5}", "base");
        spec("base a list", "{\"base\": [\"flipflop-3bit\"]}", "base");
        spec("base neither file nor sample", "{\"base\": \"no-such-sample\"}", "no-such-sample");
        spec("base of 5000 characters", "{\"base\": \"" + "x".repeat(LONG_VALUE) + "\"}", "base");
        spec("base /dev/zero", "{\"base\": \"/dev/zero\"}", "base");
        spec("base a directory", "{\"base\": \"" + tmp + "\"}", "base");
        spec("inline base with an unknown key", "{\"base\": {\"model\": {\"cel\": \"gru\"}}}", "model.cel");
        spec("inline base with a bad value", "{\"base\": {\"training\": {\"batch_size\": 0}}}", "batch_size");
        spec("grid not an object", "{\"base\": \"flipflop-3bit\", \"grid\": [8, 16]}", "grid");
        spec("grid axis not a list", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": 8}}",
                "model.hidden_size");
        spec("grid axis empty", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": []}}",
                "model.hidden_size");
        spec("grid axis unknown key", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.cel\": [\"gru\"]}}",
                "model.cel");
        spec("zip lengths differ", "{\"base\": \"flipflop-3bit\", \"zip\": {\"model.hidden_size\": [8, 16], "
                + "\"training.learning_rate\": [0.01]}}", "training.learning_rate");
        spec("seed as an axis", "{\"base\": \"flipflop-3bit\", \"grid\": {\"seed\": [1, 2]}}", "seed");
        spec("task.name as an axis", "{\"base\": \"flipflop-3bit\", \"grid\": {\"task.name\": [\"flipflop\"]}}",
                "task.name");
        spec("a key twice", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8]}, \"set\": "
                + "{\"model.hidden_size\": 16}}", "model.hidden_size");
        spec("set not an object", "{\"base\": \"flipflop-3bit\", \"set\": [1]}", "set");
        spec("analyses not a list", "{\"base\": \"flipflop-3bit\", \"analyses\": \"pca\"}", "analyses");
        spec("unknown analysis", "{\"base\": \"flipflop-3bit\", \"analyses\": [\"telepathy\"]}", "telepathy");
        spec("analysis a number", "{\"base\": \"flipflop-3bit\", \"analyses\": [3]}", "analyses");
        spec("more than 100000 runs", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": "
                + range(400) + ", \"training.batch_size\": " + range(400) + "}}", "100000");
        spec("a grid axis of a million values", "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": "
                + "[" + "8, ".repeat(999_999) + "0]}}", "model.hidden_size");
        for (String seeds : List.of("0", "-1", "10001", "1.5", "\"three\"", "[]", "[1, \"a\"]", "{}", "true",
                "1e30", "[1.5]")) {
            spec("seeds = " + seeds, "{\"base\": \"flipflop-3bit\", \"seeds\": " + seeds + "}", "seeds");
        }
        // every key's wrong values as a grid axis and as a set value
        ConfigLoader loader = ConfigLoader.standard();
        for (ConfigKey key : loader.keys("flipflop")) {
            if (key.key().equals("task.name") || key.key().equals("seed")) {
                continue;
            }
            for (String v : wrongValues(key.type())) {
                if (v.equals("null") || v.length() > LONG_VALUE + 2) {
                    continue;
                }
                String set = key.key().equals("training.steps") ? "" : "\"set\": {\"training.steps\": 5}, ";
                spec("grid " + key.key() + " = " + abbreviate(v), "{\"base\": \"flipflop-3bit\", " + set
                        + "\"grid\": {\"" + key.key() + "\": [" + v + "]}}", key.key());
            }
            for (String v : OUT_OF_RANGE.getOrDefault(key.key(), List.of())) {
                String others = (key.key().equals("training.steps") ? "" : "\"training.steps\": 5, ")
                        + (key.key().equals("model.cell") ? "" : "\"model.cell\": \"leaky\", ");
                spec("set " + key.key() + " = " + v, "{\"base\": \"flipflop-3bit\", \"set\": {" + others + "\""
                        + key.key() + "\": " + v + "}}", key.key());
            }
        }
        String valid = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 16]}, " + GOOD_SET + "}";
        spec("empty spec file", "", "sweep spec");
        spec("spec a list", "[" + valid + "]", "JSON object");
        for (int cut : new int[]{1, valid.length() / 2, valid.length() - 1}) {
            spec("spec truncated at " + cut, valid.substring(0, cut), "JSON");
        }
        spec("spec with trailing garbage", valid + "]", "JSON");
        spec("spec deep nesting", "{\"grid\": " + "[".repeat(200_000), "JSON");
        spec("spec duplicate field", valid.replace("\"grid\"", "\"seeds\": 2, \"seeds\""), "seeds");
        specBytes("spec in UTF-16 with BOM", withBom(valid, StandardCharsets.UTF_16LE,
                new byte[]{(byte) 0xff, (byte) 0xfe}), null);
        specBytes("spec with a UTF-8 BOM", withBom(valid, StandardCharsets.UTF_8,
                new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}), null);
        specBytes("spec with invalid UTF-8", replace(valid, "flipflop", new byte[]{'f', (byte) 0xff, 'p'}), null);
        specBytes("spec of 17 MB", (valid + " ".repeat(17 << 20)).getBytes(StandardCharsets.US_ASCII), "at most");
        specBytes("spec of random binary", seededBytes(4096, 2), null);
    }

    private static String range(int n) {
        return "[" + String.join(", ", java.util.stream.IntStream.rangeClosed(1, n).mapToObj(Integer::toString)
                .toList()) + "]";
    }

    private void spec(String name, String json, String mustName) throws Exception {
        specBytes(name, json.getBytes(StandardCharsets.UTF_8), mustName);
    }

    private void specBytes(String name, byte[] content, String mustName) throws Exception {
        Path f = Files.write(tmp.resolve("spec-" + (files++) + ".json"), content);
        cases.add(new Case("sweep spec: " + name, "sweep", f, mustName == null ? f.toString() : mustName));
    }

    // ------------------------------------------------------------------------------------- special files

    private void specialFileCases() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("a-directory.json"));
        Path fifo = tmp.resolve("fifo.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        Path sparse = tmp.resolve("sparse.json");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(20L << 30);
        }
        Path zero = Path.of("/dev/zero");
        Path link = Files.createSymbolicLink(tmp.resolve("link-to-zero.json"), zero);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling.json"), tmp.resolve("nowhere"));
        Path loop = tmp.resolve("loop.json");
        Files.createSymbolicLink(loop, loop);
        for (String command : List.of("train", "sweep")) {
            cases.add(new Case("a FIFO", command, fifo, fifo.toString()));
            cases.add(new Case("/dev/zero", command, zero, zero.toString()));
            cases.add(new Case("/dev/null", command, Path.of("/dev/null"), "/dev/null"));
            cases.add(new Case("a symbolic link to /dev/zero", command, link, link.toString()));
            cases.add(new Case("a sparse file of 20 GB", command, sparse, sparse.toString()));
            cases.add(new Case("a missing file", command, tmp.resolve("missing.json"), "missing.json"));
            cases.add(new Case("a dangling link", command, dangling, dangling.toString()));
            cases.add(new Case("a link to itself", command, loop, loop.toString()));
        }
        cases.add(new Case("a directory", "train", dir, dir.toString()));
        cases.add(new Case("a directory that is no sweep", "sweep", dir, dir.toString()));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static byte[] withBom(String text, Charset charset, byte[] bom) {
        byte[] body = text.getBytes(charset);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return all;
    }

    private static byte[] replace(String text, String what, byte[] with) {
        int at = text.indexOf(what);
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at + what.length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + with.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(with, 0, all, before.length, with.length);
        System.arraycopy(after, 0, all, before.length + with.length, after.length);
        return all;
    }

    private static byte[] seededBytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 20) + "...(" + v.length() + " characters)" : v;
    }
}
