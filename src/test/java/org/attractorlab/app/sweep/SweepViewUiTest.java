package org.attractorlab.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSeriesTest;
import org.attractorlab.core.sweep.SweepSpec;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.sweep.SweepNetworks;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.HeatmapData;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SweepViewUiTest {
    @TempDir
    Path tmp;
    private AppWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new AppWindow(Samples.load(Samples.NAMES.get(0)), false, Files.createTempDirectory("sweep-sessions"));
        stage.setScene(window.createScene(1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private SweepWindow open(Path dir) throws Exception {
        FxWait.fx(() -> {
            window.openSweep(dir);
            return null;
        });
        FxWait.until("the sweep window", () -> FxWait.fx(() -> window.sweeps().windows().size() == 1));
        return FxWait.fx(() -> window.sweeps().windows().get(0));
    }

    @Test
    void theTableFiltersThePlotAveragesSeedsARecordWrittenLaterAppearsAndTheClosedViewIsCollected(FxRobot robot)
            throws Exception {
        // 2 sizes x 2 rates x 3 seeds, run 1 failed and run 5 not yet done
        SweepDirectory sweep = SweepSeriesTest.sizesAndRates(tmp.resolve("s"), true);
        List<WeakReference<?>> refs = exerciseAndClose(sweep, robot);
        FxWait.collected(refs.toArray(WeakReference[]::new));
        assertNull(refs.get(0).get(), "the sweep view model is still reachable after its window closed");
        assertNull(refs.get(1).get(), "the sweep view is still reachable after its window closed");
    }

    /** Checks the open view, closes it and returns weak references to its view model and view. */
    private List<WeakReference<?>> exerciseAndClose(SweepDirectory sweep, FxRobot robot) throws Exception {
        SweepWindow w = open(sweep.dir());
        SweepViewModel vm = w.viewModel();
        FxWait.until("the runs", () -> FxWait.fx(() -> w.view().table().getItems().size() == 12
                && vm.seriesProperty().get() != null));
        assertEquals("12 runs: 10 done, 1 failed, 1 pending", FxWait.fx(() -> vm.countsProperty().get()));
        assertEquals(List.of("run", "state", "model.hidden_size", "training.learning_rate", "seed", "final_loss"),
                FxWait.fx(() -> w.view().table().getColumns().stream().map(c -> c.getText()).toList()));

        robot.interact(() -> vm.filterProperty("model.hidden_size").set("8"));
        assertEquals(6, (int) FxWait.fx(() -> w.view().table().getItems().size()));
        assertTrue(FxWait.fx(() -> w.view().table().getItems().stream()
                .allMatch(r -> r.axes().get("model.hidden_size").equals("8"))));
        robot.interact(() -> vm.filterProperty("model.hidden_size").set(SweepViewModel.ALL));

        // only the pending run 5 shown: no plot, and the message says why
        robot.interact(() -> {
            vm.filterProperty("model.hidden_size").set("16");
            vm.filterProperty("training.learning_rate").set("0.02");
            vm.filterProperty("seed").set("3");
        });
        assertNull(FxWait.fx(() -> vm.seriesProperty().get()));
        assertEquals("No done run among the runs shown has final_loss",
                FxWait.fx(() -> vm.plotMessageProperty().get()));
        assertTrue(robot.lookup("#sweep-plot-message").query().isVisible());
        assertFalse(robot.lookup("#sweep-chart").query().isVisible());
        robot.interact(() -> List.of("model.hidden_size", "training.learning_rate", "seed")
                .forEach(a -> vm.filterProperty(a).set(SweepViewModel.ALL)));

        // final_loss against the size, one line per rate, averaged over the seeds: as SweepSeries computes it
        robot.interact(() -> {
            vm.xAxisProperty().set("model.hidden_size");
            vm.seriesAxisProperty().set("training.learning_rate");
        });
        SweepSeries s = FxWait.fx(() -> vm.seriesProperty().get());
        assertEquals(List.of("0.01", "0.02"), s.lines().stream().map(SweepSeries.Line::value).toList());
        SweepSeries.Point last = s.lines().get(1).points().get(1);
        assertEquals(2, last.n(), "run 5 is not done yet");
        assertEquals(0.1815, last.mean(), 1e-12);
        assertEquals(2, FxWait.fx(() -> w.view().chartViewer().getChart().getXYPlot().getDataset().getSeriesCount()));

        // live: the record of run 5 written while the view is open
        SweepPoint p5 = sweep.plan().points().get(5);
        Files.createDirectories(sweep.runDir(p5));
        new RunRecord(5, RunRecord.State.DONE, "", 1, "node", Map.of("final_loss", 0.183)).write(sweep.runDir(p5));
        FxWait.until("run 5 in the plot", () -> FxWait.fx(() ->
                vm.seriesProperty().get().lines().get(1).points().get(1).n() == 3));
        assertEquals("12 runs: 11 done, 1 failed", FxWait.fx(() -> vm.countsProperty().get()));
        assertEquals(0.182, FxWait.fx(() -> vm.seriesProperty().get().lines().get(1).points().get(1).mean()), 1e-12);

        // the plot exports like a pane's figure
        assertTrue(FxWait.fx(() -> w.exports().panes().contains(SweepWindow.FIGURE)));
        assertTrue(robot.lookup("#export-" + SweepWindow.FIGURE).tryQuery().isPresent());

        WeakReference<SweepViewModel> vmRef = new WeakReference<>(vm);
        WeakReference<SweepView> viewRef = new WeakReference<>(w.view());
        FxWait.fx(() -> {
            w.close();
            return null;
        });
        assertEquals(0, (int) FxWait.fx(() -> window.sweeps().windows().size()));
        return List.of(vmRef, viewRef);
    }

    @Test
    void twoOpensInARowOpenTwoWindowsNotOnlyTheNewest() throws Exception {
        SweepDirectory sweep = SweepSeriesTest.sizesAndRates(tmp.resolve("twice"), true);
        FxWait.fx(() -> {
            window.openSweep(sweep.dir());
            window.openSweep(sweep.dir()); // before the first is read: both are requests of their own
            return null;
        });
        FxWait.until("two sweep windows", () -> FxWait.fx(() -> window.sweeps().windows().size() == 2));
        FxWait.fx(() -> {
            window.sweeps().windows().forEach(SweepWindow::close);
            return null;
        });
        assertEquals(0, (int) FxWait.fx(() -> window.sweeps().windows().size()));
    }

    @Test
    void switchingTheExplorersThemeRecoloursTheSweepChartUntilTheWindowCloses(FxRobot robot) throws Exception {
        SweepDirectory sweep = SweepSeriesTest.sizesAndRates(tmp.resolve("s"), true);
        SweepWindow w = open(sweep.dir());
        FxWait.until("the plot", () -> FxWait.fx(() -> w.view().chartViewer().getChart() != null));
        JFreeChart before = FxWait.fx(() -> w.view().chartViewer().getChart());
        assertEquals(ChartStyle.background(false), before.getBackgroundPaint());
        try {
            FxWait.fx(() -> {
                window.setDark(true);
                return null;
            });
            assertEquals(ChartStyle.background(true), before.getBackgroundPaint(), "the chart shown is recoloured");
            assertEquals(ChartStyle.background(true), before.getXYPlot().getBackgroundPaint());
            assertEquals(ChartStyle.foreground(true), before.getXYPlot().getDomainAxis().getTickLabelPaint());
            // a plot drawn after the switch (one line per rate now) is dark from the start
            robot.interact(() -> w.viewModel().seriesAxisProperty().set("training.learning_rate"));
            JFreeChart after = FxWait.fx(() -> w.view().chartViewer().getChart());
            assertNotSame(before, after);
            assertEquals(ChartStyle.background(true), after.getBackgroundPaint());

            // closed, the window no longer follows the theme
            FxWait.fx(() -> {
                w.close();
                window.setDark(false);
                return null;
            });
            assertEquals(ChartStyle.background(true), after.getBackgroundPaint(), "a closed window was recoloured");
        } finally {
            FxWait.fx(() -> {
                window.setDark(false);
                return null;
            });
        }
    }

    @Test
    void doubleClickingARunOpensItInTheExplorerPanes(FxRobot robot) throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 12]}, "
                + "\"set\": {\"training.steps\": 5, \"training.batch_size\": 8, \"training.checkpoint_every\": 0}}",
                null);
        SweepDirectory sweep = SweepDirectory.prepare(tmp.resolve("trained"), SweepPlan.of(spec));
        LocalSweep.Outcome out = LocalSweep.run(sweep, 1, p -> {
        }, new AtomicBoolean());
        assertEquals(2, out.progress().done());
        SweepWindow w = open(sweep.dir());
        FxWait.until("the two runs", () -> FxWait.fx(() -> w.view().table().getItems().size() == 2
                && w.view().table().getItems().get(1).state().equals("done")));
        TableView<RunRow> table = w.view().table();
        robot.interact(() -> w.stage().toFront());
        robot.doubleClickOn(robot.lookup("#sweep-table .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        Path second = sweep.runDir(sweep.plan().points().get(1));
        FxWait.until("the run opened in the explorer", () -> FxWait.fx(() ->
                window.opener().openedProperty().get().equals(second.toString())));
        assertEquals(12, (int) FxWait.fx(() -> window.session().configProperty().get().model().hiddenSize()));
        assertTrue(FxWait.fx(() -> w.viewModel().statusProperty().get()).contains(second.getFileName().toString()),
                "the status names the run");
        assertTrue(table.getItems().size() == 2);
    }

    @Test
    void anEvidenceSweepHasAnOodTabThatDrawsOodAndInDistributionAgainstTheNumberOfTasks(FxRobot robot)
            throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"evidence-multitask\", \"grid\": {\"task.task_count\": [1, 2]}, "
                + "\"seeds\": [1], \"set\": {\"training.steps\": 5, \"model.hidden_size\": 12, "
                + "\"task.stimulus_steps\": 4, \"training.checkpoint_every\": 0, \"training.validation_every\": 0}}",
                null);
        SweepDirectory sweep = SweepDirectory.prepare(tmp.resolve("ood"), SweepPlan.of(spec));
        assertEquals(2, LocalSweep.run(sweep, 1, p -> { }, new AtomicBoolean()).progress().done());
        SweepWindow w = open(sweep.dir());
        OodTasksViewModel ood = w.oodViewModel();
        assertTrue(ood != null, "an evidence-multitask sweep has the OOD tab");
        robot.interact(() -> {
            w.stage().toFront();
            ((javafx.scene.control.TabPane) robot.lookup("#sweep-tabs").query()).getSelectionModel().select(2);
        });
        robot.clickOn("#sweep-ood-compute");
        FxWait.until("the OOD figure", () -> FxWait.fx(() -> ood.computedProperty().get() != null
                && !ood.busyProperty().get()));
        org.attractorlab.core.sweep.OodVsTasks.Result expected = org.attractorlab.core.sweep.OodVsTasks.of(sweep);
        assertEquals(expected, FxWait.fx(() -> ood.computedProperty().get()), "what export --figure ood-vs-tasks draws");
        org.jfree.data.xy.XYDataset d = FxWait.fx(() -> w.oodView().chartViewer().getChart().getXYPlot().getDataset());
        assertEquals(2, d.getSeriesCount(), "D = 2: OOD and in-distribution");
        assertEquals(2, d.getItemCount(0), "N_task 1 and 2");
        assertEquals(expected.points().get(1).idMean(), d.getYValue(1, 1), 0);
        assertTrue(FxWait.fx(() -> ood.messageProperty().get()).startsWith("2 runs, D in [2], N_task in [1, 2]"),
                FxWait.fx(() -> ood.messageProperty().get()));
        assertTrue(FxWait.fx(() -> w.exports().panes().contains(SweepWindow.OOD)));
    }

    @Test
    void thePopulationTabComputesTheStudysMatrixAndAClickedCellSelectsItsTwoRuns(FxRobot robot) throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 12]}, "
                + "\"seeds\": [1, 2], \"set\": {\"training.steps\": 5, \"training.batch_size\": 8, "
                + "\"training.checkpoint_every\": 0, \"task.trial_steps\": 40}}", null);
        SweepDirectory sweep = SweepDirectory.prepare(tmp.resolve("pop"), SweepPlan.of(spec));
        assertEquals(4, LocalSweep.run(sweep, 1, p -> { }, new AtomicBoolean()).progress().done());
        SweepWindow w = open(sweep.dir());
        assertNull(w.oodViewModel(), "no OOD tab for a flip-flop sweep");
        PopulationViewModel pop = w.viewModel().population();
        FxWait.until("the four runs", () -> FxWait.fx(() -> w.view().table().getItems().size() == 4));
        robot.interact(() -> {
            w.stage().toFront();
            ((javafx.scene.control.TabPane) robot.lookup("#sweep-tabs").query()).getSelectionModel().select(1);
            pop.levelProperty().set("representation");
            pop.groupByProperty().set("model.hidden_size");
        });
        robot.clickOn("#population-compute");
        FxWait.until("the matrix", () -> FxWait.fx(() -> pop.computedProperty().get() != null
                && !pop.busyProperty().get()));

        List<DegeneracyStudy.Member> members = SweepNetworks.open(sweep).members();
        DegeneracyStudy.Result expected = DegeneracyStudy.run(members, DegeneracyStudy.defaultsFor(members)
                .withLevels(EnumSet.of(DegeneracyStudy.Level.REPRESENTATION)).withGroupBy("model.hidden_size"));
        DegeneracyStudy.MeasureResult cka = expected.measure(DegeneracyStudy.Measure.REPRESENTATION_CKA);
        HeatmapData shown = FxWait.fx(() -> w.view().populationPane().matrix().data());
        assertEquals(4, shown.rows());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(cka.distance(i, j), shown.value(i, j), 0, "cell " + i + ", " + j);
            }
        }
        assertTrue(shown.value(0, 1) > 0, "two seeds of one size differ");
        // the MDS scatter coloured by the size (two series) and one score per size
        assertEquals(2, (int) FxWait.fx(() -> w.view().populationPane().mdsViewer().getChart().getXYPlot()
                .getDataset().getSeriesCount()));
        assertEquals(2, (int) FxWait.fx(() -> w.view().populationPane().scoresViewer().getChart().getXYPlot()
                .getDataset().getItemCount(0)));
        assertTrue(FxWait.fx(() -> pop.messageProperty().get()).startsWith("4 networks of"),
                FxWait.fx(() -> pop.messageProperty().get()));

        // a click on cell (0, 3) selects runs 0 and 3 in the table
        FxWait.pulses(3);
        javafx.geometry.Point2D cell = FxWait.fx(() -> w.view().populationPane().matrix().cellCentreOnScreen(0, 3));
        robot.clickOn(cell);
        FxWait.until("the pair selected", () -> FxWait.fx(() -> w.view().table().getSelectionModel()
                .getSelectedItems().size() == 2));
        assertEquals(List.of(expected.names().get(0), expected.names().get(3)), FxWait.fx(() -> w.view().table()
                .getSelectionModel().getSelectedItems().stream().map(RunRow::name).toList()));
        // and opens them side by side in a window of its own, which is closed again to reach the tab
        FxWait.until("the pair's window", () -> FxWait.fx(() -> pop.pair().shownProperty().get() != null
                && w.view().populationPane().pairWindow().isShowing()));
        robot.interact(() -> w.view().populationPane().pairWindow().hide());

        // the population figure exports like the plot
        assertTrue(FxWait.fx(() -> w.exports().panes().contains(SweepWindow.POPULATION)));
        assertTrue(robot.lookup("#export-" + SweepWindow.POPULATION).tryQuery().isPresent());

        // the weight level within each size; the cross-size cells have no distance
        robot.interact(() -> pop.levelProperty().set("weights"));
        assertTrue(FxWait.fx(() -> pop.messageProperty().get()).contains("press Compute"));
        robot.clickOn("#population-compute");
        FxWait.until("the weights", () -> FxWait.fx(() -> !pop.busyProperty().get()
                && pop.computedProperty().get().measure() == DegeneracyStudy.Measure.WEIGHTS));
        HeatmapData weights = FxWait.fx(() -> w.view().populationPane().matrix().data());
        assertTrue(Double.isNaN(weights.value(0, 2)));
        assertTrue(weights.value(0, 1) > 0);

        // the dynamics level (DSA): a symmetric matrix with zeros on its diagonal, distances between the runs
        robot.interact(() -> pop.levelProperty().set("dynamics"));
        robot.clickOn("#population-compute");
        FxWait.until("the dynamics", () -> FxWait.fx(() -> !pop.busyProperty().get()
                && pop.computedProperty().get() != null
                && pop.computedProperty().get().measure() == DegeneracyStudy.Measure.DYNAMICS));
        HeatmapData dynamics = FxWait.fx(() -> w.view().populationPane().matrix().data());
        for (int i = 0; i < 4; i++) {
            assertEquals(0.0, dynamics.value(i, i), 1e-9);
            for (int j = 0; j < 4; j++) {
                assertEquals(dynamics.value(i, j), dynamics.value(j, i), 1e-9);
            }
        }
        assertTrue(dynamics.value(0, 1) > 0);
    }
}
