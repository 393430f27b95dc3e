package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.RunDirectoryException;
import org.attractorlab.core.run.RunTraining;
import org.attractorlab.core.train.Trainer;
import org.attractorlab.core.train.TrainingStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains the network an experiment config describes and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the network described by CONFIG and write RUN_DIR:",
                "  config.json (fully resolved), training.csv, model.npz, checkpoints/step-NNNNNN.npz.",
                "Ctrl-C stops after the current step and still writes a valid model."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment config (JSON), or a sample's name (e.g. flipflop-3bit); see samples/")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "run directory to write")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key, e.g. --set model.cell=gru (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "write into a non-empty RUN_DIR, replacing the files a run writes (and only those)")
    boolean force;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        ExperimentConfig cfg;
        Experiment experiment;
        try {
            cfg = ConfigLoader.standard().loadFileOrSample(config, overrides);
            experiment = Experiment.create(cfg);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        RunDirectory run;
        try {
            run = RunDirectory.create(out, force);
        } catch (RunDirectoryException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        RunTraining training = new RunTraining(cfg, run);
        experiment = training.experiment();
        Trainer trainer = training.trainer();
        o.printf(Locale.ROOT, "Training %s on %s: %d units, %d parameters, %d steps of %d trials, %d threads%n",
                cfg.model().cell().name().toLowerCase(Locale.ROOT), cfg.taskName(), cfg.model().hiddenSize(),
                experiment.network().layout().size(), cfg.training().steps(), cfg.training().batchSize(),
                cfg.training().threads() == 0 ? Runtime.getRuntime().availableProcessors() : cfg.training().threads());
        o.flush();

        TrainingStatus last;
        try (StopOnShutdown stop = new StopOnShutdown("attractor-lab-stop", trainer::cancel);
             ProgressBar bar = progressBar(cfg)) {
            last = training.train(s -> {
                if (bar != null) {
                    bar.stepTo(s.step());
                    bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4g%s %.0f steps/s", s.loss(),
                            Double.isNaN(s.accuracy()) ? "" : String.format(Locale.ROOT, " acc %.1f%%", 100 * s.accuracy()),
                            s.stepsPerSecond()));
                }
            }, () -> false);
        }
        String said = last.message().endsWith(".") ? last.message().substring(0, last.message().length() - 1)
                : last.message();
        o.printf(Locale.ROOT, "%s: %s. Final loss %.5g%s after %.1f s.%nWrote %s%n",
                last.state() == TrainingStatus.State.FAILED ? "Failed" : "Done", said, last.loss(),
                Double.isNaN(last.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.1f%%", 100 * last.accuracy()),
                last.elapsedSeconds(), run.dir());
        if (last.state() == TrainingStatus.State.FAILED) {
            spec.commandLine().getErr().println("error: " + last.message());
            return 1;
        }
        return 0;
    }

    private ProgressBar progressBar(ExperimentConfig cfg) {
        if (quiet) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("train").setInitialMax(cfg.training().steps())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" steps", 1)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
    }
}
