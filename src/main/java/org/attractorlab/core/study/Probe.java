package org.attractorlab.core.study;

import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.task.TrialBatch;

/**
 * The one way to get the probe states of a network: a batch of trials drawn from the task with a seed derived from
 * the config's seed (so the app, the command line, sweeps and a reopened session see the same trials), run through
 * the network without noise unless asked.
 */
public final class Probe {
    /** Trials in the probe batch every analysis runs on by default: the app's panes, analyze and export. */
    public static final int TRIALS = 128;
    /** Mixed into the config's seed to draw the probe batch, independent of the training batches. */
    public static final long SALT = 0x9E3779B97F4A7C15L;

    private Probe() {
    }

    /** The probe batch of {@code trials} trials of an experiment's task. */
    public static TrialBatch batch(Experiment e, int trials) {
        if (trials < 1) {
            throw StudyException.notAllowed("trials", trials, "use at least 1 probe trial");
        }
        return e.task().sample(trials, new SplittableRandom(e.config().seed() ^ SALT));
    }

    /** The hidden states of the experiment's network on its probe batch, without noise. */
    public static HiddenStates states(Experiment e, int trials) {
        return states(e, trials, false);
    }

    /**
     * The hidden states of the experiment's network on its probe batch; with {@code noise} the network's input and
     * recurrent noise are on, seeded by the config's seed.
     */
    public static HiddenStates states(Experiment e, int trials, boolean noise) {
        return states(e.network(), batch(e, trials), noise ? e.config().seed() : null);
    }

    /** The hidden states of a trained run's network on its probe batch. */
    public static HiddenStates states(TrainedRun run, int trials, boolean noise) {
        return states(run.experiment(), trials, noise);
    }

    /** Runs {@code network} on {@code batch} without noise and collects its hidden states and outputs. */
    public static HiddenStates states(Network network, TrialBatch batch) {
        return states(network, batch, null);
    }

    /**
     * Runs {@code network} on {@code batch} and collects its hidden states and outputs.
     *
     * @param noiseSeed the seed of the network's noise, or null for none
     */
    public static HiddenStates states(Network network, TrialBatch batch, Long noiseSeed) {
        Network.Run run = network.run(batch, 0, noiseSeed);
        return new HiddenStates(batch.trials(), batch.steps(), network.hiddenSize(), run.hidden(),
                batch.conditions(), batch, run.outputs());
    }
}
