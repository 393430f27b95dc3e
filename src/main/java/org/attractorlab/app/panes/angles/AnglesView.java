package org.attractorlab.app.panes.angles;

import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.AngleSpectrumChart;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.Controls;
import org.attractorlab.app.fx.Disposer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * Mean principal angle between the subspaces of every pair of condition groups (heatmap), and below it the angle
 * spectrum of the pair last clicked.
 */
public final class AnglesView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final Heatmap heatmap;
    private final JFreeChart spectrum;

    public AnglesView(AnglesViewModel vm, boolean dark) {
        getStyleClass().add("pane-view");
        setId("angles-view");
        heatmap = new Heatmap("Subspace angles", dark);
        heatmap.setId("angles-heatmap");
        heatmap.setOnCellClicked(vm::select);
        heatmap.setOnCellHovered(vm::hover);

        ComboBox<String> column = new ComboBox<>(vm.columns());
        column.setId("angles-column");
        Tips.set(column, "Condition column whose values define the groups");
        column.valueProperty().bindBidirectional(vm.groupColumnProperty());
        disposer.onDispose(() -> column.valueProperty().unbindBidirectional(vm.groupColumnProperty()));
        Spinner<Integer> k = Controls.spinner(disposer, "angles-k", vm.kProperty(), 1, vm.unitsProperty(), 0, 74);
        Tips.set(k, "Dimension of each group's subspace (its top principal components)");
        Spinner<Integer> from = Controls.spinner(disposer, "angles-from",
                vm.fromStepProperty(), 0, vm.stepsProperty(), -1, 74);
        Spinner<Integer> to = Controls.spinner(disposer, "angles-to",
                vm.toStepProperty(), 1, vm.stepsProperty(), 0, 74);
        Tips.set(from, "First step whose hidden states enter the subspaces");
        Tips.set(to, "End of the window (exclusive): steps from .. to - 1");
        FlowPane bar = new FlowPane(8, 4, Controls.row(new Label("groups"), column), Controls.row(new Label("k"), k),
                Controls.row(new Label("steps"), from, new Label("to"), to));
        bar.getStyleClass().add("pane-toolbar");
        bar.setStyle("-fx-font-size: 11px;");
        column.setPrefWidth(120);

        spectrum = AngleSpectrumChart.create(vm.spectrum(), "", dark,
                (t, p) -> new org.attractorlab.app.charts.FxChart(t, new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11), p, false));
        XYPlot plot = spectrum.getXYPlot();
        ChartViewer spectrumViewer = new ChartViewer(spectrum);
        spectrumViewer.setId("angles-spectrum");
        org.attractorlab.app.charts.ChartHover spectrumHover = org.attractorlab.app.charts.ChartHover.install(spectrumViewer,
                at -> {
                    int[] near = at.nearestInX(0, 30);
                    return near == null ? null : String.format(java.util.Locale.ROOT,
                            "principal angle %d: %.2f\u00b0 (%s)", (int) vm.spectrum().getXValue(0, near[1]),
                            vm.spectrum().getYValue(0, near[1]), spectrum.getTitle().getText());
                });
        disposer.onDispose(spectrumHover::dispose);
        disposer.listen(vm.spectrumTitleProperty(), (o, a, t) -> spectrum.getTitle().setText(t));
        disposer.onDispose(() -> plot.setDataset(null));

        Label message = new Label();
        message.setId("angles-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        Label hover = new Label();
        hover.setId("angles-hover");
        hover.textProperty().bind(vm.hoverTextProperty());
        hover.getStyleClass().add("pane-toolbar");
        hover.setStyle("-fx-font-size: 11px;");
        disposer.onDispose(() -> {
            message.textProperty().unbind();
            message.visibleProperty().unbind();
            hover.textProperty().unbind();
        });

        disposer.listen(vm.shownProperty(), (o, a, s) -> {
            if (s == null) {
                heatmap.clear("");
            } else {
                heatmap.setTitle("Subspace angles, training step " + s.frame().step());
                heatmap.show(s.heatmap());
            }
        });
        disposer.listen(vm.highlightedProperty(), (o, a, h) -> heatmap.highlight(h, h));
        heatmap.clear("");

        SplitPane split = new SplitPane(new StackPane(heatmap, message), spectrumViewer);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        setTop(bar);
        setCenter(split);
        setBottom(hover);
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    public JFreeChart spectrumChart() {
        return spectrum;
    }

    public void dispose() {
        disposer.dispose();
        heatmap.setOnCellClicked(null);
        heatmap.setOnCellHovered(null);
    }
}
