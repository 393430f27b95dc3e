package org.attractorlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.attractorlab.app.charts.ChartHover;
import org.attractorlab.app.session.TrainingService.Phase;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window: every control explains itself, and the charts say what lies under the pointer. */
@ExtendWith(ApplicationExtension.class)
class WindowHoverAndTooltipsUiTest {
    private AppWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = new AppWindow(AppShellUiTest.smallFlipFlop(100000), false,
                java.nio.file.Files.createTempDirectory("attractor-lab-sessions"));
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** The controls a user acts on: buttons, toggles, boxes, sliders, text fields. */
    private static boolean isInput(Node n) {
        return n instanceof ButtonBase || n instanceof ComboBoxBase || n instanceof ChoiceBox || n instanceof Slider
                || n instanceof TextInputControl || n instanceof Spinner;
    }

    private static void collect(Node n, List<String> missing, List<Node> seen) {
        if (isInput(n)) {
            seen.add(n);
            String tip = org.attractorlab.app.fx.Tips.text(n);
            if (tip == null || tip.isBlank()) {
                missing.add(n.getClass().getSimpleName() + "#" + n.getId()
                        + (n instanceof Labeled l ? " '" + l.getText() + "'" : ""));
            }
            // the parts inside a control (a spinner's text field, a combo box's button) belong to it
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, missing, seen);
            }
        }
    }

    @Test
    void everyControlOfTheWindowHasATooltipAndTheStatusBarIsShown() throws Exception {
        List<String> missing = new ArrayList<>();
        List<Node> seen = new ArrayList<>();
        fx(() -> {
            collect(stage.getScene().getRoot(), missing, seen);
            return null;
        });
        assertTrue(seen.size() > 30, "only " + seen.size() + " controls found");
        assertTrue(missing.isEmpty(), missing.size() + " of " + seen.size() + " controls without a tooltip: " + missing);
        Node status = stage.getScene().getRoot().lookup("#status");
        assertTrue(status != null && status.isVisible() && status.getScene() != null, "a status bar");
    }

    /** Screen position of an item of a chart's plot (subplot index -1: the plot itself). */
    private static Point2D onScreen(ChartViewer viewer, int subplot, int dataset, int series, int item) {
        PlotRenderingInfo info = viewer.getCanvas().getRenderingInfo().getPlotInfo();
        XYPlot plot = (XYPlot) viewer.getChart().getPlot();
        if (subplot >= 0) {
            info = info.getSubplotInfo(subplot);
            plot = ((CombinedDomainXYPlot) plot).getSubplots().get(subplot);
        }
        XYDataset d = plot.getDataset(dataset);
        var domain = plot.getDomainAxis() != null ? plot.getDomainAxis() : viewer.getChart().getXYPlot().getDomainAxis();
        double x = domain.valueToJava2D(d.getXValue(series, item), info.getDataArea(), plot.getDomainAxisEdge());
        double y = plot.getRangeAxisForDataset(dataset).valueToJava2D(d.getYValue(series, item), info.getDataArea(),
                plot.getRangeAxisEdge());
        return viewer.getCanvas().localToScreen(x, y);
    }

    @Test
    void hoveringTheLossChartAndTheBehaviourTracesShowsTheValuesUnderThePointer(FxRobot robot) throws Exception {
        robot.clickOn("#train");
        FxWait.until("loss points", () -> window.lossViewModel().points() > 60);
        robot.clickOn("#pause");
        FxWait.until("pause", () -> window.session().phaseProperty().get() == Phase.PAUSED);
        // every status the training thread wrote before it paused is on screen after a few drain ticks
        FxWait.ticks(window.drain(), 3);

        ChartViewer loss = robot.lookup("#loss-chart").queryAs(ChartViewer.class);
        int item = fx(() -> window.lossViewModel().losses().getItemCount(0) / 2);
        int step = fx(() -> window.lossViewModel().losses().getX(0, item).intValue());
        double value = fx(() -> window.lossViewModel().losses().getYValue(0, item));
        robot.moveTo(fx(() -> onScreen(loss, -1, 0, 0, item)));
        ChartHover lossHover = ChartHover.of(loss);
        FxWait.until("the loss hover", () -> !lossHover.textProperty().get().isEmpty());
        String text = lossHover.textProperty().get();
        // the pointer may land a pixel beside the item: one of the neighbouring steps is named
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^step (\\d+) \u00b7 loss ([0-9.e+-]+)"
                + " \u00b7 accuracy ([0-9.]+)").matcher(text);
        assertTrue(m.find(), text);
        int shown = Integer.parseInt(m.group(1));
        // steps per pixel: the pointer lands on whole pixels
        double perPixel = fx(() -> window.lossViewModel().losses().getDomainUpperBound(false)
                / loss.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getWidth());
        assertTrue(Math.abs(shown - step) <= 2 * perPixel + 1, "step " + shown + " for the pointer at step " + step
                + " (" + perPixel + " steps per pixel)");
        if (shown == step) {
            assertTrue(Math.abs(Double.parseDouble(m.group(2)) - value) <= 1e-3 * value, text + " vs " + value);
        }
        assertTrue(fx(() -> lossHover.tooltip().isShowing()), "a tooltip beside the pointer");

        ChartViewer traces = robot.lookup("#behaviour-chart").queryAs(ChartViewer.class);
        XYPlot outputs = fx(() -> ((CombinedDomainXYPlot) traces.getChart().getPlot()).getSubplots().get(1));
        int t = 40;
        double out = fx(() -> outputs.getDataset(0).getYValue(0, t));
        String key = fx(() -> outputs.getDataset(0).getSeriesKey(0).toString());
        robot.moveTo(fx(() -> onScreen(traces, 1, 0, 0, t)));
        ChartHover traceHover = ChartHover.of(traces);
        FxWait.until("the trace hover", () -> traceHover.textProperty().get().startsWith("t = "));
        String trace = traceHover.textProperty().get();
        assertTrue(trace.contains(" = ") && trace.matches("t = \\d+ \u00b7 .+ = -?[0-9.e+-]+"), trace);
        if (trace.contains(key + " = ")) {
            assertTrue(trace.startsWith("t = " + t + " ") || trace.startsWith("t = " + (t - 1) + " ")
                    || trace.startsWith("t = " + (t + 1) + " "), trace + " at t = " + t + ", " + key + " = " + out);
        }
        robot.moveTo("#train");
        FxWait.until("the hover gone", () -> traceHover.textProperty().get().isEmpty() && !traceHover.tooltip().isShowing());
    }
}
