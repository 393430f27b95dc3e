package org.attractorlab.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.io.ConfigLoader;
import org.attractorlab.core.io.ExperimentConfig;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;
import org.attractorlab.core.io.RunDirectory;
import org.attractorlab.core.io.TrainingRow;
import org.attractorlab.core.task.TrialBatch;

/**
 * A trained network read back from its run directory (the final model or one checkpoint), and the hidden states
 * of its probe batch: the start of every analysis the command line runs ({@code analyze}, {@code export}).
 *
 * @param run        the run directory
 * @param experiment the task and the network with the parameters read
 * @param step       the checkpoint's step, or -1 for the final model
 */
public record TrainedRun(RunDirectory run, Experiment experiment, int step) {

    /**
     * Opens {@code dir} and restores its network from {@code model.npz}, or from the checkpoint of {@code
     * checkpoint} if it is not null.
     *
     * @throws IllegalArgumentException if the run has no such checkpoint (the message lists the ones it has)
     * @throws org.attractorlab.core.io.RunDirectoryException if the directory is not a run directory
     * @throws org.attractorlab.core.io.ConfigException       if its config is invalid
     */
    public static TrainedRun open(Path dir, Integer checkpoint) throws IOException {
        RunDirectory run = RunDirectory.open(dir);
        ExperimentConfig cfg = run.readConfig(ConfigLoader.standard());
        Map<String, NdArray> arrays;
        if (checkpoint != null) {
            Path cp = run.checkpoints().get(checkpoint);
            if (cp == null) {
                throw new IllegalArgumentException(dir + " has no checkpoint at step " + checkpoint + "; it has "
                        + run.checkpoints().keySet());
            }
            arrays = Npz.read(cp);
        } else {
            arrays = run.readModel();
        }
        return new TrainedRun(run, Experiment.restore(cfg, arrays), checkpoint == null ? -1 : checkpoint);
    }

    /**
     * Runs the network on a probe batch of {@code trials} trials and collects its hidden states, without noise
     * (or with the network's input and recurrent noise, seeded by the config's seed).
     */
    public HiddenStates probe(int trials, boolean noise) {
        TrialBatch probe = experiment.probe(trials);
        var result = experiment.network().run(probe, 0, noise ? experiment.config().seed() : null);
        return new HiddenStates(probe.trials(), probe.steps(), experiment.network().hiddenSize(), result.hidden(),
                probe.conditions(), probe, result.outputs());
    }

    /** The training log ({@code training.csv}). */
    public List<TrainingRow> trainingLog() throws IOException {
        return run.readTrainingLog();
    }

    /** The step of the parameters: the checkpoint's, or the last logged step for the final model. */
    public int trainedStep() throws IOException {
        if (step >= 0) {
            return step;
        }
        List<TrainingRow> log = trainingLog();
        return log.isEmpty() ? -1 : log.get(log.size() - 1).step();
    }
}
