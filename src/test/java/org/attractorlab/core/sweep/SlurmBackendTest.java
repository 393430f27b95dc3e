package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Slurm backend's script, chunking and its handling of sbatch being absent or refusing, without a cluster. */
class SlurmBackendTest {
    private static final List<String> LAUNCHER = List.of("/opt/attractor-lab/attractor-lab");

    @TempDir
    Path tmp;

    private SweepDirectory sweep(String name, int seeds) throws IOException {
        Path spec = tmp.resolve(name + ".json");
        Files.writeString(spec, "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [16, 32]}, "
                + "\"seeds\": " + seeds + ", \"set\": {\"training.steps\": 2, \"training.checkpoint_every\": 0}}");
        return SweepDirectory.prepare(tmp.resolve(name), SweepPlan.of(SweepSpec.read(spec)));
    }

    /** A backend whose PATH holds only {@code bin}. */
    private static SlurmBackend onPath(Path bin) {
        return new SlurmBackend(Map.of("PATH", bin.toString()), Duration.ofSeconds(20));
    }

    private static void markDone(SweepDirectory s, int index) throws IOException {
        SweepPoint p = s.plan().points().get(index);
        Files.createDirectories(s.runDir(p));
        new RunRecord(index, RunRecord.State.DONE, "", 0.1, "here", Map.of()).write(s.runDir(p));
    }

    private Path fakeTool(String name, String body) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin-" + name + "-" + System.nanoTime()));
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void arrayListsCompressConsecutiveIndicesIntoRanges() {
        assertEquals("0-3,7", SlurmBackend.compress(List.of(0, 1, 2, 3, 7)));
        assertEquals("1,3-4,9-10", SlurmBackend.compress(List.of(1, 3, 4, 9, 10)));
        assertEquals("5", SlurmBackend.compress(List.of(5)));
        assertEquals("", SlurmBackend.compress(List.of()));
        assertEquals(List.of(0, 1, 2, 3, 7), SlurmBackend.expand("0-3,7"));
        assertEquals(List.of(0, 2, 4), SlurmBackend.expand("0-4:2%1"));
    }

    @Test
    void oneTaskPerRunUpToArrayMaxAndChunksBeyondIt() {
        assertEquals(1, SlurmBackend.chunkFor(4, 4));
        assertEquals(2, SlurmBackend.chunkFor(5, 4));
        assertEquals(1, SlurmBackend.chunkFor(1000, 1000));
        assertEquals(2, SlurmBackend.chunkFor(1001, 1000));
        assertEquals(100, SlurmBackend.chunkFor(100_000, 1000));
        assertEquals(1, SlurmBackend.chunkFor(1, 1000));
    }

    @Test
    void theScriptAsksForEveryRunWithTheOptionsAndRunsSweepRunOnTheLauncher() throws IOException {
        SweepDirectory s = sweep("a", 2);
        SlurmBackend.Script script = onPath(tmp).writeScript(s, new SlurmBackend.Options("gpu", "1:30:00", "2G",
                1000, LAUNCHER));
        Path dir = s.dir().toAbsolutePath().normalize();
        assertEquals(dir.resolve("slurm").resolve("sweep.sbatch"), script.file());
        assertEquals(script.text(), Files.readString(script.file()));
        assertEquals(1, script.chunk());
        assertEquals("0-3", script.array());
        String text = script.text();
        assertTrue(text.startsWith("#!/bin/bash\n"), text);
        for (String line : List.of("#SBATCH --job-name=attractor-lab-a", "#SBATCH --array=0-3",
                "#SBATCH --partition=gpu", "#SBATCH --time=1:30:00", "#SBATCH --mem=2G", "#SBATCH --cpus-per-task=1",
                "#SBATCH --output=" + dir + "/slurm/%A_%a.out",
                "exec /opt/attractor-lab/attractor-lab sweep-run " + dir + " --index \"$SLURM_ARRAY_TASK_ID\" "
                        + "--chunk 1")) {
            assertTrue(text.contains("\n" + line + "\n"), () -> "no line " + line + " in\n" + text);
        }
        assertTrue(text.indexOf("#SBATCH --output") < text.indexOf("\nexec "), text);
    }

    @Test
    void withoutOptionsTheScriptLeavesPartitionTimeAndMemoryToTheCluster() throws IOException {
        SweepDirectory s = sweep("b", 1);
        String text = onPath(tmp).writeScript(s, SlurmBackend.Options.defaults(LAUNCHER)).text();
        assertFalse(text.contains("--partition"), text);
        assertFalse(text.contains("--time"), text);
        assertFalse(text.contains("--mem"), text);
        assertTrue(text.contains("#SBATCH --array=0-1\n"), text);
    }

    @Test
    void beyondArrayMaxEachTaskTrainsAChunkAndOnlyChunksWithRunsNotDoneAreAskedFor() throws IOException {
        SweepDirectory s = sweep("c", 3); // 6 runs
        SlurmBackend b = onPath(tmp);
        SlurmBackend.Script first = b.writeScript(s, new SlurmBackend.Options(null, null, null, 4, LAUNCHER));
        assertEquals(2, first.chunk());
        assertEquals("0-2", first.array());
        assertTrue(first.text().contains("--chunk 2\n"), first.text());
        markDone(s, 0);
        markDone(s, 1); // task 0 has nothing left
        markDone(s, 4); // task 2 still has run 5
        SlurmBackend.Script again = b.writeScript(s, SlurmBackend.Options.defaults(LAUNCHER));
        assertEquals(2, again.chunk(), "the chunk is kept from the first script");
        assertEquals("1-2", again.array());
        assertTrue(again.text().contains("#SBATCH --array=1-2\n"), again.text());
        SweepException e = assertThrows(SweepException.class,
                () -> b.writeScript(s, new SlurmBackend.Options(null, null, null, 2, LAUNCHER)));
        assertTrue(e.getMessage().contains("--array-max 3"), e.getMessage());
    }

    @Test
    void aGappedArrayListsOnlyTheTasksWithRunsNotDone() throws IOException {
        SweepDirectory s = sweep("d", 4); // 8 runs, one per task
        for (int i : new int[]{4, 5, 6}) {
            markDone(s, i);
        }
        assertEquals("0-3,7", onPath(tmp).writeScript(s, SlurmBackend.Options.defaults(LAUNCHER)).array());
    }

    @Test
    void optionsNameTheValueTheyRefuse() {
        SweepException t = assertThrows(SweepException.class,
                () -> new SlurmBackend.Options(null, "ten minutes", null, 10, LAUNCHER));
        assertTrue(t.getMessage().contains("ten minutes") && t.getMessage().startsWith("time = "),
                t.getMessage());
        assertThrows(SweepException.class, () -> new SlurmBackend.Options(null, null, "2 GB", 10, LAUNCHER));
        assertThrows(SweepException.class, () -> new SlurmBackend.Options("a b", null, null, 10, LAUNCHER));
        SweepException a = assertThrows(SweepException.class,
                () -> new SlurmBackend.Options(null, null, null, 0, LAUNCHER));
        assertTrue(a.getMessage().contains("array-max = 0"), a.getMessage());
    }

    @Test
    void theLauncherIsTheEnvironmentsOrThisJvmWithTheLaunchersOptions() {
        assertEquals(List.of("/x/attractor-lab"),
                SlurmBackend.launcher(Map.of("ATTRACTOR_LAB_LAUNCHER", "/x/./attractor-lab")));
        List<String> jvm = SlurmBackend.launcher(Map.of());
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), jvm.get(0));
        assertEquals(SlurmBackend.JVM_OPTIONS, jvm.subList(1, 1 + SlurmBackend.JVM_OPTIONS.size()));
        assertEquals("-cp", jvm.get(jvm.size() - 3));
        for (String e : jvm.get(jvm.size() - 2).split(java.io.File.pathSeparator)) {
            assertTrue(Path.of(e).isAbsolute(), e);
        }
        assertEquals("org.attractorlab.Launcher", jvm.get(jvm.size() - 1));
    }

    @Test
    void withoutSbatchOnPathTheMessageSaysSoAndNothingIsRecorded() throws IOException {
        SweepDirectory s = sweep("e", 1);
        Path empty = Files.createDirectories(tmp.resolve("empty-bin"));
        SweepException e = assertThrows(SweepException.class,
                () -> onPath(empty).submit(s, SlurmBackend.Options.defaults(LAUNCHER), false));
        assertTrue(e.getMessage().startsWith("sbatch is not on PATH: "), e.getMessage());
        assertTrue(e.getMessage().contains(empty.toString()), e.getMessage());
        assertFalse(Files.exists(s.dir().resolve("slurm").resolve("jobs.csv")));
        assertFalse(SlurmBackend.hasJobs(s));
        assertEquals(List.of(), SlurmBackend.jobs(s));
    }

    @Test
    void sbatchRefusingTheJobGivesItsMessageAndExitCodeAndNothingIsRecorded() throws IOException {
        SweepDirectory s = sweep("f", 1);
        Path bin = fakeTool("sbatch", "echo 'sbatch: error: invalid partition specified: nope' >&2\nexit 1");
        SweepException e = assertThrows(SweepException.class,
                () -> onPath(bin).submit(s, new SlurmBackend.Options("nope", null, null, 10, LAUNCHER), false));
        assertTrue(e.getMessage().contains("sbatch refused the job (exit code 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid partition specified: nope"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was submitted"), e.getMessage());
        assertFalse(Files.exists(s.dir().resolve("slurm").resolve("jobs.csv")));
    }

    @Test
    void aDryRunWritesTheScriptAndRunsNothing() throws IOException {
        SweepDirectory s = sweep("g", 1);
        Path marker = tmp.resolve("sbatch-ran");
        Path bin = fakeTool("sbatch", "touch " + marker + "\necho 7");
        SlurmBackend.Submission sub = onPath(bin).submit(s, SlurmBackend.Options.defaults(LAUNCHER), true);
        assertNull(sub.jobId());
        assertEquals(List.of("sbatch", "--parsable", sub.script().file().toString()), sub.command());
        assertTrue(Files.isRegularFile(sub.script().file()));
        assertFalse(Files.exists(marker));
        assertFalse(SlurmBackend.hasJobs(s));
    }

    @Test
    void anAcceptedJobIsRecordedWithItsArrayAndChunk() throws IOException {
        SweepDirectory s = sweep("h", 2);
        markDone(s, 1);
        Path bin = fakeTool("sbatch", "echo '4242;cluster'");
        SlurmBackend.Submission sub = onPath(bin).submit(s, SlurmBackend.Options.defaults(LAUNCHER), false);
        assertEquals("4242", sub.jobId());
        List<SlurmBackend.Job> jobs = SlurmBackend.jobs(s);
        assertEquals(1, jobs.size());
        assertEquals("4242", jobs.get(0).id());
        assertEquals("0,2-3", jobs.get(0).array());
        assertEquals(1, jobs.get(0).chunk());
        SlurmBackend.Status st = onPath(bin).status(s);
        assertTrue(st.notes().stream().anyMatch(n -> n.startsWith("sacct is not on PATH")), st.notes().toString());
        assertTrue(st.notes().stream().anyMatch(n -> n.startsWith("squeue is not on PATH")), st.notes().toString());
        assertEquals("job 4242 (array 0,2-3, 1 run per task, submitted " + jobs.get(0).submittedAt()
                + "): 3 not queued", SlurmBackend.describe(jobs.get(0), st.states().get("4242")));
    }

    @Test
    void aSweepDirectoryWhosePathTheScriptCannotCarryIsRefused() throws IOException {
        Path spec = tmp.resolve("s.json");
        Files.writeString(spec, "{\"base\": \"flipflop-3bit\", \"set\": {\"training.steps\": 2}}");
        SweepDirectory s = SweepDirectory.prepare(tmp.resolve("with space"), SweepPlan.of(SweepSpec.read(spec)));
        SweepException e = assertThrows(SweepException.class,
                () -> onPath(tmp).writeScript(s, SlurmBackend.Options.defaults(LAUNCHER)));
        assertTrue(e.getMessage().contains("no spaces"), e.getMessage());
    }
}
