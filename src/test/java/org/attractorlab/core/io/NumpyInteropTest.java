package org.attractorlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.attractorlab.core.config.RecordTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written here load in NumPy and files NumPy writes load here. Skipped only when python3 (or $PYTHON) is not
 * installed or has no numpy module, and never under CI=true; any other failure of the interpreter fails the test.
 */
class NumpyInteropTest {

    private static final String PYTHON = System.getenv().getOrDefault("PYTHON", "python3");

    @TempDir
    Path dir;

    /** Null when numpy is usable, else why it is absent; computed once. */
    private static String numpyAbsence;
    private static boolean checked;

    @BeforeEach
    void requireNumpy() throws Exception {
        synchronized (NumpyInteropTest.class) {
            if (!checked) {
                numpyAbsence = numpyAbsence();
                checked = true;
            }
        }
        if (numpyAbsence != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run the NumPy interop test, but " + numpyAbsence
                    + " (.ci/run installs Debian's python3-numpy)");
        }
        assumeTrue(numpyAbsence == null, () -> numpyAbsence);
    }

    private static String numpyAbsence() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(PYTHON, "-c", "import numpy").redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            return PYTHON + " is not installed: " + notInstalled.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(PYTHON + " -c 'import numpy' did not finish");
        }
        if (p.exitValue() != 0) {
            if (out.contains("No module named 'numpy'")) {
                return "numpy is not installed for " + PYTHON;
            }
            throw new AssertionError(PYTHON + " -c 'import numpy' failed: " + out);
        }
        return null;
    }

    /** Runs a Python script with the temp dir as argv[1]; returns its standard output. */
    private String python(String script) throws Exception {
        Path err = dir.resolve("python-stderr.txt");
        Process p = new ProcessBuilder(PYTHON, "-c", script, dir.toString()).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed:\n" + Files.readString(err) + out);
        }
        return out;
    }

    @Test
    void numpyLoadsWhatWeWrite() throws Exception {
        Npy.write(dir.resolve("f4.npy"), NdArray.of(new int[] {2, 3}, new float[] {0, 0.5f, -1, 2, 1e-3f, 7}));
        Npy.write(dir.resolve("i8.npy"), NdArray.of(new int[0], new long[] {Long.MIN_VALUE}));
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        double[] cube = new double[24];
        for (int i = 0; i < cube.length; i++) {
            cube[i] = i / 8.0 - 1;
        }
        arrays.put("cube", NdArray.of(new int[] {2, 3, 4}, cube));
        arrays.put("ids", NdArray.vector(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}));
        arrays.put("empty", NdArray.of(new int[] {0, 3}, new float[0]));
        Npz.write(dir.resolve("stored.npz"), arrays, Npz.Compression.STORED);
        Npz.write(dir.resolve("deflated.npz"), arrays, Npz.Compression.DEFLATED);

        String out = python("""
                import json, sys, os
                import numpy as np
                d = sys.argv[1]
                def describe(a):
                    return {"dtype": a.dtype.str, "shape": list(a.shape), "c": bool(a.flags.c_contiguous),
                            "values": a.ravel().tolist()}
                res = {}
                res["f4"] = describe(np.load(os.path.join(d, "f4.npy")))
                res["i8"] = describe(np.load(os.path.join(d, "i8.npy")))
                for name in ["stored", "deflated"]:
                    with np.load(os.path.join(d, name + ".npz")) as z:
                        res[name] = {"keys": list(z.keys()), **{k: describe(z[k]) for k in z.keys()}}
                print(json.dumps(res))
                """);
        JsonNode r = RecordTrees.MAPPER.readTree(out);
        assertEquals("<f4", r.at("/f4/dtype").asText());
        assertEquals("[2,3]", r.at("/f4/shape").toString());
        assertEquals("[0.0,0.5,-1.0,2.0,0.0010000000474974513,7.0]", r.at("/f4/values").toString());
        assertEquals("<i8", r.at("/i8/dtype").asText());
        assertEquals("[]", r.at("/i8/shape").toString());
        assertEquals("[" + Long.MIN_VALUE + "]", r.at("/i8/values").toString());
        for (String name : new String[] {"stored", "deflated"}) {
            assertEquals("[\"cube\",\"ids\",\"empty\"]", r.at("/" + name + "/keys").toString());
            assertEquals("<f8", r.at("/" + name + "/cube/dtype").asText());
            assertEquals("[2,3,4]", r.at("/" + name + "/cube/shape").toString());
            for (int i = 0; i < cube.length; i++) {
                assertEquals(cube[i], r.at("/" + name + "/cube/values/" + i).asDouble());
            }
            assertEquals("<i4", r.at("/" + name + "/ids/dtype").asText());
            assertEquals("[" + Integer.MIN_VALUE + ",0," + Integer.MAX_VALUE + "]",
                    r.at("/" + name + "/ids/values").toString());
            assertEquals("[0,3]", r.at("/" + name + "/empty/shape").toString());
            assertEquals("<f4", r.at("/" + name + "/empty/dtype").asText());
        }
    }

    @Test
    void weLoadWhatNumpyWrites() throws Exception {
        python("""
                import sys, os
                import numpy as np
                d = sys.argv[1]
                x = np.arange(24, dtype="<f4").reshape(2, 3, 4) / 4
                np.save(os.path.join(d, "x.npy"), x)
                np.save(os.path.join(d, "s.npy"), np.float64(3.5))
                np.save(os.path.join(d, "t.npy"), np.arange(6, dtype="<i8").reshape(2, 3).T)   # Fortran order
                np.save(os.path.join(d, "b.npy"), np.array([1.5, -2.0], dtype=">f8"))        # big-endian
                np.savez(os.path.join(d, "p.npz"), x=x, n=np.array([1, 2, 3], dtype="<i4"))
                np.savez_compressed(os.path.join(d, "q.npz"), y=np.zeros((0, 5), dtype="<f8"), x=x)
                """);
        float[] x = new float[24];
        for (int i = 0; i < 24; i++) {
            x[i] = i / 4f;
        }
        NdArray expectedX = NdArray.of(new int[] {2, 3, 4}, x);
        assertEquals(expectedX, Npy.read(dir.resolve("x.npy")));
        NdArray s = Npy.read(dir.resolve("s.npy"));
        assertEquals(NdArray.scalar(3.5), s);
        NdArray t = Npy.read(dir.resolve("t.npy"));
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, t.longs());
        assertArrayEquals(new double[] {1.5, -2.0}, Npy.read(dir.resolve("b.npy")).doubles());
        Map<String, NdArray> p = Npz.read(dir.resolve("p.npz"));
        assertEquals(expectedX, p.get("x"));
        assertEquals(NdArray.vector(new int[] {1, 2, 3}), p.get("n"));
        Map<String, NdArray> q = Npz.read(dir.resolve("q.npz"));
        assertEquals(NdArray.of(new int[] {0, 5}, new double[0]), q.get("y"));
        assertEquals(expectedX, q.get("x"));
    }
}
