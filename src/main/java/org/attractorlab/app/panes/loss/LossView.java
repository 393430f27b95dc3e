package org.attractorlab.app.panes.loss;

import org.attractorlab.app.charts.ChartHover;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.attractorlab.app.charts.ChartStyle;
import org.attractorlab.app.fx.Disposer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;

/** Loss (left axis, log or linear) and accuracy (right axis) against training step. */
public final class LossView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final XYPlot plot;
    private final JFreeChart chart;

    public LossView(LossViewModel vm, boolean dark) {
        getStyleClass().add("pane-view");
        plot = new XYPlot(vm.losses(), new NumberAxis("step"), axis(vm.logScaleProperty().get()),
                new SamplingXYLineRenderer());
        plot.setDataset(1, vm.accuracies());
        NumberAxis acc = new NumberAxis("accuracy");
        acc.setRange(0, 1.02);
        plot.setRangeAxis(1, acc);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new SamplingXYLineRenderer());
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        chart = new org.attractorlab.app.charts.FxChart("Loss and accuracy", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, dark);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("loss-chart");
        ChartHover hover = ChartHover.install(viewer, at -> vm.describeAt(at.x()));
        disposer.onDispose(hover::dispose);

        CheckBox log = new CheckBox("log scale");
        log.setId("loss-log-scale");
        log.setTooltip(new Tooltip("Show the loss on a logarithmic axis"));
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        disposer.onDispose(() -> log.selectedProperty().unbindBidirectional(vm.logScaleProperty()));
        disposer.listen(vm.logScaleProperty(), (o, a, b) -> {
            plot.setRangeAxis(0, axis(b));
            ChartStyle.apply(chart, dark);
        });
        HBox bar = new HBox(8, log);
        bar.getStyleClass().add("pane-toolbar");
        setTop(bar);
        setCenter(viewer);
    }

    private static org.jfree.chart.axis.ValueAxis axis(boolean log) {
        if (log) {
            LogAxis a = new LogAxis("loss");
            a.setSmallestValue(1e-8);
            a.setAutoRange(true);
            return a;
        }
        NumberAxis a = new NumberAxis("loss");
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    public JFreeChart chart() {
        return chart;
    }

    public void dispose() {
        disposer.dispose();
    }
}
