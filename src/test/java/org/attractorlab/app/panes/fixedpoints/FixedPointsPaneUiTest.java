package org.attractorlab.app.panes.fixedpoints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.FixedPointOverlay;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FixedPointsPaneUiTest {
    private static final double EXACT = 0.0;
    private static final double PROJECTION_TOLERANCE = 1e-5;

    private AppWindow window;
    private FixedPointsViewModel vm;

    static ExperimentConfig tinyFlipFlop() {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"), List.of("model.hidden_size=16",
                "training.steps=400", "training.batch_size=16", "training.learning_rate=0.02"));
    }

    @Start
    void start(Stage stage) {
        window = new AppWindow(tinyFlipFlop(), false);
        vm = window.fixedPointsViewModel();
        stage.setScene(window.createScene(1600, 1000));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    /** Trains the 400 steps with the search at the end switched off: these tests search themselves. */
    private void trainToTheEnd(FxRobot robot) throws Exception {
        robot.interact(() -> vm.settings().atEndProperty().set(false));
        robot.clickOn("#train");
        FxWait.until("training to finish", 120, () -> window.session().phaseProperty().get() == Phase.FINISHED);
        FxWait.until("the frame of the last step", 30, () -> {
            AnalysisFrame f = window.analysis().frameProperty().get();
            return f != null && f.step() == 400;
        });
    }

    private void type(FxRobot robot, TextField field, String text) {
        robot.doubleClickOn(field).eraseText(12).write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TextField initialStatesField(FxRobot robot) {
        return robot.lookup("#fp-initial-states").<Spinner<String>>query().getEditor();
    }

    private void openSettings(FxRobot robot) {
        if (robot.lookup("#fp-settings").tryQuery().isEmpty()) {
            robot.clickOn("#fp-settings-button");
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private FixedPointResult findWith(FxRobot robot, String initialStates) throws Exception {
        openSettings(robot);
        type(robot, initialStatesField(robot), initialStates);
        FixedPointResult before = vm.resultProperty().get();
        robot.clickOn("#fp-find");
        FxWait.until("the search result", 60, () -> vm.resultProperty().get() != before && !vm.busyProperty().get());
        return vm.resultProperty().get();
    }

    @SuppressWarnings("unchecked")
    private TableView<PointRow> table(FxRobot robot) {
        return robot.lookup("#fp-table").queryAs(TableView.class);
    }

    /** The text the table shows in column {@code columnId} for the point with index {@code point}. */
    private String cellText(FxRobot robot, String columnId, int point) throws Exception {
        // the table lays its rows out in a later pulse than the one that gave it its items
        String[] found = new String[1];
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                for (var node : robot.lookup("#fp-table .table-cell").queryAll()) {
                    if (node instanceof TableCell<?, ?> cell && cell.getTableColumn() != null
                            && columnId.equals(cell.getTableColumn().getId()) && cell.getTableRow() != null
                            && cell.getTableRow().getItem() instanceof PointRow row && row.index() == point
                            && cell.getText() != null) {
                        found[0] = cell.getText();
                        return true;
                    }
                }
                return false;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
        return found[0];
    }

    @Test
    void byDefaultTheAttractorsAreFoundWhenTrainingEndsWithoutPressingFind(FxRobot robot) throws Exception {
        assertTrue(vm.settings().atEndProperty().get(), "on by default");
        List<Integer> steps = new CopyOnWriteArrayList<>();
        robot.interact(() -> vm.resultFrameProperty().addListener((o, a, f) -> {
            if (f != null) {
                steps.add(f.step());
            }
        }));
        robot.clickOn("#train");
        FxWait.until("training to finish", 120, () -> window.session().phaseProperty().get() == Phase.FINISHED);
        FxWait.until("the search of the last step", 60, () -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        assertEquals(List.of(400), steps, "one search, on the last frame, none while training (refresh every 0)");
        assertTrue(vm.resultProperty().get().stableFixedPointCount() > 0, "a trained flip-flop's stable points");
        assertTrue(table(robot).getItems().size() > 0);
    }

    @Test
    void findOnATrainedFlipFlopFillsTheTableWithTheResultsPointsIncludingStableOnes(FxRobot robot) throws Exception {
        trainToTheEnd(robot);
        assertNull(vm.resultProperty().get(), "refresh every 0 steps: no search before Find");
        FixedPointResult r = findWith(robot, "256");

        assertEquals(256, r.initialStates());
        assertEquals(400, vm.resultFrameProperty().get().step(), "searched on the newest frame");
        TableView<PointRow> table = table(robot);
        assertEquals(r.count(), table.getItems().size(), "one row per point");
        int stableRows = 0;
        for (PointRow row : table.getItems()) {
            int i = row.index();
            assertEquals(r.q()[i], row.q(), EXACT);
            assertEquals(r.stable()[i], row.stable());
            assertEquals(r.slow()[i], row.slow());
            assertEquals(r.maxAbsEigenvalue()[i], row.maxAbsEigenvalue(), EXACT);
            assertEquals(r.unstableDimension(i), row.unstableDimension());
            double slowest = 0;
            for (double tau : r.timeConstantsMillis()[i]) {
                slowest = Math.max(slowest, tau);
            }
            assertEquals(slowest, row.slowestTimeConstantMs(), EXACT, "vanilla RNN: time constants shown");
            if (row.stable() && !row.slow()) {
                stableRows++;
            }
        }
        assertTrue(stableRows > 0, "a trained flip-flop has stable fixed points, got " + r.stableFixedPointCount());
        assertEquals(r.stableFixedPointCount(), stableRows);
        assertEquals(r.stable()[0] ? "yes" : "no", cellText(robot, "fp-col-stable", 0), "the stable column shows it");
        assertEquals(String.valueOf(r.unstableDimension(0)), cellText(robot, "fp-col-unstable", 0));

        String status = robot.lookup("#fp-status").queryAs(Label.class).getText();
        int fixed = r.fixedPointCount();
        assertTrue(status.startsWith(fixed + " fixed point" + (fixed == 1 ? "" : "s") + ": "
                + r.stableFixedPointCount() + " stable, " + (fixed - r.stableFixedPointCount()) + " unstable"), status);
        assertTrue(status.endsWith(", step 400, at zero input"), "the flip-flop rests at zero input: " + status);
        Label attractor = robot.lookup("#fp-attractor").queryAs(Label.class);
        assertTrue(attractor.isVisible());
        assertEquals("Attractor: " + org.attractorlab.core.analysis.fixedpoint.AttractorSummary.of(r).compact(),
                attractor.getText(), "the attractor summary of the points shown");

        // the overlay for the 3D pane: every point projected on the newest frame's PCA basis
        AnalysisFrame frame = window.analysis().frameProperty().get();
        FixedPointOverlay overlay = vm.overlayProperty().get();
        assertEquals(r.count(), overlay.count());
        assertEquals(400, overlay.step());
        assertArrayEquals(r.stable(), overlay.stable());
        int segments = 0;
        for (int i = 0; i < r.count(); i++) {
            double[] h = new double[16];
            for (int j = 0; j < 16; j++) {
                h[j] = r.points()[i][j];
            }
            double[] p = frame.pca().project(h);
            for (int c = 0; c < 3; c++) {
                assertEquals(p[c], overlay.projected()[i][c], PROJECTION_TOLERANCE, "point " + i + " PC " + c);
            }
            assertEquals(r.unstableModes().get(i).size(), overlay.modes()[i].length, "one segment per unstable mode");
            for (float[][] segment : overlay.modes()[i]) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(p[c], (segment[0][c] + segment[1][c]) / 2, PROJECTION_TOLERANCE,
                            "centred on the point");
                }
            }
            segments += overlay.modes()[i].length;
        }
        assertEquals(segments, overlay.segments().length);
    }

    @Test
    void selectingARowSetsTheSharedFixedPointAndHighlightsItsEigenvalues(FxRobot robot) throws Exception {
        trainToTheEnd(robot);
        FixedPointResult r = findWith(robot, "256");
        assertTrue(r.count() >= 2, "need two points, got " + r.count());
        int before = highlightedPixels(robot);
        assertEquals(-1, window.selection().fixedPointProperty().get());
        assertEquals(0, vm.selectedEigenvalues().getSeriesCount(), "nothing highlighted before a selection");

        TableView<PointRow> table = table(robot);
        PointRow second = table.getItems().get(1);
        robot.clickOn(rowOf(robot, second));
        WaitForAsyncUtils.waitForFxEvents();
        int i = second.index();
        assertEquals(i, window.selection().fixedPointProperty().get(), "the clicked row is the shared fixed point");
        assertSeries(vm.selectedEigenvalues(), r.eigenReal()[i], r.eigenImag()[i]);
        assertSeries(vm.allEigenvalues(), concat(r.eigenReal()), concat(r.eigenImag()));
        int after = highlightedPixels(robot);
        assertTrue(after > before + 20, "highlighted eigenvalues are drawn: " + before + " -> " + after + " pixels");

        // the continuous-time view of a rate network shows (lambda - 1) / alpha
        robot.clickOn("#fp-continuous");
        WaitForAsyncUtils.waitForFxEvents();
        assertSeries(vm.selectedEigenvalues(), r.rateReal()[i], r.rateImag()[i]);
        robot.clickOn("#fp-continuous");
        WaitForAsyncUtils.waitForFxEvents();
        assertSeries(vm.selectedEigenvalues(), r.eigenReal()[i], r.eigenImag()[i]);

        // the other way round: a selection made elsewhere (the 3D pane, say) selects the row
        int other = table.getItems().get(0).index();
        robot.interact(() -> window.selection().fixedPointProperty().set(other));
        assertEquals(other, table.getSelectionModel().getSelectedItem().index());
        assertSeries(vm.selectedEigenvalues(), r.eigenReal()[other], r.eigenImag()[other]);
        robot.interact(() -> window.selection().fixedPointProperty().set(-1));
        assertNull(table.getSelectionModel().getSelectedItem());
        assertEquals(0, vm.selectedEigenvalues().getSeriesCount());

        // sorting by a column keeps the selection
        robot.interact(() -> window.selection().fixedPointProperty().set(i));
        robot.clickOn((javafx.scene.Node) robot.lookup("#fp-table .column-header").nth(3).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(i, table.getSelectionModel().getSelectedItem().index());
        assertEquals(i, window.selection().fixedPointProperty().get());
    }

    /** The visible table row showing {@code row}. */
    private static javafx.scene.Node rowOf(FxRobot robot, PointRow row) throws Exception {
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> find = () -> robot
                .lookup("#fp-table .table-row-cell").match((javafx.scene.Node n) -> n.isVisible()
                        && n instanceof javafx.scene.control.TableRow<?> r && row.equals(r.getItem())).tryQuery();
        // the table lays its rows out in a later pulse than the one that gave it its items
        FxWait.until("the row of point " + row.index(), 10, () -> find.get().isPresent());
        return find.get().orElseThrow();
    }

    private int highlightedPixels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Image image = robot.capture((javafx.scene.Node) robot.lookup("#fp-spectrum").query()).getImage();
        PixelReader px = image.getPixelReader();
        java.awt.Color c = ChartStyle.PALETTE[1];
        int n = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                int argb = px.getArgb(x, y);
                int dr = ((argb >> 16) & 0xff) - c.getRed();
                int dg = ((argb >> 8) & 0xff) - c.getGreen();
                int db = (argb & 0xff) - c.getBlue();
                if (dr * dr + dg * dg + db * db < 30 * 30) {
                    n++;
                }
            }
        }
        return n;
    }

    private static double[] concat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static void assertSeries(XYDataset d, double[] x, double[] y) {
        assertEquals(1, d.getSeriesCount());
        assertEquals(x.length, d.getItemCount(0));
        for (int k = 0; k < x.length; k++) {
            assertEquals(x[k], d.getXValue(0, k), EXACT);
            assertEquals(y[k], d.getYValue(0, k), EXACT);
        }
    }

    @Test
    void invalidSettingsAreRefusedWithAMessageAndValidOnesSearchTheCurrentFrame(FxRobot robot) throws Exception {
        FxWait.until("the first frame", 30, () -> window.analysis().frameProperty().get() != null);
        openSettings(robot);
        Label error = robot.lookup("#fp-settings-error").queryAs(Label.class);
        Button find = robot.lookup("#fp-find").queryAs(Button.class);

        type(robot, initialStatesField(robot), "abc");
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("Initial states") && error.getText().contains("abc"), error.getText());
        assertTrue(find.isDisabled(), "Find is refused");
        assertFalse(vm.find(), "the view model refuses too");
        assertNull(vm.resultProperty().get());

        type(robot, initialStatesField(robot), "0");
        assertTrue(error.getText().contains("Initial states") && error.getText().contains("0"), error.getText());
        assertTrue(find.isDisabled());

        type(robot, initialStatesField(robot), "64");
        robot.clickOn((javafx.scene.Node) robot.lookup("#fp-initial-states .increment-arrow-button").query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("128", vm.settings().initialStatesProperty().get(), "the up arrow doubles");
        assertEquals("128", initialStatesField(robot).getText());
        TextField noise = robot.lookup("#fp-noise").queryAs(TextField.class);
        type(robot, noise, "-1");
        assertTrue(error.getText().contains("noise") && error.getText().contains("-1"), error.getText());
        type(robot, noise, "0.5");
        TextField slowQ = robot.lookup("#fp-slow-q").queryAs(TextField.class);
        type(robot, slowQ, "1e-20");
        assertTrue(error.getText().contains("slow-point q"), error.getText());
        type(robot, slowQ, "1e-4");

        robot.interact(() -> vm.settings().inputModeProperty().set(SearchSettings.InputMode.CUSTOM));
        TextField values = robot.lookup("#fp-input-values").queryAs(TextField.class);
        type(robot, values, "1, 0");
        assertTrue(error.getText().contains("3 comma-separated values"), error.getText());
        type(robot, values, "0, 0, 0");
        assertFalse(error.isVisible(), "valid settings clear the message: " + error.getText());
        assertFalse(find.isDisabled());

        robot.clickOn(find);
        FxWait.until("the search result", 60, () -> vm.resultProperty().get() != null && !vm.busyProperty().get());
        assertEquals(0, vm.resultFrameProperty().get().step(), "before training: the untrained network");
        assertEquals(128, vm.resultProperty().get().initialStates());
        assertEquals(vm.resultProperty().get().count(), table(robot).getItems().size());
    }

    @Test
    void refreshEveryNStepsSearchesAgainWhileTraining(FxRobot robot) throws Exception {
        // a run far longer than the test: it trains until three searches have come back, then is stopped (how many
        // steps a search takes depends on the machine: the searches run at low priority beside training)
        int total = 1_000_000;
        robot.interact(() -> {
            window.session().configProperty().set(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                    List.of("model.hidden_size=16", "training.steps=" + total, "training.batch_size=16")));
            window.session().reset();
        });
        openSettings(robot);
        type(robot, initialStatesField(robot), "128");
        type(robot, robot.lookup("#fp-refresh").<Spinner<String>>query().getEditor(), "100");
        assertFalse(robot.lookup("#fp-settings-error").query().isVisible());
        List<Integer> steps = new CopyOnWriteArrayList<>();
        robot.interact(() -> vm.resultFrameProperty().addListener((o, a, f) -> {
            if (f != null) {
                steps.add(f.step());
            }
        }));
        robot.clickOn("#train");
        FxWait.until("three searches while training", 120, () -> steps.size() >= 3);
        assertEquals(Phase.RUNNING, window.session().phaseProperty().get(), "they came while training ran");
        robot.clickOn("#stop");
        FxWait.until("training to stop", 60, () -> window.session().phaseProperty().get() == Phase.FINISHED);
        int last = window.session().serviceProperty().get().lastStatus().step();
        FxWait.until("a search at the last step, " + last, 60,
                () -> !steps.isEmpty() && steps.get(steps.size() - 1) == last);
        // while training: at most one search per 100 steps; the last step is searched whatever came before it
        for (int k = 1; k < steps.size() - 1; k++) {
            assertTrue(steps.get(k) / 100 > steps.get(k - 1) / 100, "at most one search per 100 steps: " + steps);
        }
        assertTrue(steps.get(steps.size() - 1) > steps.get(steps.size() - 2), "the last step last: " + steps);
    }

    @Test
    void theViewAndItsViewModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        FxWait.until("the first frame", 30, () -> window.analysis().frameProperty().get() != null);
        WeakReference<?>[] refs = showSearchSelectAndDispose(robot);
        FxWait.collected(refs[0], refs[1]);
        assertNull(refs[1].get(), "the view was collected");
        assertNull(refs[0].get(), "the view model was collected");
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** A second pane in its own window: a search, a selection, then close and dispose; weak references to both. */
    private WeakReference<?>[] showSearchSelectAndDispose(FxRobot robot) throws Exception {
        FixedPointsViewModel model = fx(() -> new FixedPointsViewModel(window.session(), window.analysis(),
                window.selection(), window.drain(), window.workers()));
        Stage stage = fx(Stage::new);
        FixedPointsView view = fx(() -> new FixedPointsView(model, false));
        robot.interact(() -> {
            stage.setScene(new Scene(view, 600, 500));
            stage.show();
            model.settings().initialStatesProperty().set("32");
            model.find();
        });
        FxWait.until("the search result", 60, () -> model.resultProperty().get() != null && !model.busyProperty().get());
        robot.interact(() -> {
            window.selection().fixedPointProperty().set(0);
            stage.close();
            stage.setScene(null);
            view.dispose();
            model.dispose();
        });
        return new WeakReference<?>[]{new WeakReference<>(model), new WeakReference<>(view)};
    }
}
