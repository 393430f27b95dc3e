package org.attractorlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SlurmBackend;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepSpec;
import org.attractorlab.core.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains a population of networks: every point of a sweep spec, resumably. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        subcommands = {SweepCommand.Status.class, SweepCommand.Collect.class},
        description = {"Train every run of a sweep spec (a base config and axes over config keys) into DIR: "
                + "sweep.json (the resolved spec), manifest.csv and runs/NNNN-<name>/ (ordinary run directories). "
                + "Running it again (with the spec, or with DIR alone) skips the runs that are done and trains the "
                + "unfinished and failed ones. Exit code 1 when a run failed.",
                "--backend slurm submits the runs as a Slurm job array instead (DIR/slurm/sweep.sbatch; DIR and the "
                + "launcher must be on a filesystem every node sees); running it again submits the tasks whose runs "
                + "are not done."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC|DIR", description = "a sweep spec (JSON), or a sweep directory to resume")
    Path input;

    @Option(names = "--out", paramLabel = "DIR", description = "the sweep directory (required with a SPEC)")
    Path out;

    @Option(names = "--workers", paramLabel = "N", description = "runs trained at once, each on one core (default: the cores)")
    Integer workers;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    /** Where the runs train. */
    enum Backend { local, slurm }

    @Option(names = "--backend", paramLabel = "B", description = "local (this machine, the default) or slurm (a job "
            + "array on a cluster)")
    Backend backend;

    @Option(names = "--partition", paramLabel = "P", description = "slurm: the partition (default: the cluster's)")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "slurm: time limit per array task, i.e. for its chunk of "
            + "runs (Slurm's format: 30, 2:00:00, 1-00:00:00)")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "slurm: memory per array task (e.g. 2G)")
    String mem;

    @Option(names = "--array-max", paramLabel = "K", description = "slurm: at most K array tasks (the cluster's "
            + "MaxArraySize or less, default " + SlurmBackend.DEFAULT_ARRAY_MAX + "); beyond K runs each task "
            + "trains ceil(runs / K)")
    Integer arrayMax;

    @Option(names = "--dry-run", description = "slurm: write the script and print the sbatch command, submit nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (input == null) {
            throw new Cli.UserError("give a sweep spec (with --out DIR) or a sweep directory to resume; see sweep --help");
        }
        boolean slurm = backend == Backend.slurm;
        if (!slurm) {
            List<String> given = new ArrayList<>();
            if (partition != null) {
                given.add("--partition");
            }
            if (time != null) {
                given.add("--time");
            }
            if (mem != null) {
                given.add("--mem");
            }
            if (arrayMax != null) {
                given.add("--array-max");
            }
            if (dryRun) {
                given.add("--dry-run");
            }
            if (!given.isEmpty()) {
                throw new Cli.UserError(String.join(", ", given) + (given.size() == 1 ? " is an option" : " are "
                        + "options") + " of the Slurm backend; add --backend slurm, or leave "
                        + (given.size() == 1 ? "it" : "them") + " out to train on this machine");
            }
        } else if (workers != null) {
            throw new Cli.UserError("--workers is an option of the local backend; with --backend slurm every array "
                    + "task trains its runs one after another on one core");
        }
        SlurmBackend.Options slurmOptions = slurm ? new SlurmBackend.Options(partition, time, mem,
                arrayMax == null ? SlurmBackend.DEFAULT_ARRAY_MAX : arrayMax,
                SlurmBackend.launcher(System.getenv())) : null;
        SweepDirectory sweep = open(input, out);
        if (slurm) {
            return submit(sweep, slurmOptions, o);
        }
        if (workers != null && workers < 1) {
            throw new Cli.UserError("--workers = " + workers + " must be at least 1");
        }
        int n = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        Map<SweepDirectory.RunState, Integer> counts = sweep.counts();
        int done = counts.getOrDefault(SweepDirectory.RunState.DONE, 0);
        o.printf(Locale.ROOT, "Sweep of %d runs in %s: %d done, %d to train, on %d worker%s%n", sweep.plan().size(),
                sweep.dir(), done, sweep.plan().size() - done, n, n == 1 ? "" : "s");
        o.flush();
        LocalSweep.Outcome outcome;
        try (StopOnShutdown stop = new StopOnShutdown("attractor-lab-sweep-stop"); AutoCloseable lock = sweep.lock();
             ProgressBar bar = progressBar(sweep.plan().size(), done)) {
            outcome = LocalSweep.run(sweep, n, p -> {
                if (bar != null) {
                    synchronized (bar) {
                        bar.stepTo(p.done() + p.failed());
                        bar.setExtraMessage(String.format(Locale.ROOT, " done %d, failed %d, running %d, %.0f runs/h",
                                p.done(), p.failed(), p.running(), p.runsPerHour()));
                    }
                }
            }, stop.requested());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        LocalSweep.Progress p = outcome.progress();
        o.printf(Locale.ROOT, "%s: %d of %d runs done, %d failed, %d trained here in %.1f s (%.0f runs/h)%n",
                outcome.cancelled() ? "Stopped" : "Finished", p.done(), p.total(), p.failed(), p.ranHere(),
                p.elapsed(), p.runsPerHour());
        for (String f : outcome.failedRuns()) {
            spec.commandLine().getErr().println("failed: " + f);
        }
        return p.failed() > 0 ? 1 : 0;
    }

    private int submit(SweepDirectory sweep, SlurmBackend.Options options, PrintWriter o) {
        Map<SweepDirectory.RunState, Integer> counts = sweep.counts();
        int done = counts.getOrDefault(SweepDirectory.RunState.DONE, 0);
        SlurmBackend.Submission s;
        try (AutoCloseable lock = sweep.lock()) {
            s = new SlurmBackend().submit(sweep, options, dryRun);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        SlurmBackend.Script script = s.script();
        int chunk = script.chunk();
        o.printf(Locale.ROOT, "Sweep of %d runs in %s: %d done, %d to train, on Slurm: %d run%s per array task%n",
                sweep.plan().size(), sweep.dir(), done, sweep.plan().size() - done, chunk, chunk == 1 ? "" : "s");
        if (!script.busy().isEmpty()) {
            o.printf(Locale.ROOT, "Left out %d task%s of earlier jobs still queued or running: %s%n",
                    script.busy().size(), script.busy().size() == 1 ? "" : "s",
                    SlurmBackend.compress(List.copyOf(script.busy())));
        }
        if (script.indices().isEmpty()) {
            o.println(script.busy().isEmpty() ? "Every run is done: nothing to submit."
                    : "Every run not done is in a task still queued or running: nothing to submit.");
            return 0;
        }
        String command = String.join(" ", s.command());
        if (s.jobId() == null) {
            o.printf(Locale.ROOT, "Dry run: wrote %s (array %s, %d task%s); submit it with:%n  %s%n", script.file(),
                    script.array(), script.indices().size(), script.indices().size() == 1 ? "" : "s", command);
        } else {
            o.printf(Locale.ROOT, "Submitted job %s: array %s (%d task%s) of %s. Follow it with: attractor-lab sweep "
                            + "status %s%n", s.jobId(), script.array(), script.indices().size(),
                    script.indices().size() == 1 ? "" : "s", script.file(), sweep.dir());
        }
        return 0;
    }

    /** The sweep directory of a spec and --out, or of a directory to resume. */
    static SweepDirectory open(Path input, Path out) {
        if (SweepDirectory.isSweep(input)) {
            if (out != null && !out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
                throw new Cli.UserError(input + " is a sweep directory; resume it without --out, or give its spec");
            }
            return SweepDirectory.open(input);
        }
        if (java.nio.file.Files.isDirectory(input)) {
            throw new Cli.UserError(input + " is a directory but not a sweep directory (it has no "
                    + SweepDirectory.SPEC_FILE + ")");
        }
        if (out == null) {
            throw new Cli.UserError("--out DIR is required with a sweep spec");
        }
        SweepPlan plan = SweepPlan.of(SweepSpec.read(input));
        return SweepDirectory.prepare(out, plan);
    }

    private ProgressBar progressBar(int total, int done) {
        if (quiet) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total).startsFrom(done,
                        java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setUnit(" runs", 1)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
    }

    /** {@code sweep status DIR}: how many runs are in each state, and the failures. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Count the runs of a sweep directory by state (pending, unfinished, done, failed), list the "
                    + "failed runs with their messages, and rewrite manifest.csv. A sweep submitted to Slurm also "
                    + "shows its jobs' array tasks by Slurm state (from squeue and sacct, where they exist).")
    static final class Status implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory")
        Path dir;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            SweepDirectory sweep = SweepDirectory.open(dir);
            Map<SweepDirectory.RunState, Integer> counts = sweep.counts();
            List<String> parts = new ArrayList<>();
            for (SweepDirectory.RunState s : SweepDirectory.RunState.values()) {
                if (counts.containsKey(s)) {
                    parts.add(counts.get(s) + " " + s.key());
                }
            }
            o.printf(Locale.ROOT, "%s: %d runs: %s%n", dir, sweep.plan().size(), String.join(", ", parts));
            for (SweepPoint p : sweep.plan().points()) {
                RunRecord r = sweep.record(p);
                if (r != null && r.state() == RunRecord.State.FAILED) {
                    o.println("  failed " + p.name() + ": " + r.message());
                }
            }
            sweep.writeManifest(java.util.Set.of());
            if (SlurmBackend.hasJobs(sweep)) {
                SlurmBackend.Status st = new SlurmBackend().status(sweep);
                o.println("Slurm:");
                for (SlurmBackend.Job j : st.jobs()) {
                    o.println("  " + SlurmBackend.describe(j, st.states().get(j.id())));
                }
                st.notes().forEach(n -> o.println("  " + n));
            }
            return 0;
        }
    }

    /** {@code sweep collect DIR}: summary.csv, and averages over seeds with --group-by. */
    @Command(name = "collect", mixinStandardHelpOptions = true,
            description = {"Write DIR/summary.csv: one row per run with its axes, state, final training and validation "
                    + "loss and accuracy, steps, training time and the scalar summaries of the spec's analyses. "
                    + "With --group-by AXIS[,AXIS...] also summary_by_<axes>.csv: per group the mean, standard error "
                    + "and count of every column over the runs that are done (e.g. over seeds)."})
    static final class Collect implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory")
        Path dir;

        @Option(names = "--group-by", split = ",", paramLabel = "AXES", description = "average over the other axes")
        List<String> groupBy = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            long t0 = System.nanoTime();
            SweepDirectory sweep = SweepDirectory.open(dir);
            List<Path> files = SweepSummary.collect(sweep, groupBy);
            o.printf(Locale.ROOT, "Collected %d runs in %.1f s. Wrote:%n", sweep.plan().size(),
                    (System.nanoTime() - t0) / 1e9);
            files.forEach(f -> o.println("  " + f));
            return 0;
        }
    }
}
