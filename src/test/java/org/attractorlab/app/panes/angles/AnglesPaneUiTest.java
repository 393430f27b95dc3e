package org.attractorlab.app.panes.angles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.figure.HeatmapData;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AnglesPaneUiTest {
    private static final double DEGREES = 1e-9;
    private AppWindow window;

    @Start
    void start(Stage stage) {
        window = new AppWindow(ConfigLoader.standard().fromOverrides(List.of("task.name=context-integration",
                "model.hidden_size=16", "training.steps=50")), false);
        stage.setScene(window.createScene(1600, 1000));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private AnglesViewModel.Shown train(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        FxWait.until("the end of training", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        AnglesViewModel vm = window.anglesViewModel();
        FxWait.until("the angles of the last frame", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().frame() == window.analysis().frameProperty().get()
                && vm.shownProperty().get().frame().step() == 50);
        WaitForAsyncUtils.waitForFxEvents();
        return vm.shownProperty().get();
    }

    private Heatmap heatmap(FxRobot robot) {
        return robot.lookup("#angles-heatmap").queryAs(Heatmap.class);
    }

    private static void choose(FxRobot robot, String combo, String item) throws Exception {
        robot.clickOn(combo);
        FxWait.until("'" + item + "' in the list of " + combo, () -> robot.lookup(".list-cell")
                .match((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible())
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String spinner, int value) {
        Spinner<?> s = robot.lookup(spinner).queryAs(Spinner.class);
        robot.doubleClickOn(s.getEditor()).eraseText(8).write(Integer.toString(value)).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterTrainingTheContextGroupsShowASymmetricAngleMatrixWithZeroDiagonal(FxRobot robot) throws Exception {
        AnglesViewModel.Shown s = train(robot);
        HeatmapData shown = heatmap(robot).data();
        assertEquals("context", s.result().options().groupColumn());
        assertEquals(List.of("0", "1"), shown.rowLabels());
        SubspaceAngleResult expected = SubspaceAngles.compute(s.frame().states(), s.result().options());
        for (int i = 0; i < 2; i++) {
            assertEquals(0, shown.value(i, i), 0.0, "zero diagonal");
            for (int j = 0; j < 2; j++) {
                assertEquals(shown.value(i, j), shown.value(j, i), 0.0, "symmetric");
                assertEquals(Math.toDegrees(expected.meanAngle()[i][j]), shown.value(i, j), DEGREES);
            }
        }
        assertTrue(shown.value(0, 1) > 0, "the two contexts use different subspaces: " + shown.value(0, 1));
    }

    @Test
    void clickingACellShowsThePairsAngleSpectrumAndSelectsTheRowGroup(FxRobot robot) throws Exception {
        AnglesViewModel.Shown s = train(robot);
        Heatmap heatmap = heatmap(robot);
        robot.clickOn(heatmap.cellCentreOnScreen(1, 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new SelectionModel.Condition("context", 1.0), window.selection().conditionProperty().get());
        assertEquals(Set.of(1), heatmap.highlightedRows());
        XYDataset spectrum = robot.lookup("#angles-view").queryAs(AnglesView.class).spectrumChart().getXYPlot()
                .getDataset();
        double[] angles = s.result().angles(1, 0);
        assertEquals(3, angles.length);
        assertEquals(angles.length, spectrum.getItemCount(0));
        for (int a = 0; a < angles.length; a++) {
            assertEquals(Math.toDegrees(angles[a]), spectrum.getYValue(0, a), DEGREES);
        }
        assertEquals("context: 1 vs 0",
                robot.lookup("#angles-view").queryAs(AnglesView.class).spectrumChart().getTitle().getText());
        Label hover = robot.lookup("#angles-hover").queryAs(Label.class);
        assertEquals(heatmap.data().describe(1, 0), hover.getText());
    }

    @Test
    void aGroupTooSmallForTheSubspaceIsExplainedInThePane(FxRobot robot) throws Exception {
        AnglesViewModel.Shown s = train(robot);
        double[] coherence = s.frame().states().conditions().column("coherence_motion");
        int smallest = (int) Arrays.stream(coherence).distinct().mapToLong(v -> Arrays.stream(coherence)
                .filter(x -> x == v).count()).min().orElseThrow();
        assertTrue(smallest <= 16, "8 coherence groups of 128 trials: one has at most 16");
        choose(robot, "#angles-column", "coherence_motion");
        type(robot, "#angles-to", 11);
        type(robot, "#angles-from", 10);
        type(robot, "#angles-k", smallest);
        Label message = robot.lookup("#angles-message").queryAs(Label.class);
        FxWait.until("the message", message::isVisible);
        assertTrue(message.getText().contains("is too small: " + smallest + " trials x 1 steps"), message.getText());
        assertNull(heatmap(robot).data(), "no stale matrix under the message");

        type(robot, "#angles-k", 2);
        FxWait.until("the angles again", () -> heatmap(robot).data() != null);
        assertEquals(2, window.anglesViewModel().shownProperty().get().result().options().k());
        assertEquals(10, window.anglesViewModel().shownProperty().get().result().options().fromStep());
        assertTrue(!message.isVisible());
    }

    @Test
    void theViewAndItsModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        train(robot);
        AnglesViewModel[] vm = new AnglesViewModel[1];
        AnglesView[] view = new AnglesView[1];
        robot.interact(() -> {
            vm[0] = new AnglesViewModel(window.analysis().frameProperty(), window.selection(), window.drain(), window.workers());
            view[0] = new AnglesView(vm[0], false);
            window.main().place("decoding", view[0]);
        });
        FxWait.until("a second angle matrix", () -> view[0].heatmap().data() != null);
        robot.interact(() -> vm[0].select(new Heatmap.Cell(0, 1)));
        robot.interact(() -> {
            window.main().place("decoding", new Label("decoding"));
            view[0].dispose();
            vm[0].dispose();
        });
        WeakReference<AnglesView> viewRef = new WeakReference<>(view[0]);
        WeakReference<AnglesViewModel> vmRef = new WeakReference<>(vm[0]);
        view[0] = null;
        vm[0] = null;
        FxWait.collected(viewRef, vmRef);
        assertNull(viewRef.get(), "the view is still reachable after dispose");
        assertNull(vmRef.get(), "the view model is still reachable after dispose");
    }
}
