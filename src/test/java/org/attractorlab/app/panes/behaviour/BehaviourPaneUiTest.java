package org.attractorlab.app.panes.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.task.TrialBatch;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BehaviourPaneUiTest {
    private static final double EXACT = 0.0;
    private AppWindow window;

    @Start
    void start(Stage stage) {
        window = new AppWindow(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=200", "training.batch_size=16")), false);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private BehaviourView view(FxRobot robot) {
        return robot.lookup("#behaviour-view").queryAs(BehaviourView.class);
    }

    /** Waits until the chart shows the given trial of the hub's frame, then returns that frame. */
    private AnalysisFrame awaitTrialShown(FxRobot robot, int trial) throws Exception {
        Label header = robot.lookup("#behaviour-trial").queryAs(Label.class);
        FxWait.until("trial " + trial + " on the chart", () -> window.analysis().frameProperty().get() != null
                && view(robot).subplot(0).getDataset().getSeriesCount() > 0
                && header.getText().equals("Trial " + trial));
        return window.analysis().frameProperty().get();
    }

    private static void assertShowsTrial(BehaviourView view, AnalysisFrame frame, int b) {
        HiddenStates s = frame.states();
        TrialBatch batch = s.batch();
        TraceDataset inputs = (TraceDataset) view.subplot(0).getDataset(0);
        TraceDataset outputs = (TraceDataset) view.subplot(1).getDataset(0);
        TraceDataset targets = (TraceDataset) view.subplot(1).getDataset(1);
        assertEquals(batch.inputSize(), inputs.getSeriesCount());
        assertEquals(batch.outputSize(), outputs.getSeriesCount());
        assertEquals(List.of("in0", "in1", "in2"), List.of(inputs.getSeriesKey(0), inputs.getSeriesKey(1),
                inputs.getSeriesKey(2)), "channel names come from the task");
        for (int t = 0; t < s.steps(); t++) {
            for (int k = 0; k < batch.inputSize(); k++) {
                assertEquals(t, inputs.getXValue(k, t), EXACT);
                assertEquals(batch.inputs()[batch.inputIndex(b, t, k)], inputs.getYValue(k, t), EXACT,
                        "input " + k + " at step " + t);
            }
            for (int k = 0; k < batch.outputSize(); k++) {
                int j = batch.outputIndex(b, t, k);
                assertEquals(s.outputs()[j], outputs.getYValue(k, t), EXACT, "output " + k + " at step " + t);
                double expected = batch.mask()[j] == 1f ? batch.targets()[j] : Double.NaN;
                assertEquals(expected, targets.getYValue(k, t), EXACT, "target " + k + " at step " + t);
            }
        }
    }

    @Test
    void showsTheSelectedTrialsInputsOutputsAndMaskedTargets(FxRobot robot) throws Exception {
        AnalysisFrame frame = awaitTrialShown(robot, 0);
        assertShowsTrial(view(robot), frame, 0);
        Label conditions = robot.lookup("#behaviour-conditions").queryAs(Label.class);
        assertTrue(conditions.getText().startsWith("bit0 " + frame.states().conditions().label(0, "bit0")),
                conditions.getText());
        double firstInput = view(robot).subplot(0).getDataset().getYValue(0, 0);

        fx(() -> window.selection().selectTrials(Set.of(12, 7)));
        frame = awaitTrialShown(robot, 7);
        assertShowsTrial(view(robot), frame, 7);
        assertTrue(conditions.getText().contains("state " + frame.states().conditions().label(7, "state")),
                conditions.getText());

        boolean differs = false;
        TrialBatch batch = frame.states().batch();
        for (int t = 0; t < batch.steps() && !differs; t++) {
            differs = batch.inputs()[batch.inputIndex(7, t, 0)] != batch.inputs()[batch.inputIndex(0, t, 0)];
        }
        assertTrue(differs || firstInput != view(robot).subplot(0).getDataset().getYValue(0, 0),
                "trial 7 differs from trial 0");

        fx(() -> window.selection().clear());
        assertShowsTrial(view(robot), awaitTrialShown(robot, 0), 0);
    }

    private static double markerAt(XYPlot plot) {
        var markers = plot.getDomainMarkers(Layer.FOREGROUND);
        if (markers == null || markers.isEmpty()) {
            return Double.NaN;
        }
        assertEquals(1, markers.size());
        return ((ValueMarker) markers.iterator().next()).getValue();
    }

    @Test
    void theTimeMarkerFollowsTheSelectedStepAndAClickOnTheChartSelectsOne(FxRobot robot) throws Exception {
        awaitTrialShown(robot, 0);
        BehaviourView view = view(robot);
        assertTrue(Double.isNaN(markerAt(view.subplot(0))), "no marker before a step is selected");

        fx(() -> window.selection().timeStepProperty().set(40));
        assertEquals(40, markerAt(view.subplot(0)), EXACT);
        assertEquals(40, markerAt(view.subplot(1)), EXACT);

        // time in milliseconds: the marker and the traces move to 10 ms per step
        robot.clickOn("#behaviour-millis");
        WaitForAsyncUtils.waitForFxEvents();
        double dt = window.session().serviceProperty().get().experiment().task().dtMillis();
        assertEquals(40 * dt, markerAt(view.subplot(1)), 1e-9);
        assertEquals(99 * dt, view.subplot(0).getDataset().getXValue(0, 99), 1e-9);
        assertEquals("time (ms)", view.chart().getXYPlot().getDomainAxis().getLabel());

        // a click at 70 % of the output plot's width selects the step under the pointer
        ChartViewer viewer = robot.lookup("#behaviour-chart").queryAs(ChartViewer.class);
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getSubplotInfo(1).getDataArea();
        double x = area.getMinX() + 0.7 * area.getWidth();
        double value = view.chart().getXYPlot().getDomainAxis().java2DToValue(x, area,
                view.chart().getXYPlot().getDomainAxisEdge());
        Bounds screen = viewer.getCanvas().localToScreen(viewer.getCanvas().getBoundsInLocal());
        robot.clickOn(new Point2D(screen.getMinX() + x, screen.getMinY() + area.getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();
        int expected = (int) Math.round(value / dt);
        assertEquals(expected, window.selection().timeStepProperty().get(), 1, "clicked at " + value + " ms");
        assertEquals(window.selection().timeStepProperty().get() * dt, markerAt(view.subplot(0)), 1e-9);

        fx(() -> window.selection().timeStepProperty().set(-1));
        assertTrue(Double.isNaN(markerAt(view.subplot(0))) && Double.isNaN(markerAt(view.subplot(1))),
                "no marker once the step is cleared");
    }

    @Test
    void theViewAndItsViewModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        awaitTrialShown(robot, 0);
        WeakReference<?>[] refs = new WeakReference<?>[2];
        Stage[] stage = new Stage[1];
        fx(() -> {
            BehaviourViewModel vm = new BehaviourViewModel(window.session(), window.analysis(), window.selection(),
                    window.drain());
            BehaviourView view = new BehaviourView(vm, true);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view, 500, 300));
            stage[0].show();
            refs[0] = new WeakReference<>(vm);
            refs[1] = new WeakReference<>(view);
        });
        fx(() -> window.selection().selectTrials(Set.of(3)));
        fx(() -> window.selection().timeStepProperty().set(10));
        fx(() -> {
            BehaviourView view = (BehaviourView) stage[0].getScene().getRoot();
            stage[0].getScene().setRoot(new javafx.scene.layout.Pane());
            stage[0].close();
            view.dispose();
            ((BehaviourViewModel) refs[0].get()).dispose();
        });
        stage[0] = null;
        FxWait.collected(refs[0], refs[1]);
        assertNull(refs[0].get(), "the view model is still reachable after dispose");
        assertNull(refs[1].get(), "the view is still reachable after dispose");
        assertNotNull(window.analysis().frameProperty().get());
        assertFalse(window.selection().trialsProperty().get().isEmpty());
    }
}
