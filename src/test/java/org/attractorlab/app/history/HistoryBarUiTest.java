package org.attractorlab.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class HistoryBarUiTest {
    private static final int STEPS = 200;
    /** Snapshots at 0, 25, ..., 200. */
    private static final int SNAPSHOTS = STEPS / AppWindow.SNAPSHOT_EVERY + 1;

    private AppWindow window;
    private final List<AnalysisFrame> frames = new CopyOnWriteArrayList<>();
    private final ChangeListener<AnalysisFrame> recorder = (o, a, f) -> {
        if (f != null) {
            frames.add(f);
        }
    };

    @Start
    void start(Stage stage) {
        window = new AppWindow(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=" + STEPS, "training.batch_size=16")), false);
        window.analysis().frameProperty().addListener(recorder);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.analysis().frameProperty().removeListener(recorder);
            window.dispose();
        }).get(10, TimeUnit.SECONDS);
    }

    private boolean arrived(int step, boolean live) {
        return frames.stream().anyMatch(f -> f.step() == step && f.live() == live);
    }

    /** Trains through the toolbar and waits until the history bar follows the finished run. */
    private Slider trainToTheEnd(FxRobot robot) throws Exception {
        Slider slider = robot.lookup("#history-slider").queryAs(Slider.class);
        Label step = robot.lookup("#history-step").queryAs(Label.class);
        assertTrue(slider.isDisabled(), "one snapshot before training: nothing to choose");
        robot.clickOn("#train");
        FxWait.until("training to finish", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        FxWait.until("the slider to reach the last snapshot", () -> slider.getMax() == SNAPSHOTS - 1
                && slider.getValue() == SNAPSHOTS - 1 && step.getText().equals("step " + STEPS));
        FxWait.until("the live frame of the last step", () -> arrived(STEPS, true));
        assertTrue(robot.lookup("#history-live").queryAs(ToggleButton.class).isSelected());
        assertFalse(slider.isDisabled());
        return slider;
    }

    @Test
    void movingTheSliderShowsAnEarlierSnapshotAndLiveReturnsToTheNewest(FxRobot robot) throws Exception {
        Slider slider = trainToTheEnd(robot);
        Label step = robot.lookup("#history-step").queryAs(Label.class);
        ToggleButton live = robot.lookup("#history-live").queryAs(ToggleButton.class);
        Node thumb = slider.lookup(".thumb");

        robot.drag(thumb).dropTo(robot.point(slider).atPosition(Pos.CENTER_LEFT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, slider.getValue());
        assertEquals("step 0", step.getText());
        assertFalse(live.isSelected(), "choosing a past step leaves live mode");
        FxWait.until("the frame of step 0 from the history", () -> arrived(0, false));
        AnalysisFrame shown = window.analysis().frameProperty().get();
        assertEquals(0, shown.step());
        assertFalse(shown.live());

        assertTrue(slider.isFocused(), "the slider has the focus after dragging its thumb");
        robot.type(KeyCode.RIGHT, KeyCode.RIGHT);
        assertEquals("step 50", step.getText());
        FxWait.until("the frame of step 50", () -> arrived(50, false));
        robot.type(KeyCode.LEFT);
        FxWait.until("the frame of step 25", () -> window.analysis().frameProperty().get().step() == 25
                && !window.analysis().frameProperty().get().live());
        assertEquals(1, slider.getValue());

        frames.clear();
        robot.clickOn(live);
        assertEquals(SNAPSHOTS - 1, slider.getValue(), "live jumps to the newest snapshot");
        assertEquals("step " + STEPS, step.getText());
        FxWait.until("a live frame of the last step", () -> arrived(STEPS, true));
    }

    @Test
    void aPastStepStaysOnScreenWhileTrainingGoesOnUntilLiveIsSwitchedBackOn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            window.session().configProperty().set(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                    List.of("model.hidden_size=16", "training.steps=100000", "training.batch_size=16")));
            window.session().reset();
        }).get(10, TimeUnit.SECONDS);
        Slider slider = robot.lookup("#history-slider").queryAs(Slider.class);
        Label step = robot.lookup("#history-step").queryAs(Label.class);
        robot.clickOn("#train");
        FxWait.until("a few snapshots", () -> slider.getMax() >= 3);
        assertEquals(slider.getMax(), slider.getValue(), "live: the slider follows training");

        robot.drag(slider.lookup(".thumb")).dropTo(robot.point(slider).atPosition(Pos.CENTER_LEFT));
        FxWait.until("the frame of step 0", () -> arrived(0, false));
        frames.clear();
        double max = slider.getMax();
        FxWait.until("training to go on", () -> slider.getMax() >= max + 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, slider.getValue(), "the chosen step stays while training goes on");
        assertEquals("step 0", step.getText());
        assertTrue(frames.isEmpty(), "no live frame replaces the chosen step: " + frames.size() + " arrived");
        assertEquals(0, window.analysis().frameProperty().get().step());

        robot.clickOn("#history-live");
        FxWait.until("live frames again", () -> frames.stream().anyMatch(f -> f.live() && f.step() > 0));
        FxWait.until("the slider to follow training again", () -> slider.getValue() == slider.getMax()
                && slider.getMax() > max + 3);
        robot.clickOn("#stop");
        FxWait.until("training to stop", () -> window.session().phaseProperty().get() == Phase.FINISHED);
    }

    @Test
    void playStepsThroughTheHistoryAndStopsAtTheEnd(FxRobot robot) throws Exception {
        trainToTheEnd(robot);
        Button play = robot.lookup("#history-play").queryAs(Button.class);
        frames.clear();
        robot.clickOn(play);
        assertEquals("Pause", play.getText());
        assertFalse(robot.lookup("#history-live").queryAs(ToggleButton.class).isSelected());
        FxWait.until("play to reach the last snapshot", () -> play.getText().equals("Play") && arrived(STEPS, false));

        List<Integer> steps = new ArrayList<>();
        for (AnalysisFrame f : frames) {
            assertFalse(f.live(), "history frames only while playing");
            steps.add(f.step());
        }
        assertEquals(0, steps.get(0), "play starts from the first snapshot: " + steps);
        assertEquals(STEPS, steps.get(steps.size() - 1), steps.toString());
        assertTrue(steps.size() >= 5, "play shows the steps in between: " + steps);
        for (int i = 1; i < steps.size(); i++) {
            assertTrue(steps.get(i) > steps.get(i - 1), "steps go forward: " + steps);
        }
        assertEquals("step " + STEPS, robot.lookup("#history-step").queryAs(Label.class).getText());
    }

    @Test
    void theViewAndItsViewModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        WeakReference<?>[] refs = new WeakReference<?>[2];
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            HistoryViewModel vm = new HistoryViewModel(window.session(), window.analysis());
            HistoryView view = new HistoryView(vm);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view, 800, 60));
            stage[0].show();
            refs[0] = new WeakReference<>(vm);
            refs[1] = new WeakReference<>(view);
        }).get(10, TimeUnit.SECONDS);
        robot.clickOn("#train");
        FxWait.until("training to finish", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        WaitForAsyncUtils.asyncFx(() -> {
            HistoryViewModel vm = (HistoryViewModel) refs[0].get();
            vm.select(1);
            vm.togglePlay();
            HistoryView view = (HistoryView) stage[0].getScene().getRoot();
            stage[0].getScene().setRoot(new javafx.scene.layout.Pane());
            stage[0].close();
            view.dispose();
            vm.dispose();
        }).get(10, TimeUnit.SECONDS);
        stage[0] = null;
        FxWait.collected(refs[0], refs[1]);
        assertNull(refs[0].get(), "the view model is still reachable after dispose");
        assertNull(refs[1].get(), "the view is still reachable after dispose");
    }
}
