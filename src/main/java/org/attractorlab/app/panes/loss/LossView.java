package org.attractorlab.app.panes.loss;

import org.attractorlab.app.charts.ChartHover;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.attractorlab.app.charts.FxChart;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.LossChart;
import org.attractorlab.app.fx.Disposer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/** Loss (left axis, log or linear) and accuracy (right axis) against training step. */
public final class LossView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final XYPlot plot;
    private final JFreeChart chart;

    public LossView(LossViewModel vm, boolean dark) {
        getStyleClass().add("pane-view");
        chart = LossChart.create(vm.series(), vm.logScaleProperty().get(), dark, (t, p) -> new FxChart(t, p, true));
        plot = chart.getXYPlot();
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("loss-chart");
        ChartHover hover = ChartHover.install(viewer, at -> vm.describeAt(at.x()));
        disposer.onDispose(hover::dispose);

        CheckBox log = new CheckBox("log scale");
        log.setId("loss-log-scale");
        Tips.set(log, "Show the loss on a logarithmic axis");
        log.selectedProperty().bindBidirectional(vm.logScaleProperty());
        disposer.onDispose(() -> log.selectedProperty().unbindBidirectional(vm.logScaleProperty()));
        disposer.listen(vm.logScaleProperty(), (o, a, b) -> LossChart.setLogScale(chart, b, dark));
        HBox bar = new HBox(8, log);
        bar.getStyleClass().add("pane-toolbar");
        setTop(bar);
        setCenter(viewer);
    }

    public JFreeChart chart() {
        return chart;
    }

    public void dispose() {
        disposer.dispose();
    }
}
