package org.attractorlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AppShellUiTest {
    private AppWindow window;
    private java.nio.file.Path sessions;

    static ExperimentConfig smallFlipFlop(int steps) {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=" + steps, "training.batch_size=16"));
    }

    @Start
    void start(Stage stage) {
        try {
            sessions = java.nio.file.Files.createTempDirectory("attractor-lab-sessions");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        window = new AppWindow(smallFlipFlop(100000), false, sessions);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Test
    void trainPauseResumeAndStopThroughTheToolbarWhileTheLossChartUpdates(FxRobot robot) throws Exception {
        try (FxWatchdog watchdog = new FxWatchdog()) {
            robot.clickOn("#train");
            waitFor("loss points", () -> window.lossViewModel().points() > 20);
            watchdog.reset();
            waitFor("more loss points", () -> window.lossViewModel().points() > 60);
            double worst = watchdog.maxDelayMillis();
            assertTrue(worst < 100, "an FX event took " + worst + " ms during training");

            robot.clickOn("#pause");
            waitFor("pause", () -> window.session().phaseProperty().get() == Phase.PAUSED);
            int paused = window.lossViewModel().points();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(paused, window.lossViewModel().points(), "no steps while paused");

            robot.clickOn("#resume");
            waitFor("training again", () -> window.lossViewModel().points() > paused + 5);
            robot.clickOn("#stop");
            waitFor("stop", () -> window.session().phaseProperty().get() == Phase.FINISHED);
            Label status = robot.lookup("#status").queryAs(Label.class);
            assertTrue(status.getText().contains("stopped by the user"), status.getText());
            java.nio.file.Path dir = window.sessionDirectory();
            int trained = window.session().statusProperty().get().step();
            waitFor("the autosave of the stopped run", () -> java.nio.file.Files.isRegularFile(dir.resolve("session.json"))
                    && org.attractorlab.core.run.RunDirectory.open(dir).readTrainingLog().size() == trained);
            var saved = org.attractorlab.core.run.RunDirectory.open(dir);
            assertEquals(window.session().configProperty().get(), saved.readConfig(ConfigLoader.standard()));
            assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("model.npz")));
        }
    }

    @Test
    void anInvalidHiddenSizeIsRefusedWithAMessageNamingTheField(FxRobot robot) {
        TextField hidden = robot.lookup("#field-model-hidden_size").queryAs(TextField.class);
        // set through the real control (not the keyboard, whose focus another test's window may hold)
        robot.interact(() -> hidden.setText("abc"));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#config-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("model.hidden_size") && error.getText().contains("abc"), error.getText());
        robot.interact(() -> hidden.setText("24"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!error.isVisible(), "a corrected value clears the message: " + error.getText());
        assertEquals(24, window.session().configProperty().get().model().hiddenSize(), "valid edits apply before training");
    }

    @Test
    void openedExternalStatesReachThePanesAsAFrameWithoutANetwork() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("external");
        float[] data = new float[6 * 5 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i * 0.37);
        }
        org.attractorlab.core.io.Npy.write(dir.resolve("x.npy"),
                org.attractorlab.core.io.NdArray.of(new int[]{6, 5, 4}, data));
        java.nio.file.Files.writeString(dir.resolve("c.csv"), "animal\ncat\ndog\ncat\ndog\ncat\ndog\n");
        WaitForAsyncUtils.asyncFx(() -> window.openData(dir.resolve("x.npy"), dir.resolve("c.csv"))).get();
        waitFor("external frame", () -> window.analysis().showingExternalProperty().get()
                && window.analysis().frameProperty().get() != null);
        var frame = window.analysis().frameProperty().get();
        assertEquals(6, frame.states().trials());
        assertEquals(java.util.List.of("cat", "dog"), frame.states().conditions().levels("animal"));
        assertEquals(6 * 5 * 3, frame.projections().length);

        java.nio.file.Files.writeString(dir.resolve("bad.csv"), "animal\ncat\n");
        WaitForAsyncUtils.asyncFx(() -> window.openData(dir.resolve("x.npy"), dir.resolve("bad.csv"))).get();
        Label status = robot().lookup("#status").queryAs(Label.class);
        waitFor("error message", () -> status.getText().contains("Could not open the data")
                && status.getText().contains("bad.csv"));
    }

    private static FxRobot robot() {
        return new FxRobot();
    }
}
