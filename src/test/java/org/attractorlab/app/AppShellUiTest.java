package org.attractorlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void trainPauseResumeAndStopThroughTheToolbarWhileTheLossChartUpdates(FxRobot robot) throws Exception {
        try (FxWatchdog watchdog = new FxWatchdog()) {
            robot.clickOn("#train");
            FxWait.until("loss points", () -> window.lossViewModel().points() > 20);
            watchdog.reset();
            // about two seconds of training: the FX thread only drains buffers and draws. Its own processor time
            // is what the app controls; how long events wait also depends on the machine (under software OpenGL
            // on two busy cores the renderer keeps the FX thread waiting 50-150 ms, see README "Start-up"), so
            // that bound only catches a hang.
            FxWait.until("200 pings on the FX thread", () -> watchdog.answered() >= 200);
            double share = watchdog.fxProcessorShare();
            assertTrue(share < 0.25, "the FX thread computed " + Math.round(100 * share) + "% of the time");
            double worst = watchdog.maxDelayMillis();
            assertTrue(worst < 1500, "an FX event took " + worst + " ms during training");
            assertTrue(window.lossViewModel().points() > 60, "the loss chart updates while training");

            robot.clickOn("#pause");
            FxWait.until("pause", () -> window.session().phaseProperty().get() == Phase.PAUSED);
            int paused = window.lossViewModel().points();
            // every status the training thread wrote before it paused is on screen after a few drain ticks
            FxWait.ticks(window.drain(), 3);
            assertEquals(paused, window.lossViewModel().points(), "no steps while paused");

            robot.clickOn("#resume");
            FxWait.until("training again", () -> window.lossViewModel().points() > paused + 5);
            robot.clickOn("#stop");
            FxWait.until("stop", () -> window.session().phaseProperty().get() == Phase.FINISHED);
            Label status = robot.lookup("#status").queryAs(Label.class);
            assertTrue(status.getText().contains("stopped by the user"), status.getText());
            java.nio.file.Path dir = window.sessionDirectory();
            int trained = window.session().statusProperty().get().step();
            FxWait.until("the autosave of the stopped run", () -> java.nio.file.Files.isRegularFile(dir.resolve("session.json"))
                    && org.attractorlab.core.run.RunDirectory.open(dir).readTrainingLog().size() == trained);
            var saved = org.attractorlab.core.run.RunDirectory.open(dir);
            assertEquals(window.session().configProperty().get(), saved.readConfig(ConfigLoader.standard()));
            assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("model.npz")));
        }
    }

    @Test
    void everyPaneIsPlacedWithItsExportButtonAndSavesItsSettingsUnderTheSessionKeysOfEarlierVersions(FxRobot robot)
            throws Exception {
        List<String> ids = FxWait.fx(() -> window.panes().all().stream().map(p -> p.id()).toList());
        assertEquals(List.of("loss", "fixed-points", "pca3d", "rsa", "angles", "behaviour", "decoding"), ids);
        for (String id : ids) {
            assertTrue(robot.lookup("#export-" + id).tryQuery().isPresent(), "the export button of " + id);
            assertTrue(FxWait.fx(() -> window.panes().all().stream().filter(p -> p.id().equals(id)).findFirst()
                    .orElseThrow().view().getScene() != null), id + " is in the window");
        }
        // the keys session.json has stored since format 2: a saved session reopens with every setting
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("loss", List.of("log_scale"));
        keys.put("fixed-points", List.of("input_mode", "input_values", "probe_trial", "probe_step", "initial_states",
                "initial_noise", "method", "tol_q", "slow_q", "refresh_every", "at_end", "continuous_time"));
        keys.put("pca3d", List.of("selected_only", "limit"));
        keys.put("rsa", List.of("condition_columns", "distance", "from_step", "to_step", "model", "comparison"));
        keys.put("angles", List.of("group_column", "k", "from_step", "to_step"));
        keys.put("behaviour", List.of("millis"));
        keys.put("decoding", List.of("target", "decoder", "stride", "folds", "nback_matrix", "nback_procrustes_feature"));
        Map<String, Map<String, String>> saved = FxWait.fx(() -> window.captureState().panes());
        assertEquals(keys.keySet(), saved.keySet());
        keys.forEach((pane, k) -> assertEquals(k, List.copyOf(saved.get(pane).keySet()), pane));
        assertEquals(32, saved.values().stream().mapToInt(Map::size).sum());
        // every pane follows the theme (the 3D pane recolours its scene itself); back to light for the other tests
        assertTrue(FxWait.fx(() -> {
            window.setDark(true);
            return window.dark();
        }));
        assertEquals(false, FxWait.fx(() -> {
            window.setDark(false);
            return window.dark();
        }));
    }

    @Test
    void theExperimentPanelAddsItsTrainingAndSeedSectionsOnceTheFirstFrameIsOnScreen(FxRobot robot) throws Exception {
        List<String> all = List.of("Task", "Network", "Training", "Seed");
        org.attractorlab.app.experiment.ExperimentView panel =
                robot.lookup("#experiment-panel").queryAs(org.attractorlab.app.experiment.ExperimentView.class);
        FxWait.until("every section in the window's panel", () -> FxWait.fx(panel::sectionTitles).equals(all));
        assertTrue(robot.lookup("#field-training-steps").tryQuery().isPresent(), "the training fields");
        // the same on panels of their own: held, then shown; a rebuild (another sample) before that keeps the rest
        // held, one after it shows every section at once
        String sample = org.attractorlab.core.config.Samples.NAMES.get(0);
        FxWait.fx(() -> {
            var view = new org.attractorlab.app.experiment.ExperimentView(window.experimentViewModel());
            assertEquals(all, view.sectionTitles());
            view.deferBelowTheFold();
            assertEquals(List.of("Task", "Network"), view.sectionTitles());
            window.experimentViewModel().loadPreset(sample);
            assertEquals(List.of("Task", "Network"), view.sectionTitles(), "held until shown");
            view.showDeferred();
            assertEquals(all, view.sectionTitles());
            window.experimentViewModel().loadPreset(sample);
            assertEquals(all, view.sectionTitles(), "a rebuild after the first frame holds nothing back");
            view.dispose();
            return null;
        });
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
        FxWait.until("external frame", () -> window.analysis().showingExternalProperty().get()
                && window.analysis().frameProperty().get() != null);
        var frame = window.analysis().frameProperty().get();
        assertEquals(6, frame.states().trials());
        assertEquals(java.util.List.of("cat", "dog"), frame.states().conditions().levels("animal"));
        assertEquals(6 * 5 * 3, frame.projections().length);

        java.nio.file.Files.writeString(dir.resolve("bad.csv"), "animal\ncat\n");
        WaitForAsyncUtils.asyncFx(() -> window.openData(dir.resolve("x.npy"), dir.resolve("bad.csv"))).get();
        Label status = robot().lookup("#status").queryAs(Label.class);
        FxWait.until("error message", () -> status.getText().contains("Could not open the data")
                && status.getText().contains("bad.csv"));
    }

    private static FxRobot robot() {
        return new FxRobot();
    }
}
