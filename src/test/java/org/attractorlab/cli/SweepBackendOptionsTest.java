package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep's --backend and its options, without a cluster. */
class SweepBackendOptionsTest {
    @TempDir
    Path tmp;

    private Path spec() throws IOException {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, "{\"base\": \"flipflop-3bit\", \"seeds\": 3, \"set\": {\"training.steps\": 2}}");
        return spec;
    }

    @Test
    void slurmOptionsWithTheLocalBackendAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path out = tmp.resolve("sweep");
        TrainCommandTest.Result r = TrainCommandTest.cli("sweep", spec().toString(), "--out", out.toString(),
                "--partition", "short", "--dry-run");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--partition, --dry-run are options of the Slurm backend; add --backend slurm"),
                r.err());
        assertFalse(Files.exists(out));
        TrainCommandTest.Result w = TrainCommandTest.cli("sweep", spec().toString(), "--out", out.toString(),
                "--backend", "slurm", "--workers", "2");
        assertEquals(2, w.code(), w.err());
        assertTrue(w.err().contains("--workers is an option of the local backend"), w.err());
    }

    @Test
    void aDryRunWritesTheScriptAndPrintsTheSbatchCommand() throws IOException {
        Path out = tmp.resolve("dry");
        TrainCommandTest.Result r = TrainCommandTest.cli("sweep", spec().toString(), "--out", out.toString(),
                "--backend", "slurm", "--dry-run", "--array-max", "2", "--time", "10");
        assertEquals(0, r.code(), r.err());
        Path script = out.toAbsolutePath().resolve("slurm").resolve("sweep.sbatch");
        assertTrue(r.out().contains("Dry run: wrote " + script + " (array 0-1, 2 tasks)"), r.out());
        assertTrue(r.out().contains("sbatch --parsable " + script), r.out());
        String text = Files.readString(script);
        assertTrue(text.contains("#SBATCH --time=10\n") && text.contains("--chunk 2\n"), text);
        assertFalse(Files.exists(out.resolve("slurm").resolve("jobs.csv")));
        TrainCommandTest.Result bad = TrainCommandTest.cli("sweep", out.toString(), "--backend", "slurm",
                "--dry-run", "--time", "soon");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("time = soon is not allowed"), bad.err());
    }
}
