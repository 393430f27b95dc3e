package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.train.TrainingStatus;
import org.junit.jupiter.api.Test;

/** A small GRU learns 1-back category matching on symbolic stimuli in a few hundred steps. */
class NBackLearningTest {

    @Test
    void smallGruLearnsOneBackCategoryWellAboveChanceInAFewHundredSteps() {
        ExperimentConfig config = ConfigLoader.standard().parse("""
                {"task": {"name": "nback", "diet": "stsf", "feature": "category", "n_back": 1},
                 "model": {"cell": "gru", "hidden_size": 32},
                 "training": {"batch_size": 32, "steps": 300, "learning_rate": 0.01, "clip_norm": 1.0,
                              "validation_every": 0, "threads": 1},
                 "seed": 3}
                """);
        Experiment e = Experiment.create(config);
        TrialBatch heldOut = e.task().sample(512, new SplittableRandom(1234));
        double chance = chanceWithKnownPositions(heldOut, 1);
        TrainingStatus s = e.trainer().train(x -> { }, null, () -> false);
        assertTrue(s.state() == TrainingStatus.State.COMPLETED, s.toString());
        Network.Run run = e.network().run(heldOut, 1, null);
        double accuracy = e.task().accuracy(heldOut, run.outputs());
        double matches = NBackTask.answerAccuracy(heldOut, run.outputs(), NBackTask.MATCH);
        double nonMatches = NBackTask.answerAccuracy(heldOut, run.outputs(), NBackTask.NON_MATCH);
        String report = "accuracy " + accuracy + " (chance " + chance + "), match " + matches + ", non-match "
                + nonMatches;
        assertTrue(accuracy > chance + 0.3, report);
        assertTrue(matches > 0.9 && nonMatches > 0.9, report);
    }

    /**
     * The accuracy of the best guess that knows only the position and the answer distribution: no-action where it
     * is the only answer, else the more frequent of match and non-match in the batch.
     */
    private static double chanceWithKnownPositions(TrialBatch batch, int n) {
        long[] counts = new long[3];
        long noActionSteps = 0;
        long answered = 0;
        for (int b = 0; b < batch.trials(); b++) {
            for (int t = 0; t < batch.steps(); t++) {
                for (int k = 0; k < 3; k++) {
                    counts[k] += batch.targets()[batch.outputIndex(b, t, k)] == 1f ? 1 : 0;
                }
                answered++;
                noActionSteps += t < n ? 1 : 0;
            }
        }
        List<Long> c = List.of(counts[0], counts[1], counts[2]);
        assertTrue(c.get(2) == noActionSteps, "no-action exactly on the first N steps");
        return (noActionSteps + Math.max(counts[0], counts[1])) / (double) answered;
    }
}
