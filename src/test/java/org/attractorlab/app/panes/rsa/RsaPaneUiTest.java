package org.attractorlab.app.panes.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Samples;
import org.attractorlab.figure.HeatmapData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RsaPaneUiTest {
    private static final List<String> CORNERS = List.of("-1,-1,-1", "-1,-1,1", "-1,1,-1", "-1,1,1", "1,-1,-1",
            "1,-1,1", "1,1,-1", "1,1,1");
    private AppWindow window;

    @Start
    void start(Stage stage) {
        window = new AppWindow(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=150", "training.batch_size=16")), false);
        stage.setScene(window.createScene(1600, 1000));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** Trains through the toolbar and waits until the pane shows the RDM of the last frame. */
    private RsaViewModel.Shown train(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        waitFor("the end of training", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        RsaViewModel vm = window.rsaViewModel();
        waitFor("the RDM of the last frame", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().frame() == window.analysis().frameProperty().get()
                && vm.shownProperty().get().frame().step() == 150);
        WaitForAsyncUtils.waitForFxEvents();
        return vm.shownProperty().get();
    }

    private Heatmap heatmap(FxRobot robot) {
        return robot.lookup("#rsa-heatmap").queryAs(Heatmap.class);
    }

    private static void assertMatrix(double[][] expected, HeatmapData shown) {
        assertEquals(expected.length, shown.rows());
        assertEquals(expected.length, shown.columns());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], shown.values()[i], 0.0, "row " + i);
        }
    }

    /** Opens a combo box and clicks the item with this text in its list. */
    static void choose(FxRobot robot, String combo, String item) throws Exception {
        robot.clickOn(combo);
        waitFor("'" + item + "' in the list of " + combo, () -> robot.lookup(".list-cell")
                .match((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".list-cell").match((ListCell<?> c) -> item.equals(c.getText()) && c.isVisible())
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterTrainingThePaneShowsTheRdmOfTheLastFrameAndRecomputesItForAnotherDistance(FxRobot robot)
            throws Exception {
        RsaViewModel.Shown s = train(robot);
        assertEquals(List.of("bit0", "bit1", "bit2"), s.options().conditionColumns());
        assertEquals(Distance.CORRELATION, s.options().distance());
        HeatmapData shown = heatmap(robot).data();
        int n = shown.rows();
        assertTrue(shown.rowLabels().containsAll(CORNERS), "the 8 corners of a 3-bit flip-flop: "
                + shown.rowLabels());
        assertEquals(n, s.grouping().size());
        assertMatrix(Rsa.compute(s.frame().states(), s.options()).data().matrix(), shown);
        assertEquals("correlation", shown.valueTitle());
        String score = robot.lookup("#rsa-status").queryAs(Label.class).getText();
        assertTrue(score.matches("Kendall tau-a vs bit0: -?\\d\\.\\d\\d"), score);

        choose(robot, "#rsa-distance", "euclidean");
        RsaViewModel vm = window.rsaViewModel();
        waitFor("the euclidean RDM", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().options().distance() == Distance.EUCLIDEAN);
        WaitForAsyncUtils.waitForFxEvents();
        RsaViewModel.Shown e = vm.shownProperty().get();
        assertMatrix(Rsa.compute(e.frame().states(), e.options()).data().matrix(), heatmap(robot).data());
        assertEquals("euclidean", heatmap(robot).data().valueTitle());

        robot.clickOn("#rsa-columns");
        waitFor("the column menu", () -> robot.lookup("bit2").tryQuery().isPresent());
        robot.clickOn("bit2");
        waitFor("the RDM by bit0 and bit1", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().options().conditionColumns().equals(List.of("bit0", "bit1")));
        WaitForAsyncUtils.waitForFxEvents();
        RsaViewModel.Shown two = vm.shownProperty().get();
        assertTrue(heatmap(robot).data().rowLabels().containsAll(List.of("-1,-1", "-1,1", "1,-1", "1,1")),
                heatmap(robot).data().rowLabels().toString());
        assertMatrix(Rsa.compute(two.frame().states(), two.options()).data().matrix(), heatmap(robot).data());
    }

    @Test
    void aDistanceThatCannotBeComputedIsShownAsAMessageInThePane(FxRobot robot) throws Exception {
        train(robot);
        // group by the number of pulses: with 128 probe trials some counts occur in a single trial
        RsaViewModel vm = window.rsaViewModel();
        WaitForAsyncUtils.asyncFx(() -> vm.conditionColumnsProperty().set(java.util.List.of("pulses"))).get();
        waitFor("the pulses grouping", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().grouping().columns().equals(java.util.List.of("pulses")));
        int[] counts = vm.shownProperty().get().grouping().counts();
        assertTrue(java.util.Arrays.stream(counts).min().orElseThrow() < org.attractorlab.core.study.RsaStudy.CROSSNOBIS_FOLDS,
                "this grouping has a condition with a single trial: " + java.util.Arrays.toString(counts));
        choose(robot, "#rsa-distance", "crossnobis");
        Label message = robot.lookup("#rsa-message").queryAs(Label.class);
        waitFor("the message", message::isVisible);
        assertTrue(message.getText().contains("has only 1 trials"), message.getText());
        assertNull(heatmap(robot).data(), "no stale RDM under the message");

        choose(robot, "#rsa-distance", "cosine");
        waitFor("the cosine RDM", () -> heatmap(robot).data() != null);
        assertTrue(!message.isVisible());
    }

    @Test
    void clickingACellSelectsTheTrialsOfItsRowConditionAndSelectionsElsewhereAreOutlined(FxRobot robot)
            throws Exception {
        RsaViewModel.Shown s = train(robot);
        Heatmap heatmap = heatmap(robot);
        int row = heatmap.data().rowLabels().indexOf("1,-1,1");
        int column = heatmap.data().rowLabels().indexOf("-1,1,1");
        robot.clickOn(heatmap.cellCentreOnScreen(row, column));
        WaitForAsyncUtils.waitForFxEvents();
        int[] of = s.grouping().conditionOfTrial();
        Set<Integer> expected = new HashSet<>();
        for (int t = 0; t < of.length; t++) {
            if (of[t] == row) {
                expected.add(t);
            }
        }
        assertTrue(!expected.isEmpty());
        assertEquals(expected, window.selection().trialsProperty().get());
        assertEquals(Set.of(row), heatmap.highlightedRows());
        assertEquals(Set.of(row), heatmap.highlightedColumns());
        Label status = robot.lookup("#rsa-status").queryAs(Label.class);
        assertEquals(heatmap.data().describe(row, column), status.getText(), "the hovered cell");
        assertTrue(status.getText().startsWith("bit0=1, bit1=-1, bit2=1  \u00d7  bit0=-1, bit1=1, bit2=1:"),
                status.getText());

        assertTrue(outlinePixels(heatmap) > 200, "the selected row and column are outlined in the drawing");

        int a = of[0];
        int b = of[5];
        robot.interact(() -> window.selection().selectTrials(Set.of(0, 5)));
        assertEquals(Set.of(a, b), heatmap.highlightedRows(), "rows of the conditions of the selected trials");
        robot.interact(() -> window.selection().clear());
        assertEquals(Set.of(), heatmap.highlightedRows());
        assertEquals(0, outlinePixels(heatmap), "no outline without a selection");
    }

    /** Pixels of the outline colour in the chart drawn at 400 x 400 (the colour appears nowhere else). */
    static int outlinePixels(Heatmap heatmap) throws Exception {
        java.awt.image.BufferedImage image = WaitForAsyncUtils.asyncFx(() -> heatmap.chart()
                .createBufferedImage(400, 400)).get(10, TimeUnit.SECONDS);
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == 0xFF2D7A) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theViewAndItsModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        train(robot);
        RsaViewModel[] vm = new RsaViewModel[1];
        RsaView[] view = new RsaView[1];
        robot.interact(() -> {
            vm[0] = new RsaViewModel(window.analysis().frameProperty(), window.selection(), window.drain(), window.workers());
            view[0] = new RsaView(vm[0], false);
            window.main().place("decoding", view[0]);
        });
        waitFor("a second RDM", () -> view[0].heatmap().data() != null);
        robot.interact(() -> window.selection().selectTrials(Set.of(1, 2)));
        assertTrue(!view[0].heatmap().highlightedRows().isEmpty());
        robot.interact(() -> {
            window.main().place("decoding", new Label("decoding"));
            view[0].dispose();
            vm[0].dispose();
        });
        WeakReference<RsaView> viewRef = new WeakReference<>(view[0]);
        WeakReference<RsaViewModel> vmRef = new WeakReference<>(vm[0]);
        view[0] = null;
        vm[0] = null;
        for (int i = 0; i < 100 && (viewRef.get() != null || vmRef.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(viewRef.get(), "the view is still reachable after dispose");
        assertNull(vmRef.get(), "the view model is still reachable after dispose");
        assertNotNull(window.rsaViewModel().shownProperty().get(), "the window's own pane is unaffected");
    }
}
