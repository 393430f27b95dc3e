package org.attractorlab.core.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;

/**
 * A trained network read back from its run directory (the final model or one checkpoint): the start of every
 * analysis the command line runs ({@code analyze}, {@code export}); its probe states come from
 * {@code core.study.Probe}.
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
     * @throws org.attractorlab.core.run.RunDirectoryException if the directory is not a run directory
     * @throws org.attractorlab.core.config.ConfigException       if its config is invalid
     * @throws IOException naming the file, if the model or checkpoint is unreadable or does not fit the config
     */
    public static TrainedRun open(Path dir, Integer checkpoint) throws IOException {
        RunDirectory run = RunDirectory.open(dir);
        ExperimentConfig cfg = run.readConfig(ConfigLoader.standard());
        Path file = run.modelFile();
        if (checkpoint != null) {
            file = run.checkpoints().get(checkpoint);
            if (file == null) {
                throw new IllegalArgumentException(dir + " has no checkpoint at step " + checkpoint + "; it has "
                        + run.checkpoints().keySet());
            }
        }
        Map<String, NdArray> arrays = Npz.read(file);
        Experiment experiment;
        try {
            experiment = Experiment.restore(cfg, arrays);
        } catch (IllegalArgumentException e) {
            throw new RunDirectoryException(file + ": does not fit the network of " + RunDirectory.CONFIG_FILE + ": "
                    + e.getMessage());
        }
        return new TrainedRun(run, experiment, checkpoint == null ? -1 : checkpoint);
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
