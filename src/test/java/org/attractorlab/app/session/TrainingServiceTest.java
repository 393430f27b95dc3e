package org.attractorlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.train.TrainingStatus;
import org.junit.jupiter.api.Test;

class TrainingServiceTest {
    private static Experiment small(int steps) {
        return Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=8", "training.batch_size=8", "training.steps=" + steps)));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void pauseResumeAndStopControlTheBackgroundRunAndSnapshotsArriveEveryKSteps() throws Exception {
        try (TrainingService s = new TrainingService(small(100000), 10)) {
            List<Integer> snapshots = new CopyOnWriteArrayList<>();
            s.setSnapshotListener(x -> snapshots.add(x.step()));
            s.start();
            await("30 steps", () -> s.lastStatus().step() >= 30);
            s.pause();
            await("pause", () -> s.phase() == TrainingService.Phase.PAUSED);
            int at = s.lastStatus().step();
            Thread.sleep(100);
            assertEquals(at, s.lastStatus().step(), "no steps while paused");
            s.stepOnce();
            await("one step", () -> s.lastStatus().step() == at + 1 && s.phase() == TrainingService.Phase.PAUSED);
            s.resume();
            await("more steps", () -> s.lastStatus().step() > at + 20);
            s.stop();
            await("finish", () -> s.phase() == TrainingService.Phase.FINISHED);
            assertEquals(TrainingStatus.State.CANCELLED, s.lastStatus().state());
            List<TrainingStatus> drained = new ArrayList<>();
            s.drainStatuses(drained::add);
            assertEquals(s.lastStatus().step(), drained.size(), "one status per step, in order");
            assertTrue(snapshots.contains(10) && snapshots.contains(20) && snapshots.contains(30), snapshots.toString());
            assertEquals(0, s.history().get(0).step());
        }
    }

    @Test
    void stepFromIdleTrainsExactlyOneStepAndPauses() throws Exception {
        try (TrainingService s = new TrainingService(small(50), 25)) {
            s.stepOnce();
            await("paused after one step", () -> s.phase() == TrainingService.Phase.PAUSED);
            assertEquals(1, s.lastStatus().step());
        }
    }

    @Test
    void stopWhilePausedTrainsNoFurtherStep() throws Exception {
        Experiment e = small(100000);
        try (TrainingService s = new TrainingService(e, 10)) {
            s.start();
            await("a few steps", () -> s.lastStatus().step() >= 5);
            s.pause();
            await("paused", () -> s.phase() == TrainingService.Phase.PAUSED);
            int pausedAt = s.lastStatus().step();
            float[] before = e.network().parameters().clone();
            s.stop();
            await("finish", () -> s.phase() == TrainingService.Phase.FINISHED);
            assertEquals(TrainingStatus.State.CANCELLED, s.lastStatus().state());
            assertEquals(pausedAt, s.lastStatus().step(), "stopped at the step it was paused at");
            org.junit.jupiter.api.Assertions.assertArrayEquals(before, e.network().parameters(),
                    "the network keeps the parameters it was paused with (what a save wrote)");
        }
    }

    @Test
    void trainingComesFirstOnlyWhileItLeavesACoreForTheWindow() {
        int fx = Thread.NORM_PRIORITY + 2; // the FX thread and the renderer (AppWindow)
        assertTrue(TrainingService.trainingPriority(1, 2) > fx, "one thread on two cores: above the FX thread");
        assertTrue(TrainingService.trainingPriority(7, 8) > fx, "seven threads on eight cores");
        assertTrue(TrainingService.trainingPriority(2, 2) < Thread.NORM_PRIORITY,
                "every core: below the FX thread (normal + 2) and the renderer, so that the window still answers");
        assertTrue(TrainingService.trainingPriority(1, 1) < Thread.NORM_PRIORITY, "a single core");
        assertTrue(TrainingService.trainingPriority(2, 2) > org.attractorlab.app.fx.LatestJob.ANALYSIS_PRIORITY,
                "always above the analyses");
    }
}
