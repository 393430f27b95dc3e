package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.attractorlab.core.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Python clients of what the CLI writes: Debian's NumPy loads every .npy/.npz of a run and its analysis, and
 * the README's PyTorch example reproduces our hidden states and outputs. The interpreter is $PYTHON, python3 or
 * /usr/bin/python3, whichever first has the modules; without one the test is skipped, except under CI=true, where
 * it fails (.ci/run installs python3-numpy and python3-torch).
 */
class PythonClientTest {
    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @TempDir
    Path tmp;

    /** A Python that imports {@code modules}, or null (skipped; a failure under CI). */
    static String python(String modules) throws Exception {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("PYTHON");
        if (env != null && !env.isBlank()) {
            candidates.add(env);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String p : candidates) {
            try {
                Process proc = new ProcessBuilder(p, "-c", "import " + modules).redirectErrorStream(true).start();
                proc.getInputStream().readAllBytes();
                if (proc.waitFor(300, TimeUnit.SECONDS) && proc.exitValue() == 0) {
                    return p;
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        String why = "no Python among " + candidates + " imports " + modules;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run the Python client tests, but " + why
                    + " (.ci/run installs Debian's python3-numpy and python3-torch)");
        }
        assumeTrue(false, why);
        return null;
    }

    static String run(String python, String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, "-c", script));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("python-stderr", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish");
        }
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed (exit " + p.exitValue() + "):\n" + stderr + out);
        }
        return out;
    }

    private Path trainAndAnalyze(String name, String... settings) {
        Path dir = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "samples/flipflop-3bit.json", "--out", dir.toString(),
                "--quiet", "--set", "training.steps=40", "--set", "training.checkpoint_every=20",
                "--set", "model.hidden_size=16", "--set", "task.trial_steps=40"));
        for (String s : settings) {
            args.add("--set");
            args.add(s);
        }
        TrainCommandTest.Result r = TrainCommandTest.cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        TrainCommandTest.Result a = TrainCommandTest.cli("analyze", dir.toString(), "--trials", "32",
                "--fp-initial", "64", "--decode-stride", "10");
        assertEquals(0, a.code(), a.err());
        return dir;
    }

    /** The README's "Using the data in Python" block, exactly as the README shows it. */
    static String readmeSnippet() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Using the data in Python");
        assertTrue(section >= 0, "README has a 'Using the data in Python' section");
        Matcher m = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(section), "the section has a python block");
        return m.group(1);
    }

    @Test
    void theReadmeTorchExampleReproducesOurHiddenStatesAndOutputsForVanillaGruAndLstm() throws Exception {
        String python = python("numpy, torch");
        String snippet = readmeSnippet();
        Pattern errors = Pattern.compile("hidden states ([0-9.e+-]+), outputs ([0-9.e+-]+)");
        for (String cell : new String[] {"vanilla", "gru", "lstm"}) {
            Path dir = trainAndAnalyze(cell, "model.cell=" + cell);
            String out = run(python, snippet, dir.toString());
            Matcher m = errors.matcher(out);
            assertTrue(m.find(), cell + ": " + out);
            assertTrue(Double.parseDouble(m.group(1)) < 1e-4, cell + " hidden states: " + out);
            assertTrue(Double.parseDouble(m.group(2)) < 1e-4, cell + " outputs: " + out);
        }
    }

    @Test
    void numpyLoadsEveryArrayFileThatTrainAndAnalyzeWriteWithOurShapesAndValues() throws Exception {
        String python = python("numpy");
        Path dir = trainAndAnalyze("run");
        Map<String, NdArray> ours = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (rel.endsWith(".npy")) {
                    ours.put(rel, Npy.read(f));
                } else if (rel.endsWith(".npz")) {
                    Npz.read(f).forEach((k, v) -> ours.put(rel + ":" + k, v));
                }
            }
        }
        assertTrue(ours.keySet().stream().anyMatch(k -> k.startsWith("model.npz:weight_hh_l0")), ours.keySet().toString());
        assertTrue(ours.keySet().stream().anyMatch(k -> k.startsWith("checkpoints/")), ours.keySet().toString());
        assertTrue(ours.containsKey("analysis/hidden_states.npy") && ours.containsKey("analysis/rdm.npy"),
                ours.keySet().toString());

        String out = run(python, """
                import json, os, sys
                import numpy as np
                root = sys.argv[1]
                def describe(a):
                    flat = a.ravel()
                    return {"dtype": a.dtype.str, "shape": list(a.shape), "c": bool(a.flags.c_contiguous),
                            "head": [float(v) for v in flat[:3]], "sum": float(flat.astype(np.float64).sum())}
                res = {}
                for d, _, names in os.walk(root):
                    for n in sorted(names):
                        path = os.path.join(d, n)
                        rel = os.path.relpath(path, root).replace(os.sep, "/")
                        if n.endswith(".npy"):
                            res[rel] = describe(np.load(path))
                        elif n.endswith(".npz"):
                            with np.load(path) as z:
                                for k in z.keys():
                                    res[rel + ":" + k] = describe(z[k])
                print(json.dumps(res))
                """, dir.toString());
        JsonNode numpy = JSON.readTree(out);
        List<String> seen = new ArrayList<>();
        numpy.fieldNames().forEachRemaining(seen::add);
        assertEquals(new java.util.TreeSet<>(ours.keySet()), new java.util.TreeSet<>(seen),
                "NumPy finds the same arrays");
        for (Map.Entry<String, NdArray> e : ours.entrySet()) {
            JsonNode n = numpy.get(e.getKey());
            NdArray a = e.getValue();
            String what = e.getKey();
            assertEquals(a.dtype().descr(), n.get("dtype").asText(), what);
            assertEquals(JSON.valueToTree(a.shape()), n.get("shape"), what);
            assertTrue(n.get("c").asBoolean(), what + " is C order");
            double[] v = a.toDoubles();
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                sum += v[i];
                if (i < 3) {
                    assertEquals(v[i], n.get("head").get(i).asDouble(), what + "[" + i + "]");
                }
            }
            assertEquals(sum, n.get("sum").asDouble(), 1e-9 * (1 + Math.abs(sum)) + 1e-6, what + " sum");
        }
    }
}
