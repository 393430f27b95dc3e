package org.attractorlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Samples;
import org.junit.jupiter.api.Test;

/** A past step chosen in the history stays on screen, whatever live analysis was still under way. */
class AnalysisHubHistoryTest {

    static void await(FrameDrain drain, String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        drain.drainNow();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
            Thread.sleep(5);
            drain.drainNow();
        }
    }

    @Test
    void aLiveFrameAskedForBeforeThePastStepWasChosenNeverReplacesIt() throws Exception {
        FrameDrain drain = new FrameDrain();
        SessionViewModel session = new SessionViewModel(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.batch_size=16")), drain, 25);
        AnalysisHub hub = new AnalysisHub(session, drain, Runnable::run);
        try {
            float[] p = session.serviceProperty().get().history().get(0).parameters();
            LiveAnalysis live = hub.live();
            // the live snapshot of step 50 was asked for while following training; then the user chose step 25
            live.submit(new TrainingService.Snapshot(50, p));
            hub.setFollowLive(false);
            live.submitHistory(new TrainingService.Snapshot(25, p), null);
            await(drain, "the frame of step 25", () -> hub.frameProperty().get() != null
                    && hub.frameProperty().get().step() == 25);
            await(drain, "the analysis thread to finish", live::idle);
            drain.drainNow();
            AnalysisFrame shown = hub.frameProperty().get();
            assertEquals(25, shown.step(), "the chosen step stays");
            assertFalse(shown.live());

            // Live again: the newest snapshot (step 0 here, the session has not trained) is analysed and shown
            hub.setFollowLive(true);
            await(drain, "a live frame", () -> hub.frameProperty().get().live());
            assertEquals(0, hub.frameProperty().get().step());
        } finally {
            hub.dispose();
        }
    }
}
