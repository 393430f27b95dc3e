package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.RunDirectoryException;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.SimilarityStudy;
import org.attractorlab.core.study.StudyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Compares the hidden states of two trained networks on the same trials: linear CKA and Procrustes distance. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Run two trained networks of the same task on the same probe trials (RUN_A's probe batch)",
                "and compare their hidden states: linear CKA and the Procrustes shape distance."})
public final class CompareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A")
    Path runA;

    @Parameters(index = "1", paramLabel = "RUN_B")
    Path runB;

    @Option(names = "--trials", defaultValue = "256", description = "probe trials (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--window", paramLabel = "FROM:TO", description = "time steps [FROM, TO) compared (default: all)")
    String window;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "also write the scores to a CSV file")
    Path out;

    @Override
    public Integer call() throws IOException {
        Experiment a = load(runA);
        Experiment b = load(runB);
        if (!a.config().taskName().equals(b.config().taskName()) || a.task().inputSize() != b.task().inputSize()
                || a.task().steps() != b.task().steps()) {
            throw new Cli.UserError("the runs solve different tasks (" + a.config().taskName() + " vs "
                    + b.config().taskName() + "); compare networks of the same task");
        }
        var probe = Probe.batch(a, trials);
        HiddenStates ha = Probe.states(a.network(), probe);
        HiddenStates hb = Probe.states(b.network(), probe);
        SimilarityStudy.Settings defaults = SimilarityStudy.defaultsFor(ha);
        int[] w = StepWindow.parse("--window", window, ha.steps(),
                new int[]{defaults.fromStep(), defaults.toStep()});
        SimilarityStudy.Result r;
        try {
            r = SimilarityStudy.run(ha, hb, defaults.withWindow(w[0], w[1]));
        } catch (StudyException e) {
            throw new Cli.UserError("compare: " + e.getMessage(), e);
        }
        int from = r.settings().fromStep();
        int to = r.settings().toStep();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "linear CKA            %.4f%n", r.cka());
        o.printf(Locale.ROOT, "Procrustes distance   %.4f (angle %.4f rad)%n", r.procrustes(), r.angle());
        if (out != null) {
            Csv.write(out, List.of("run_a", "run_b", "trials", "from_step", "to_step", "linear_cka",
                    "procrustes_distance", "procrustes_angle"), List.of(List.of(runA.toString(), runB.toString(),
                    trials, from, to, r.cka(), r.procrustes(), r.angle())));
            o.println("Wrote " + out);
        }
        return 0;
    }

    private static Experiment load(Path dir) throws IOException {
        try {
            RunDirectory run = RunDirectory.open(dir);
            return Experiment.restore(run.readConfig(ConfigLoader.standard()), run.readModel());
        } catch (RunDirectoryException | ConfigException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
    }
}
