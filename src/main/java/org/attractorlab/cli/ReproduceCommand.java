package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.reproduce.Claim;
import org.attractorlab.core.reproduce.ReproduceException;
import org.attractorlab.core.reproduce.Reproduction;
import org.attractorlab.core.reproduce.Scale;
import org.attractorlab.core.sweep.SlurmBackend;
import org.attractorlab.core.sweep.SweepException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Reproduces a paper's results end to end: the experiment's sweeps, analyses, figures and DIR/report.md. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run a named experiment end to end: its sweeps (samples/reproduce/NAME.json, at --scale), "
                + "the analyses, the figures (PNG and PDF) and DIR/report.md: the paper's claims beside what came out "
                + "here, a table of the numbers, the configs and seeds, and the time it took. Running it again on "
                + "the same DIR resumes: done runs are kept. --list names the experiments."})
public final class ReproduceCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "flipflop, disentangle, nback or "
            + "degeneracy")
    String name;

    @Option(names = "--list", description = "list the experiments with a one-line description")
    boolean list;

    @Option(names = "--out", paramLabel = "DIR", description = "the reproduction's directory (new, empty, or the "
            + "same reproduction to resume)")
    Path out;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "quick", description = "tiny (a pipeline check in "
            + "seconds), quick (minutes on two cores) or full (as close to the paper as is sensible); default "
            + "${DEFAULT-VALUE}")
    String scale;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "local", description = "local (this machine) or "
            + "slurm (job arrays; DIR and the launcher on a filesystem every node sees); default ${DEFAULT-VALUE}")
    String backend;

    @Option(names = "--workers", paramLabel = "N", description = "local: runs trained at once, each on one core "
            + "(default: the cores)")
    Integer workers;

    @Option(names = "--partition", paramLabel = "P", description = "slurm: the partition")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "slurm: time limit per array task")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "slurm: memory per array task")
    String mem;

    @Option(names = "--no-wait", description = "slurm: submit and return; run the command again when the jobs have "
            + "ended to write the report")
    boolean noWait;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        if (list) {
            Reproduction.list().forEach((k, v) -> o.printf(Locale.ROOT, "%-12s %s%n", k, v));
            return 0;
        }
        if (name == null) {
            throw new Cli.UserError("give an experiment (" + String.join(", ",
                    org.attractorlab.core.reproduce.ReproduceSpec.NAMES) + ") and --out DIR; --list describes them");
        }
        if (out == null) {
            throw new Cli.UserError("--out DIR is required: the directory of the reproduction");
        }
        Reproduction.Backend b = switch (backend.trim().toLowerCase(Locale.ROOT)) {
            case "local" -> Reproduction.Backend.LOCAL;
            case "slurm" -> Reproduction.Backend.SLURM;
            default -> throw new Cli.UserError("--backend = '" + backend + "' is not allowed: use local or slurm");
        };
        boolean slurm = b == Reproduction.Backend.SLURM;
        if (!slurm && (partition != null || time != null || mem != null || noWait)) {
            throw new Cli.UserError("--partition, --time, --mem and --no-wait are options of --backend slurm");
        }
        if (slurm && workers != null) {
            throw new Cli.UserError("--workers is an option of the local backend; on Slurm every array task trains "
                    + "its runs on one core");
        }
        if (workers != null && workers < 1) {
            throw new Cli.UserError("--workers = " + workers + " must be at least 1");
        }
        Reproduction.Settings s;
        try {
            s = new Reproduction.Settings(name, out, Scale.parse(scale), b,
                    workers == null ? Runtime.getRuntime().availableProcessors() : workers,
                    slurm ? new SlurmBackend.Options(partition, time, mem, SlurmBackend.DEFAULT_ARRAY_MAX,
                            SlurmBackend.launcher(System.getenv())) : null, !noWait);
        } catch (ReproduceException | SweepException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        Reproduction.Result r;
        try (StopOnShutdown stop = new StopOnShutdown("attractor-lab-reproduce-stop")) {
            r = Reproduction.run(s, new ReportFigures(), line -> {
                o.println(line);
                o.flush();
            }, stop.requested());
        } catch (ReproduceException | SweepException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        if (r.report() == null) {
            o.println(r.summary());
            return 0;
        }
        for (Claim c : r.claims()) {
            o.println("  " + c.verdict().text() + ": " + c.statement());
        }
        o.println("Wrote " + r.report() + " and " + r.figures().size() + " figure files");
        o.println(r.summary());
        for (String f : r.failedRuns()) {
            spec.commandLine().getErr().println("not done: " + f);
        }
        return r.failedRuns().isEmpty() ? 0 : 1;
    }
}
