package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.attractorlab.sensory.cnn.SensoryException;
import org.attractorlab.sensory.cnn.SensoryFrontEnd;
import org.attractorlab.sensory.cnn.SensoryOptions;
import org.attractorlab.sensory.cnn.SensoryReport;
import org.attractorlab.sensory.cnn.StimulusSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains the sensory CNN on a stimulus set, checks the accuracy gate on held-out views, and freezes it. */
@Command(name = "train-sensory", mixinStandardHelpOptions = true,
        description = "Train the sensory CNN (category, identity and location heads) on a stimulus set, validate it on "
                + "held-out views (every head must reach the gate), and write the frozen model (cnn.zip), the "
                + "features of every stimulus (features.npy, rows as in stimuli.csv), a copy of stimuli.csv and "
                + "sensory.json into --out. ND4J runs on one thread.")
public final class TrainSensoryCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--stimuli", required = true, paramLabel = "DIR", description = "stimulus directory (images + stimuli.csv)")
    Path stimuli;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: 20)")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "seed of initialisation and batch order (default: 1)")
    Long seed;

    @Option(names = "--batch-size", paramLabel = "N", description = "images per mini-batch (default: 16)")
    Integer batchSize;

    @Option(names = "--features", paramLabel = "N", description = "units of the feature layer (default: 128)")
    Integer features;

    @Option(names = "--held-out-views", split = ",", paramLabel = "V", description = "views held out for validation (default: every view v with v %% 4 = 2)")
    List<Integer> heldOutViews;

    @Option(names = "--gate", paramLabel = "ACC", description = "held-out accuracy every head must reach (default: 0.9)")
    Double gate;

    @Option(names = "--force", description = "overwrite the outputs in an existing --out directory")
    boolean force;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        SensoryOptions o = SensoryOptions.DEFAULTS;
        if (epochs != null) {
            o = o.withEpochs(epochs);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (batchSize != null) {
            o = o.withBatchSize(batchSize);
        }
        if (features != null) {
            o = o.withFeatureSize(features);
        }
        if (heldOutViews != null) {
            o = o.withHeldOutViews(heldOutViews);
        }
        if (gate != null) {
            o = o.withGate(gate);
        }
        PrintWriter w = spec.commandLine().getOut();
        StimulusSet set = SensoryCommands.open(stimuli);
        w.printf(Locale.ROOT, "Training the sensory CNN on %d stimuli (%d categories x %d identities x %d locations x "
                        + "%d views) for %d epochs, seed %d%n", set.size(), set.categories(), set.identities(),
                set.locations(), set.views(), o.epochs(), o.seed());
        w.flush();
        SensoryReport r;
        try (ProgressBar bar = SensoryCommands.bar(quiet, "train-sensory", o.epochs(), " epochs")) {
            r = SensoryFrontEnd.train(set, o, out, force, (done, total, msg) -> {
                if (bar != null) {
                    bar.stepTo(done);
                    bar.setExtraMessage(" " + msg);
                }
            });
        } catch (SensoryException | NoSuchFileException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        w.print(SensoryFrontEnd.summary(r));
        if (!r.gatePassed()) {
            StringBuilder b = new StringBuilder("accuracy gate not met on held-out views " + r.heldOutViews() + ":");
            for (SensoryReport.HeadAccuracy h : r.failingHeads()) {
                b.append(String.format(Locale.ROOT, " %s %.3f < %.2f;", h.head(), h.heldOut(), r.gate()));
            }
            b.append(" no model written (see ").append(out.resolve(SensoryFrontEnd.REPORT))
                    .append("); try more --epochs, another --seed or more views per object");
            spec.commandLine().getErr().println("error: " + b);
            return 1;
        }
        w.printf(Locale.ROOT, "Gate %.2f passed in %.1f s. Features: layer '%s', %d per image.%nWrote %s%n", r.gate(),
                r.seconds(), r.featureLayer(), r.featureSize(), out);
        return 0;
    }
}
