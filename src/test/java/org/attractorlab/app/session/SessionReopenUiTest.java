package org.attractorlab.app.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.run.SessionState;
import org.attractorlab.core.study.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A session saved by one window reopens in another through "Open session...", where it was. */
@ExtendWith(ApplicationExtension.class)
class SessionReopenUiTest {
    private Stage stage;
    private AppWindow first;
    private AppWindow second;
    private Path sessions;

    static ExperimentConfig flipFlop(int hidden, int steps) {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"), List.of("model.hidden_size=" + hidden,
                "training.steps=" + steps, "training.batch_size=16", "task.trial_steps=40"));
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        sessions = Files.createTempDirectory("attractor-lab-sessions");
        first = new AppWindow(flipFlop(16, 100000), false, sessions);
        stage.setScene(first.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        for (AppWindow w : new AppWindow[] {first, second}) {
            if (w != null) {
                WaitForAsyncUtils.asyncFx(w::dispose).get(20, TimeUnit.SECONDS);
            }
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private static HiddenStates probeStates(Experiment e) {
        Network copy = e.network().copy();
        return Probe.states(copy, Probe.batch(e, LiveAnalysis.PROBE_TRIALS));
    }

    /** Trains the first window a little, pauses, changes layout, selection and settings, and saves. */
    private Path trainAndArrange(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        FxWait.until("training", () -> first.lossViewModel().points() > 30);
        robot.clickOn("#pause");
        FxWait.until("pause", () -> first.session().phaseProperty().get() == Phase.PAUSED);
        FxWait.until("a few history snapshots", () -> first.historyViewModel().countProperty().get() >= 3);
        fx(() -> {
            first.main().setDividerPositions(new double[] {0.3, 0.5, 0.7, 0.35, 0.2, 0.45, 0.8});
            SelectionModel s = first.selection();
            s.colorByProperty().set("bit1");
            s.selectTrials(Set.of(3, 8, 21));
            s.timeStepProperty().set(17);
            first.rsaViewModel().distanceProperty().set(Distance.EUCLIDEAN);
            first.pca3dViewModel().limitProperty().set(9);
            first.lossViewModel().logScaleProperty().set(false);
            first.fixedPointsViewModel().settings().initialNoiseProperty().set("0.25");
            first.historyViewModel().select(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            first.saveNow();
            return null;
        });
        first.flushSaves();
        return first.sessionDirectory();
    }

    private void openSecondWindow() throws Exception {
        Path otherSessions = Files.createTempDirectory("attractor-lab-sessions-2");
        fx(() -> {
            first.dispose();
            first = null;
            second = new AppWindow(flipFlop(24, 500), false, otherSessions);
            stage.setScene(second.createScene(1280, 800));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSavedSessionReopensThroughTheToolbarWithLayoutSelectionSettingsHistoryAndLog(FxRobot robot)
            throws Exception {
        Path dir = trainAndArrange(robot);
        SessionState saved = fx(first::captureState);
        ExperimentConfig config = first.session().configProperty().get();
        int steps = first.session().statusProperty().get().step();
        int lossPoints = first.lossViewModel().points();
        int historyCount = first.historyViewModel().countProperty().get();
        int historyStep = first.historyViewModel().stepProperty().get();
        HiddenStates before = probeStates(first.session().serviceProperty().get().experiment());
        assertTrue(historyStep > 0 && historyStep < steps, "a past step is shown: " + historyStep);

        openSecondWindow();
        second.opener().setChooser(() -> dir);
        robot.clickOn("#open-session");
        FxWait.until("the session to open", () -> second.opener().openedProperty().get().equals(dir.toString())
                || !second.opener().errorProperty().get().isEmpty());
        assertEquals("", second.opener().errorProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(config, second.session().configProperty().get());
        assertEquals(steps, second.session().statusProperty().get().step());
        assertEquals(lossPoints, second.lossViewModel().points(), "the loss chart is filled from training.csv");
        assertEquals(historyCount, second.historyViewModel().countProperty().get(), "the history slider's snapshots");
        FxWait.until("the history to go back to step " + historyStep,
                () -> !second.historyViewModel().liveProperty().get()
                        && second.historyViewModel().stepProperty().get() == historyStep);
        Slider slider = robot.lookup("#history-slider").queryAs(Slider.class);
        assertEquals(second.historyViewModel().indexProperty().get(), (int) Math.round(slider.getValue()));

        SessionState reopened = fx(second::captureState);
        assertEquals(saved.selection(), reopened.selection());
        assertEquals(saved.panes(), reopened.panes());
        assertEquals("euclidean", reopened.panes().get("rsa").get("distance"));
        assertEquals("9", reopened.panes().get("pca3d").get("limit"));
        assertEquals("0.25", reopened.panes().get("fixed-points").get("initial_noise"));
        assertEquals(Set.of(3, 8, 21), second.selection().trialsProperty().get());
        double[] a = saved.layout();
        double[] b = reopened.layout();
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 0.01, "divider " + i + " of " + java.util.Arrays.toString(b));
        }

        HiddenStates after = probeStates(second.session().serviceProperty().get().experiment());
        assertArrayEquals(before.states(), after.states(), "bit-identical probe states");
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertTrue(status.getText().contains("Opened") && status.getText().contains("step " + steps),
                status.getText());

        // training resumes from the saved step, into the same directory
        assertEquals(dir, second.sessionDirectory());
        fx(() -> {
            second.historyViewModel().liveProperty().set(true);
            return null;
        });
        robot.clickOn("#train");
        FxWait.until("training past the saved step", () -> second.session().statusProperty().get().step() > steps + 5);
        robot.clickOn("#pause");
        FxWait.until("pause", () -> second.session().phaseProperty().get() == Phase.PAUSED);
        second.flushSaves();
        FxWait.until("the log to grow on disk", () -> org.attractorlab.core.run.RunDirectory.open(dir).readTrainingLog()
                .size() > steps);
    }

    @Test
    void aCorruptSessionIsRefusedNamingTheFileAndLeftUntouched(FxRobot robot) throws Exception {
        Path dir = trainAndArrange(robot);
        first.flushSaves();
        openSecondWindow();
        ExperimentConfig current = second.session().configProperty().get();
        Path model = dir.resolve("model.npz");
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        Map<String, String> hashes = hashes(dir);

        second.opener().setChooser(() -> dir);
        robot.clickOn("#open-session");
        FxWait.until("the error", () -> !second.opener().errorProperty().get().isEmpty());
        String error = second.opener().errorProperty().get();
        assertTrue(error.contains(model.toString()), error);
        Label status = robot.lookup("#status").queryAs(Label.class);
        FxWait.until("the message", () -> status.getText().contains("Could not open the session")
                && status.getText().contains("model.npz"));
        assertEquals(current, second.session().configProperty().get(), "the current session goes on");

        AtomicReference<Path> own = new AtomicReference<>(second.sessionDirectory());
        fx(() -> {
            second.dispose();
            second = null;
            return null;
        });
        assertTrue(!dir.equals(own.get()), "autosave never adopts an unreadable session");
        assertEquals(hashes, hashes(dir), "nothing in the unreadable session was written");
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(d));
            }
        }
        return out;
    }
}
