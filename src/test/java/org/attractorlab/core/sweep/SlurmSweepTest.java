package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Slurm: a single-node cluster (munged, slurmctld, slurmd from Debian's slurm-wlm and munge, with a
 * slurm.conf in a temporary directory) started for this class and stopped after it. The CLI submits a 4-run sweep
 * with {@code --backend slurm}; every run must equal the same run trained locally, array for array, to the bit.
 * Under CI=true
 * it always runs (installing slurm-wlm and munge with apt-get when they are missing); elsewhere it is skipped when
 * Slurm is not installed or this is not root.
 */
class SlurmSweepTest {
    private static final long WAIT_MILLIS = 5 * 60 * 1000;
    private static final String SPEC = "{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [16, 32]}, "
            + "\"seeds\": 2, \"set\": {\"training.steps\": 60, \"training.checkpoint_every\": 0, "
            + "\"task.trial_steps\": 50}}";
    private static final List<String> TOOLS = List.of("sbatch", "squeue", "sinfo", "scancel", "slurmctld", "slurmd",
            "munged", "munge", "unmunge");
    private static final boolean CI = "true".equals(System.getenv("CI"));

    private static Cluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = Cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSweepSubmittedToSlurmTrainsEveryRunBitIdenticalToTheLocalSweepAndResubmitsOnlyWhatIsNotDone()
            throws Exception {
        Path spec = tmp.resolve("spec.json");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve("on-slurm");

        Out submitted = cluster.cli("sweep", spec.toString(), "--out", dir.toString(), "--backend", "slurm");
        assertEquals(0, submitted.code(), submitted.text());
        Matcher m = Pattern.compile("Submitted job (\\d+): array 0-3 \\(4 tasks\\)").matcher(submitted.text());
        assertTrue(m.find(), submitted.text());
        cluster.jobs.add(m.group(1));
        awaitRecords(dir, 4);

        SweepDirectory slurm = SweepDirectory.open(dir);
        for (SweepPoint p : slurm.plan().points()) {
            RunRecord r = slurm.record(p);
            assertEquals(RunRecord.State.DONE, r.state(), p.name() + ": " + r.message());
        }
        Out status = cluster.cli("sweep", "status", dir.toString());
        assertEquals(0, status.code(), status.text());
        assertTrue(status.text().contains("4 runs: 4 done"), status.text());
        assertTrue(status.text().contains("Slurm:\n  job " + m.group(1) + " (array 0-3, 1 run per task"),
                status.text());

        // the same sweep on this machine, in this JVM: the same weights. Not always bit for bit: a JVM whose
        // Vector API kernels are not compiled yet computes tanh, exp and lane sums by the scalar fallback, which
        // differs from the compiled kernels in the last bit, so a run's first steps depend on how warm its JVM is.
        SweepDirectory local = SweepDirectory.prepare(tmp.resolve("local"), SweepPlan.of(SweepSpec.read(spec)));
        try (AutoCloseable lock = local.lock()) {
            LocalSweep.Outcome o = LocalSweep.run(local, 2, p -> { }, new AtomicBoolean());
            assertEquals(4, o.progress().done(), o.failedRuns().toString());
        }
        List<SweepPoint> points = slurm.plan().points();
        for (SweepPoint p : points) {
            Map<String, NdArray> a = Npz.read(slurm.runDir(p).resolve("model.npz"));
            Map<String, NdArray> b = Npz.read(local.runDir(p).resolve("model.npz"));
            assertEquals(b.keySet(), a.keySet(), p.name());
            for (String k : b.keySet()) {
                assertEquals(b.get(k).dtype(), a.get(k).dtype(), p.name() + " " + k);
                assertArrayEquals(b.get(k).shape(), a.get(k).shape(), p.name() + " " + k);
                assertArrayEquals(b.get(k).floats(), a.get(k).floats(), p.name() + " " + k + ": bit-identical");
            }
        }

        // nothing left: nothing submitted
        Out again = cluster.cli("sweep", dir.toString(), "--backend", "slurm");
        assertEquals(0, again.code(), again.text());
        assertTrue(again.text().contains("Every run is done: nothing to submit."), again.text());
        assertEquals(1, SlurmBackend.jobs(slurm).size());

        // a run whose record is gone (unfinished) is the only one submitted again
        SweepPoint third = slurm.plan().points().get(2);
        Files.delete(slurm.runDir(third).resolve(RunRecord.FILE));
        Out resubmitted = cluster.cli("sweep", dir.toString(), "--backend", "slurm");
        assertEquals(0, resubmitted.code(), resubmitted.text());
        Matcher m2 = Pattern.compile("Submitted job (\\d+): array 2 \\(1 task\\)").matcher(resubmitted.text());
        assertTrue(m2.find(), resubmitted.text());
        cluster.jobs.add(m2.group(1));
        awaitRecords(dir, 4);
        assertEquals(RunRecord.State.DONE, slurm.record(third).state());
        List<SlurmBackend.Job> jobs = SlurmBackend.jobs(slurm);
        assertEquals(List.of(m.group(1), m2.group(1)), jobs.stream().map(SlurmBackend.Job::id).toList());
        assertEquals("2", jobs.get(1).array());
    }

    /** Polls the run records until {@code n} runs have ended, up to {@link #WAIT_MILLIS}. */
    private static void awaitRecords(Path dir, int n) throws Exception {
        SweepDirectory s = SweepDirectory.open(dir);
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            Map<SweepDirectory.RunState, Integer> c = s.counts();
            int ended = c.getOrDefault(SweepDirectory.RunState.DONE, 0)
                    + c.getOrDefault(SweepDirectory.RunState.FAILED, 0);
            if (ended >= n) {
                return;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("after " + WAIT_MILLIS / 1000 + " s only " + ended + " of " + n + " runs "
                        + "ended (" + c + ")\nsqueue: " + cluster.run(List.of("squeue", "-h", "-r")).text()
                        + "\ntask output:\n" + taskOutputs(dir) + "\nslurmctld:\n" + tail(cluster.ctldLog)
                        + "\nslurmd:\n" + tail(cluster.slurmdLog));
            }
            Thread.sleep(250);
        }
    }

    private static String taskOutputs(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir.resolve(SlurmBackend.DIR))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".out")).sorted().toList()) {
                sb.append("== ").append(f.getFileName()).append('\n').append(tail(f));
            }
        }
        return sb.toString();
    }

    private static String tail(Path f) {
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8);
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(" + f + ": " + e.getMessage() + ")";
        }
    }

    record Out(int code, String text) {
    }

    /** A single-node Slurm with its own conf, ports, state and logs; close stops the daemons it started. */
    static final class Cluster implements AutoCloseable {
        final Path home;
        final Path conf;
        final Path ctldLog;
        final Path slurmdLog;
        final Map<String, String> env;
        final List<String> jobs = new ArrayList<>();
        private final List<Process> started = new ArrayList<>();

        private Cluster(Path home) {
            this.home = home;
            this.conf = home.resolve("slurm.conf");
            this.ctldLog = home.resolve("slurmctld.log");
            this.slurmdLog = home.resolve("slurmd.log");
            Map<String, String> e = new HashMap<>(System.getenv());
            e.put("PATH", e.getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin");
            e.put("SLURM_CONF", conf.toString());
            e.remove(SlurmBackend.LAUNCHER_ENV);
            this.env = Map.copyOf(e);
        }

        static Cluster start() throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            Cluster c = new Cluster(Files.createTempDirectory("attractor-lab-slurm"));
            List<String> missing = c.missing();
            if (!missing.isEmpty()) {
                if (!CI) {
                    assumeTrue(false, "Slurm is not installed here (missing " + String.join(", ", missing)
                            + "): install Debian's slurm-wlm and munge, or run with CI=true as root, which installs "
                            + "them");
                }
                if (!root) {
                    throw new AssertionError("CI must run the Slurm test, but " + String.join(", ", missing)
                            + " are missing and only root can install slurm-wlm and munge");
                }
                c.install();
                missing = c.missing();
                assertTrue(missing.isEmpty(), "still missing after apt-get install: " + missing);
            }
            if (!root) {
                if (CI) {
                    throw new AssertionError("CI must run the Slurm test, which starts slurmd: run it as root");
                }
                assumeTrue(false, "slurmd of a test cluster must run as root; this is "
                        + System.getProperty("user.name"));
            }
            try {
                c.startDaemons();
            } catch (Throwable t) {
                c.close();
                throw t;
            }
            return c;
        }

        List<String> missing() {
            List<String> out = new ArrayList<>();
            for (String t : TOOLS) {
                if (new SlurmBackend(env, java.time.Duration.ofSeconds(5)).resolve(t) == null) {
                    out.add(t);
                }
            }
            return out;
        }

        void install() throws Exception {
            Out r = run(List.of("apt-get", "install", "-y", "-qq", "slurm-wlm", "munge"), 900);
            if (r.code() != 0) {
                run(List.of("apt-get", "update", "-qq"), 600);
                r = run(List.of("apt-get", "install", "-y", "-qq", "slurm-wlm", "munge"), 900);
            }
            assertEquals(0, r.code(), "apt-get install slurm-wlm munge failed:\n" + r.text());
        }

        void startDaemons() throws Exception {
            if (run(List.of("bash", "-c", "munge -n | unmunge")).code() != 0) {
                startMunge();
            }
            String host = run(List.of("hostname", "-s")).text().strip();
            Out probe = run(List.of("slurmd", "-C"));
            Matcher cpus = Pattern.compile("CPUs=(\\d+)").matcher(probe.text());
            int n = cpus.find() ? Integer.parseInt(cpus.group(1)) : Runtime.getRuntime().availableProcessors();
            Files.createDirectories(home.resolve("state"));
            Files.createDirectories(home.resolve("spool"));
            Files.writeString(conf, String.join("\n",
                    "ClusterName=attractorlab",
                    "SlurmctldHost=" + host,
                    "SlurmctldPort=" + freePort(),
                    "SlurmdPort=" + freePort(),
                    "SlurmUser=root",
                    "AuthType=auth/munge",
                    "StateSaveLocation=" + home.resolve("state"),
                    "SlurmdSpoolDir=" + home.resolve("spool"),
                    "SlurmctldPidFile=" + home.resolve("slurmctld.pid"),
                    "SlurmdPidFile=" + home.resolve("slurmd.pid"),
                    "ProctrackType=proctrack/linuxproc",
                    "TaskPlugin=task/none",
                    "JobAcctGatherType=jobacct_gather/none",
                    "AccountingStorageType=accounting_storage/none",
                    "JobCompType=jobcomp/none",
                    "SelectType=select/cons_tres",
                    "SelectTypeParameters=CR_Core",
                    "MpiDefault=none",
                    "ReturnToService=2",
                    "NodeName=" + host + " CPUs=" + n + " State=UNKNOWN",
                    "PartitionName=test Nodes=" + host + " Default=YES MaxTime=INFINITE State=UP", ""));
            started.add(daemon(List.of("slurmctld", "-D", "-f", conf.toString()), ctldLog));
            started.add(daemon(List.of("slurmd", "-D", "-f", conf.toString()), slurmdLog));
            long end = System.currentTimeMillis() + 60_000;
            String state = "";
            while (System.currentTimeMillis() < end) {
                for (Process p : started) {
                    if (!p.isAlive()) {
                        throw new AssertionError("a Slurm daemon ended at start (exit " + p.exitValue() + ")\n"
                                + "slurmctld:\n" + tail(ctldLog) + "\nslurmd:\n" + tail(slurmdLog));
                    }
                }
                state = run(List.of("sinfo", "-h", "-N", "-o", "%T")).text().strip();
                if (state.equals("idle")) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the node is not idle after 60 s (sinfo: " + state + ")\nslurmctld:\n"
                    + tail(ctldLog) + "\nslurmd:\n" + tail(slurmdLog));
        }

        private void startMunge() throws Exception {
            Path key = Path.of("/etc/munge/munge.key");
            if (!Files.exists(key)) {
                Out k = run(List.of("mungekey", "--create", "--keyfile", key.toString()));
                if (k.code() != 0) {
                    assertEquals(0, run(List.of("dd", "if=/dev/urandom", "of=" + key, "bs=1", "count=1024"))
                            .code());
                }
                assertEquals(0, run(List.of("chown", "munge:munge", key.toString())).code());
                assertEquals(0, run(List.of("chmod", "400", key.toString())).code());
            }
            for (String d : List.of("/run/munge", "/var/lib/munge", "/var/log/munge")) {
                Files.createDirectories(Path.of(d));
                assertEquals(0, run(List.of("chown", "munge:munge", d)).code(), d);
            }
            started.add(daemon(List.of("setpriv", "--reuid=munge", "--regid=munge", "--init-groups", "munged", "-F",
                    "--force"), home.resolve("munged.log")));
            long end = System.currentTimeMillis() + 20_000;
            while (run(List.of("bash", "-c", "munge -n | unmunge")).code() != 0) {
                if (System.currentTimeMillis() > end || !started.get(started.size() - 1).isAlive()) {
                    throw new AssertionError("munged did not start:\n" + tail(home.resolve("munged.log")));
                }
                Thread.sleep(100);
            }
        }

        private Process daemon(List<String> command, Path log) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            return pb.start();
        }

        private static int freePort() throws IOException {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            }
        }

        /** The CLI in a new JVM (as the array tasks run it), with this cluster's SLURM_CONF. */
        Out cli(String... args) throws Exception {
            List<String> cmd = new ArrayList<>(SlurmBackend.launcher(Map.of()));
            cmd.addAll(List.of(args));
            return run(cmd, 300);
        }

        Out run(List<String> command) throws Exception {
            return run(command, 60);
        }

        Out run(List<String> command, int seconds) throws Exception {
            Path out = Files.createTempFile(home, "cmd", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                return new Out(127, e.getMessage());
            }
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not end within " + seconds + " s:\n"
                        + tail(out));
            }
            String text = Files.readString(out);
            Files.delete(out);
            return new Out(p.exitValue(), text);
        }

        /** Cancels the jobs of the test, then stops the daemons it started (and anything they left), newest first. */
        @Override
        public void close() {
            if (!jobs.isEmpty()) {
                try {
                    run(List.of("scancel", String.join(",", jobs)), 30);
                } catch (Exception | AssertionError e) {
                    // the daemons are stopped below either way
                }
            }
            for (int i = started.size() - 1; i >= 0; i--) {
                Process p = started.get(i);
                List<ProcessHandle> children = p.descendants().toList();
                p.destroy();
                try {
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
                for (ProcessHandle h : children) {
                    h.destroy();
                }
                for (ProcessHandle h : children) {
                    try {
                        h.onExit().get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        h.destroyForcibly();
                    }
                }
            }
            started.clear();
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException e) {
                home.toFile().deleteOnExit();
            }
        }
    }
}
