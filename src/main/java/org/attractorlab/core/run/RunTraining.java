package org.attractorlab.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.train.Trainer;
import org.attractorlab.core.train.TrainingStatus;

/**
 * Trains an experiment into a run directory: {@code config.json} first, then one {@code training.csv} row per step,
 * the checkpoints as the config asks, and {@code model.npz} last, whatever stopped the run (the budget, a stop rule,
 * a cancel or a divergence). {@code train} and every run of a sweep go through here, so their directories are alike.
 */
public final class RunTraining {
    private final Experiment experiment;
    private final RunDirectory run;
    private final Trainer trainer;

    /** Writes {@code config.json} of {@code config} into {@code run} and builds the experiment's trainer. */
    public RunTraining(ExperimentConfig config, RunDirectory run) throws IOException {
        this.experiment = Experiment.create(config);
        this.run = run;
        run.writeConfig(config);
        this.trainer = experiment.trainer();
    }

    public Experiment experiment() {
        return experiment;
    }

    public RunDirectory run() {
        return run;
    }

    /** The trainer; {@link Trainer#cancel()} stops the run after the current step (any thread). */
    public Trainer trainer() {
        return trainer;
    }

    /**
     * Trains to the end and writes the model.
     *
     * @param onStatus called after every step (the row is written first)
     * @param stop     polled between steps; true stops the run as a cancel does
     * @return the final status
     */
    public TrainingStatus train(Consumer<TrainingStatus> onStatus, BooleanSupplier stop) throws IOException {
        TrainingStatus last;
        try (TrainingLog log = run.createTrainingLog()) {
            last = trainer.train(s -> {
                try {
                    log.write(row(s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                onStatus.accept(s);
            }, (step, arrays) -> {
                try {
                    run.writeCheckpoint(step, Experiment.toNdArrays(experiment.network(), arrays));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, stop);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        run.writeModel(experiment.modelArrays());
        return last;
    }

    /** The training log's row of a status. */
    public static TrainingRow row(TrainingStatus s) {
        return new TrainingRow(s.step(), s.loss(), s.accuracy(), s.validationLoss(), s.validationAccuracy(),
                s.gradNorm(), s.learningRate(), s.stepsPerSecond(), s.elapsedSeconds());
    }
}
