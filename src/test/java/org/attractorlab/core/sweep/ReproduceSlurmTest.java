package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attractorlab.core.reproduce.Report;
import org.attractorlab.core.reproduce.Reproduction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --backend slurm} at the tiny scale on the real single-node Slurm of {@link SlurmSweepTest} (its
 * cluster setup, started for this class): the CLI submits the experiment's sweep, waits for its runs and writes the
 * report. Runs where that test runs (under CI=true always; elsewhere when Slurm is installed and this is root).
 */
class ReproduceSlurmTest {
    private static SlurmSweepTest.Cluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = SlurmSweepTest.Cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aTinyReproductionOnSlurmTrainsEveryRunThroughAJobArrayAndWritesItsReport() throws Exception {
        Path dir = tmp.resolve("disentangle");
        SlurmSweepTest.Out out = cluster.cli("reproduce", "disentangle", "--scale", "tiny", "--backend", "slurm",
                "--out", dir.toString());
        Path sweepDir = Reproduction.sweepsOf(dir).get("evidence");
        if (sweepDir != null) {
            SlurmBackend.jobs(SweepDirectory.open(sweepDir)).forEach(j -> cluster.jobs.add(j.id()));
        }
        assertEquals(0, out.code(), out.text());
        assertTrue(out.text().contains("sweep evidence: submitted job "), out.text());
        SweepDirectory sweep = SweepDirectory.open(sweepDir);
        assertEquals(1, SlurmBackend.jobs(sweep).size());
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            assertEquals(RunRecord.State.DONE, r.state(), p.name() + ": " + r.message());
        }
        assertTrue(Files.isRegularFile(dir.resolve("report.md")));
        Report report = Report.read(dir);
        assertFalse(report.claims().isEmpty());
        for (Report.Figure f : report.figures()) {
            assertTrue(Files.size(dir.resolve(f.png())) > 0 && Files.size(dir.resolve(f.pdf())) > 0, f.png());
        }
        assertTrue(Files.readString(dir.resolve("report.md")).contains("--backend slurm"));

        // again: every run is done, nothing is submitted, the report is written again
        SlurmSweepTest.Out again = cluster.cli("reproduce", "disentangle", "--scale", "tiny", "--backend", "slurm",
                "--out", dir.toString());
        assertEquals(0, again.code(), again.text());
        assertTrue(again.text().contains("sweep evidence: all 2 runs done before"), again.text());
        assertEquals(1, SlurmBackend.jobs(sweep).size());
    }
}
