package org.attractorlab.app.sweep;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.attractorlab.app.charts.FxChart;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.OodVsTasksChart;
import org.jfree.chart.fx.ChartViewer;

/** The OOD tab of the sweep window: "Compute" and the message line above the chart. Binds to an {@link OodTasksViewModel}. */
public final class OodTasksView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final OodTasksViewModel vm;
    private final ChartViewer chart = new ChartViewer(null);
    private boolean dark;

    public OodTasksView(OodTasksViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        setId("sweep-ood");
        Button compute = new Button("Compute");
        compute.setId("sweep-ood-compute");
        Tips.set(compute, "In-distribution and OOD r\u00b2 of the OOD quadrant test of every done run,"
                + " against N_task, one line per D (from the runs' records when the sweep ran decode)");
        compute.setOnAction(e -> vm.compute());
        compute.disableProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("sweep-ood-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        FlowPane bar = new FlowPane(8, 4, compute, message);
        bar.getStyleClass().add("pane-toolbar");
        setTop(bar);
        chart.setId("sweep-ood-chart");
        setCenter(chart);
        disposer.onDispose(() -> {
            compute.disableProperty().unbind();
            compute.setOnAction(null);
            message.textProperty().unbind();
        });
        disposer.listen(vm.computedProperty(), (o, was, now) -> draw());
        draw();
    }

    private void draw() {
        if (vm.computedProperty().get() != null) {
            chart.setChart(OodVsTasksChart.create(vm.computedProperty().get(), dark, (t, p) -> new FxChart(t, p, true)));
        }
    }

    /** Redraws the chart in the light or dark theme. */
    public void setDark(boolean on) {
        dark = on;
        draw();
    }

    public ChartViewer chartViewer() {
        return chart;
    }

    public void dispose() {
        disposer.dispose();
    }
}
