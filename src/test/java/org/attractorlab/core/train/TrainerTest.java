package org.attractorlab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.model.Activation;
import org.attractorlab.core.model.CellType;
import org.attractorlab.core.model.Initialization;
import org.attractorlab.core.model.ModelOptions;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.model.Readout;
import org.attractorlab.core.task.FlipFlopOptions;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TaskRegistry;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Task FLIPFLOP = TaskRegistry.create("flipflop", FlipFlopOptions.DEFAULTS);

    static ModelOptions vanilla(int hidden) {
        return new ModelOptions(CellType.VANILLA, hidden, Activation.TANH, 1, 0, 0, Initialization.NORMAL, 1, false,
                0.8, 1, true, 0, false);
    }

    static TrainingOptions training(int steps, double lr, double targetLoss, int plateau) {
        TrainingOptions d = TrainingOptions.DEFAULTS;
        return new TrainingOptions(32, steps, lr, OptimizerType.ADAM, d.momentum(), d.beta1(), d.beta2(), d.epsilon(),
                LossChoice.AUTO, 0, 0, 0, 1.0, LearningRateSchedule.CONSTANT, 0.5, 1000, targetLoss, plateau, 1e-4,
                0, 0, 0);
    }

    private static Trainer trainer(ModelOptions m, TrainingOptions t, long seed) {
        Network net = Network.create(m, FLIPFLOP.inputSize(), FLIPFLOP.outputSize(), Readout.LINEAR, seed);
        return new Trainer(FLIPFLOP, net, t, seed);
    }

    @Test
    void threeBitFlipFlopReachesLowLossWithinFourHundredSteps() {
        Trainer t = trainer(vanilla(64), training(400, 0.01, 0.005, 0), 1);
        TrainingStatus s = t.train(x -> { }, null, () -> false);
        assertTrue(s.loss() < 0.02, "loss after " + s.step() + " steps: " + s.loss());
        Trainer.Evaluation e = t.evaluate(FLIPFLOP.sample(128, new java.util.SplittableRandom(99)));
        assertTrue(e.loss() < 0.03, "held-out loss " + e.loss());
        assertTrue(e.accuracy() > 0.98, "held-out accuracy " + e.accuracy());
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        ModelOptions m = new ModelOptions(CellType.LEAKY, 32, Activation.TANH, 0.5, 0.05, 0.02,
                Initialization.NORMAL, 1, false, 0.8, 1, true, 0, false);
        Trainer a = trainer(m, training(15, 0.01, 0, 0), 7);
        Trainer b = trainer(m, training(15, 0.01, 0, 0), 7);
        a.train(x -> { }, null, () -> false);
        b.train(x -> { }, null, () -> false);
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        Trainer c = trainer(m, training(15, 0.01, 0, 0), 8);
        c.train(x -> { }, null, () -> false);
        assertFalse(java.util.Arrays.equals(a.network().parameters(), c.network().parameters()));
    }

    @Test
    void divergenceStopsWithAMessageAndRestoresTheLastGoodParameters() {
        TrainingOptions d = training(200, 1e6, 0, 0);
        TrainingOptions noClip = new TrainingOptions(d.batchSize(), d.steps(), 1e30, OptimizerType.SGD, 0, d.beta1(),
                d.beta2(), d.epsilon(), d.loss(), 0, 0, 0, 0, d.lrSchedule(), d.lrDecay(), d.lrDecaySteps(), 0, 0,
                1e-4, 0, 0, 0);
        ModelOptions relu = new ModelOptions(CellType.VANILLA, 16, Activation.RELU, 1, 0, 0, Initialization.NORMAL,
                3, false, 0.8, 1, true, 0, false);
        Trainer t = trainer(relu, noClip, 3);
        List<Integer> checkpoints = new ArrayList<>();
        List<Integer> logged = new ArrayList<>();
        TrainingStatus s = t.train(x -> logged.add(x.step()), (step, arrays) -> checkpoints.add(step), () -> false);
        assertEquals(TrainingStatus.State.FAILED, s.state());
        for (int i = 0; i < logged.size(); i++) {
            assertEquals(i + 1, logged.get(i), "one status per trained step, the failed one not among them: " + logged);
        }
        assertEquals(logged.size(), s.step(), "the final status is at the last good step");
        assertTrue(s.message().contains("diverged"), s.message());
        assertTrue(s.message().contains("learning_rate"), s.message());
        for (float p : t.network().parameters()) {
            assertTrue(Float.isFinite(p), "restored parameters must be finite");
        }
        assertTrue(checkpoints.isEmpty(), "a failed run writes no final checkpoint");
    }

    @Test
    void targetLossAndPlateauAndCancelStopTheRun() {
        TrainingStatus target = trainer(vanilla(32), training(5000, 0.01, 0.5, 0), 1)
                .train(x -> { }, null, () -> false);
        assertEquals(TrainingStatus.State.TARGET_REACHED, target.state());
        assertTrue(target.step() < 5000);

        TrainingStatus plateau = trainer(vanilla(8), training(5000, 1e-7, 0, 5), 1)
                .train(x -> { }, null, () -> false);
        assertEquals(TrainingStatus.State.PLATEAU, plateau.state());
        assertTrue(plateau.step() < 200, "plateau stopped at " + plateau.step());

        int[] seen = {0};
        TrainingStatus cancelled = trainer(vanilla(8), training(5000, 0.01, 0, 0), 1)
                .train(x -> seen[0]++, null, () -> seen[0] >= 3);
        assertEquals(TrainingStatus.State.CANCELLED, cancelled.state());
        assertEquals(3, cancelled.step(), "asked to stop after three steps: no fourth step is trained");
    }

    @Test
    void elapsedTimeAndSpeedCountTrainingStepsNotTheTimeBetweenThem() throws InterruptedException {
        Trainer t = trainer(vanilla(8), training(5000, 0.01, 0, 0), 1);
        Thread.sleep(300); // idle before the first step: not training time
        t.step();
        TrainingStatus first = t.step();
        Thread.sleep(300); // a pause between steps
        TrainingStatus third = t.step();
        assertTrue(first.elapsedSeconds() < 0.25, "two small steps, not the idle time before: "
                + first.elapsedSeconds());
        assertTrue(third.elapsedSeconds() - first.elapsedSeconds() < 0.25, "the pause is not counted: "
                + first.elapsedSeconds() + " -> " + third.elapsedSeconds());
        assertTrue(third.stepsPerSecond() > 1 / 0.25, "speed on the training clock: " + third.stepsPerSecond());
    }

    @Test
    void aStepAfterCancelTrainsNothingAndReportsCancelled() {
        Trainer t = trainer(vanilla(8), training(5000, 0.01, 0, 0), 1);
        t.step();
        t.step();
        float[] before = t.network().parameters().clone();
        t.cancel();
        TrainingStatus s = t.step();
        assertEquals(TrainingStatus.State.CANCELLED, s.state());
        assertEquals(2, s.step());
        assertTrue(s.message().contains("step 2"), s.message());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, t.network().parameters(),
                "the parameters stay those of step 2");
    }

    @Test
    void checkpointsArriveEveryKStepsAndAtTheEnd() {
        TrainingOptions d = training(25, 0.01, 0, 0);
        TrainingOptions t = new TrainingOptions(8, 25, 0.01, d.optimizer(), d.momentum(), d.beta1(), d.beta2(),
                d.epsilon(), d.loss(), 0, 0, 0, 1, d.lrSchedule(), d.lrDecay(), d.lrDecaySteps(), 0, 0, 1e-4, 10, 0, 0);
        List<Integer> steps = new ArrayList<>();
        trainer(vanilla(8), t, 1).train(x -> { }, (step, arrays) -> {
            steps.add(step);
            assertTrue(arrays.containsKey("weight_hh_l0") && arrays.containsKey("readout.weight"));
        }, () -> false);
        assertEquals(List.of(10, 20, 25), steps);
    }

    @Test
    void learningRateSchedulesFollowTheirFormulas() {
        TrainingOptions d = TrainingOptions.DEFAULTS;
        TrainingOptions step = new TrainingOptions(8, 100, 0.1, d.optimizer(), d.momentum(), d.beta1(), d.beta2(),
                d.epsilon(), d.loss(), 0, 0, 0, 1, LearningRateSchedule.STEP, 0.5, 10, 0, 0, 1e-4, 0, 0, 0);
        assertEquals(0.1, step.learningRateAt(9), 1e-12);
        assertEquals(0.05, step.learningRateAt(10), 1e-12);
        assertEquals(0.025, step.learningRateAt(25), 1e-12);
        TrainingOptions cos = new TrainingOptions(8, 100, 0.1, d.optimizer(), d.momentum(), d.beta1(), d.beta2(),
                d.epsilon(), d.loss(), 0, 0, 0, 1, LearningRateSchedule.COSINE, 0.5, 10, 0, 0, 1e-4, 0, 0, 0);
        assertEquals(0.05, cos.learningRateAt(50), 1e-12);
        assertEquals(0.0, cos.learningRateAt(100), 1e-12);
    }
}
