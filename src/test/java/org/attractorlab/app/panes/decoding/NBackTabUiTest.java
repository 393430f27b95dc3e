package org.attractorlab.app.panes.decoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.task.NBackTask;
import org.attractorlab.figure.HeatmapData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The decoding pane's N-back tab on a small nine-task network, against the studies it shows. */
@ExtendWith(ApplicationExtension.class)
class NBackTabUiTest {
    private static final double EXACT = 0.0;
    private Stage stage;
    private AppWindow window;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
        }
    }

    private void open(ExperimentConfig config) throws Exception {
        Path sessions = Files.createTempDirectory("attractor-lab-sessions");
        WaitForAsyncUtils.asyncFx(() -> {
            window = new AppWindow(config, false, sessions);
            stage.setScene(window.createScene(1600, 1000));
            stage.show();
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theNBackViewBuiltAfterAThemeSwitchTakesTheThemeOfItsDay(FxRobot robot) throws Exception {
        open(ConfigLoader.standard().parse(Samples.json("nback-9task"), List.of("task.stimulus_encoding=symbolic",
                "model.cell=vanilla", "model.hidden_size=32")));
        DecodingView decoding = robot.lookup("#decoding-view").queryAs(DecodingView.class);
        fx(() -> window.setDark(true));
        fx(() -> decoding.tabs().getSelectionModel().select(1));
        NBackView view = robot.lookup("#nback-view").queryAs(NBackView.class);
        assertEquals(org.attractorlab.figure.ChartStyle.background(true), FxWait.fx(() -> view.heatmap().chart()
                .getBackgroundPaint()), "built dark after the switch to dark");
        fx(() -> window.setDark(false));
        assertEquals(org.attractorlab.figure.ChartStyle.background(false), FxWait.fx(() -> view.heatmap().chart()
                .getBackgroundPaint()), "and rethemed with the window from then on");
    }

    @Test
    void nBackTabShowsTheNineByNineMatrixTheBarsAndFollowsTheStep(FxRobot robot) throws Exception {
        open(ConfigLoader.standard().parse(Samples.json("nback-9task"), List.of("task.stimulus_encoding=symbolic",
                "model.cell=vanilla", "model.hidden_size=32", "training.steps=30", "training.batch_size=32")));
        DecodingView decoding = robot.lookup("#decoding-view").queryAs(DecodingView.class);
        assertTrue(robot.lookup("#nback-view").tryQuery().isEmpty(), "the N-back view is built when first shown");
        robot.clickOn("#train");
        FxWait.until("training to finish", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        NBackViewModel hidden = (NBackViewModel) decoding.tabs().getTabs().get(1).getUserData();
        assertEquals(null, hidden.shownProperty().get(), "nothing computed while the tab is hidden");
        fx(() -> decoding.tabs().getSelectionModel().select(1));
        NBackView view = robot.lookup("#nback-view").queryAs(NBackView.class);
        Label summary = robot.lookup("#nback-summary").queryAs(Label.class);
        // the result shown and the heatmap drawn, read together on the FX thread (a later frame may replace both)
        java.util.concurrent.atomic.AtomicReference<Object[]> seen = new java.util.concurrent.atomic.AtomicReference<>();
        FxWait.until("the N-back analyses of the last frame", () -> FxWait.fx(() -> {
            NBackViewModel.Shown s = view.viewModel().shownProperty().get();
            HeatmapData d = view.heatmap().data();
            seen.set(new Object[]{s, d});
            return s != null && s.frame().step() == 30 && d != null
                    && summary.getText().startsWith("Cross-task: 9 tasks");
        }));
        NBackViewModel.Shown shown = (NBackViewModel.Shown) seen.get()[0];
        HeatmapData drawn = (HeatmapData) seen.get()[1];
        assertEquals(NBackTask.TASKS, drawn.rows());
        assertEquals(NBackTask.TASKS, drawn.columns());
        assertEquals("C1", drawn.columnLabels().get(6), "short task labels");
        // the category matrix of the study with its defaults on the frame's states
        assertEquals(CrossTaskStudy.defaultsFor(shown.frame().states()), shown.crossTask().settings());
        CrossTaskStudy.FeatureMatrix expected = shown.crossTask().matrices().get(2);
        assertEquals("category", expected.feature());
        for (int i = 0; i < NBackTask.TASKS; i++) {
            for (int j = 0; j < NBackTask.TASKS; j++) {
                assertEquals(expected.accuracy(i, j), drawn.value(i, j), EXACT, "cell " + i + ", " + j);
            }
        }
        var charts = view.barCharts();
        assertEquals(NBackTask.TASKS, charts.get(0).getCategoryPlot().getDataset().getColumnCount());
        assertEquals(3, charts.get(0).getCategoryPlot().getDataset().getRowCount(), "one bar per feature");
        assertEquals(3, charts.get(1).getCategoryPlot().getDataset().getColumnCount(), "three features");
        String all = view.viewModel().summaryProperty().get();
        assertTrue(all.contains("category at step 5"), "the last step by default: " + all);
        assertTrue(summary.getText().startsWith("Cross-task:") && !summary.getText().contains("\n"),
                "the cross-task line under the matrix: " + summary.getText());

        fx(() -> view.tabs().getSelectionModel().select(2));
        Label message = robot.lookup("#nback-message").queryAs(Label.class);
        robot.doubleClickOn("#nback-orth-step .text-field").write("2\n");
        FxWait.until("the index at step 2; message: " + message.getText(),
                () -> summary.getText().startsWith("Orthogonalisation:")
                        && summary.getText().contains("category at step 2"));
        OrthogonalisationStudy.Comparison atTwo = view.viewModel().shownProperty().get().orthogonalisation().get(2);
        assertEquals(2, atTwo.step());
        var orth = charts.get(1).getCategoryPlot().getDataset();
        assertEquals(atTwo.encoding().index(), orth.getValue("encoding (hidden states)", "category (step 2)")
                .doubleValue(), EXACT);
        assertEquals(atTwo.perceptual().index(), orth.getValue("perceptual (stimulus inputs)", "category (step 2)")
                .doubleValue(), EXACT);
    }
}
