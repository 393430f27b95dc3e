package org.attractorlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** One task of a sweep on a cluster: the runs of one chunk, those not done yet. */
@Command(name = "sweep-run", mixinStandardHelpOptions = true,
        description = {"Train the runs INDEX * CHUNK .. INDEX * CHUNK + CHUNK - 1 of the sweep in DIR that are not",
                "done: what each array task of a cluster job runs (sweep --backend slurm writes the script)."})
public final class SweepRunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a sweep directory")
    Path dir;

    @Option(names = "--index", required = true, paramLabel = "I", description = "the task's index ($SLURM_ARRAY_TASK_ID)")
    int index;

    @Option(names = "--chunk", defaultValue = "1", paramLabel = "C", description = "runs per task (default: ${DEFAULT-VALUE})")
    int chunk;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        if (chunk < 1) {
            throw new Cli.UserError("--chunk = " + chunk + " must be at least 1");
        }
        SweepDirectory sweep = SweepDirectory.open(dir);
        int n = sweep.plan().size();
        long first = (long) index * chunk;
        if (index < 0 || first >= n) {
            throw new Cli.UserError("--index = " + index + " is not allowed: with --chunk " + chunk + " the sweep's "
                    + n + " runs have indices 0.." + ((n - 1) / chunk));
        }
        int failed = 0;
        for (int i = (int) first; i < Math.min(n, first + chunk); i++) {
            SweepPoint p = sweep.plan().points().get(i);
            RunRecord before = sweep.record(p);
            if (before != null && before.state() == RunRecord.State.DONE) {
                o.println(p.name() + ": done before");
                continue;
            }
            RunRecord r = SweepRun.execute(sweep, p, () -> false);
            o.printf(Locale.ROOT, "%s: %s in %.1f s%s%n", p.name(), r.state().key(), r.seconds(),
                    r.message().isEmpty() ? "" : " (" + r.message() + ")");
            if (r.state() == RunRecord.State.FAILED) {
                failed++;
            }
        }
        return failed > 0 ? 1 : 0;
    }
}
