package org.attractorlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.junit.jupiter.api.Test;

/** The live analysis computes the window's first frame at normal priority, and then steps down below training. */
class LiveAnalysisPriorityTest {

    @Test
    void theThreadStepsDownAfterItsFirstFrameAndWhenTrainingStarts() throws Exception {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.batch_size=16")));
        try (LiveAnalysis live = new LiveAnalysis(e)) {
            live.submit(new TrainingService.Snapshot(0, e.network().parameters().clone()));
            AnalysisFrame f = null;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (f == null && System.nanoTime() < deadline) {
                f = live.poll();
                Thread.onSpinWait();
            }
            assertNotNull(f, "no first frame within 60 s");
            Thread worker = live.worker();
            // the frame is published before the thread steps down: wait for that step
            while (worker.getPriority() != LatestJob.ANALYSIS_PRIORITY && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(LatestJob.ANALYSIS_PRIORITY, worker.getPriority(), "after the first frame");

            worker.setPriority(Thread.NORM_PRIORITY);
            live.settle(); // what the hub calls when training's first snapshot arrives, from another thread
            assertEquals(LatestJob.ANALYSIS_PRIORITY, worker.getPriority(), "settle() lowers the running thread");
        }
    }
}
