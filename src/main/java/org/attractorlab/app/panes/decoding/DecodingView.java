package org.attractorlab.app.panes.decoding;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.OodChart;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.figure.HeatmapData;
import org.attractorlab.app.fx.Controls;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.core.study.DecodingStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.title.TextTitle;

/**
 * The cross-temporal generalisation matrix of a linear decoder (train step x test step), with its target, decoder,
 * stride and fold controls; below it, for tasks with latent quadrants, the out-of-distribution quadrant test. All of
 * it is the first tab ("Cross-time"); the pane adds the N-back tab ({@link NBackView}) after it.
 */
public final class DecodingView extends BorderPane {
    /** The outline of the selected time step's column (the heatmap's highlight colour). */
    static final Color OUTLINE = new Color(0xFF2D7A);
    private final Disposer disposer = new Disposer();
    private final Heatmap heatmap;
    private final JFreeChart oodChart;
    private XYShapeAnnotation outline;
    private final TabPane tabs;

    public DecodingView(DecodingViewModel vm, boolean dark) {
        getStyleClass().add("pane-view");
        setId("decoding-view");
        heatmap = new Heatmap("Decoding", dark);
        heatmap.setId("decoding-heatmap");
        heatmap.setOnCellClicked(vm::select);
        heatmap.setOnCellHovered(vm::hover);

        ComboBox<String> target = new ComboBox<>(vm.targets());
        target.setId("decoding-target");
        Tips.set(target, "Condition column to decode from the hidden state");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.setPrefWidth(104);
        ComboBox<DecodingStudy.Decoder> decoder = new ComboBox<>();
        decoder.getItems().setAll(DecodingStudy.Decoder.values());
        decoder.setId("decoding-decoder");
        Tips.set(decoder, "Linear decoder: auto = logistic for categorical targets, ridge otherwise");
        decoder.valueProperty().bindBidirectional(vm.decoderProperty());
        decoder.setPrefWidth(104);
        disposer.onDispose(() -> {
            target.valueProperty().unbindBidirectional(vm.targetProperty());
            decoder.valueProperty().unbindBidirectional(vm.decoderProperty());
        });
        Spinner<Integer> stride = Controls.spinner(disposer, "decoding-stride",
                vm.strideProperty(), 1, vm.stepsProperty(), 0, 58);
        Tips.set(stride, "Decode at steps 0, stride, 2 stride, ...");
        Spinner<Integer> folds = Controls.spinner(disposer, "decoding-folds", vm.foldsProperty(), 2, null,
                DecodingStudy.MAX_FOLDS, 58);
        Tips.set(folds, "k of the k-fold cross-validation");
        // items wrap to the pane's width, each label with its control
        FlowPane bar = new FlowPane(10, 4, new HBox(4, new Label("target"), target),
                new HBox(4, new Label("decoder"), decoder), new HBox(4, new Label("stride"), stride),
                new HBox(4, new Label("folds"), folds));
        for (Node n : bar.getChildren()) {
            ((HBox) n).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }
        bar.getStyleClass().add("pane-toolbar");
        bar.setStyle("-fx-font-size: 12px;");

        Label message = new Label();
        message.setId("decoding-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        // the hovered cell while the pointer is on one, else the within-step summary
        Label info = new Label();
        info.setId("decoding-info");
        info.getStyleClass().add("pane-toolbar");
        info.setStyle("-fx-font-size: 12px;");
        info.setWrapText(true);
        // two lines always, so that the matrix does not move when the text changes under the pointer
        info.setMinHeight(42);
        info.setPrefHeight(42);
        info.setMaxHeight(42);
        info.textProperty().bind(Bindings.when(vm.hoverTextProperty().isEmpty()).then(vm.summaryProperty())
                .otherwise(vm.hoverTextProperty()));
        disposer.onDispose(() -> {
            message.textProperty().unbind();
            message.visibleProperty().unbind();
            info.textProperty().unbind();
        });

        TextTitle step = new TextTitle("", new Font("SansSerif", Font.PLAIN, 11));
        step.setPaint(ChartStyle.foreground(dark));
        heatmap.chart().addSubtitle(0, step);
        // one redraw per result: the title, subtitle and outline change silently, then show() redraws
        disposer.listen(vm.shownProperty(), (o, a, s) -> {
            JFreeChart chart = heatmap.chart();
            chart.setNotify(false);
            if (s == null) {
                step.setText("");
                outline(-1, null);
                heatmap.clear("");
            } else {
                heatmap.setTitle(s.title());
                step.setText("at training step " + s.frame().step());
                outline(vm.highlightedColumnProperty().get(), s.heatmap());
                heatmap.show(s.heatmap());
            }
        });
        disposer.listen(vm.highlightedColumnProperty(), (o, a, c) -> {
            heatmap.chart().setNotify(false);
            outline(c.intValue(), heatmap.data());
            heatmap.chart().setNotify(true);
        });
        heatmap.clear("");
        heatmap.chart().getTitle().setFont(new Font("SansSerif", Font.BOLD, 12));

        oodChart = OodChart.create(vm.oodDataset(), dark);
        disposer.listen(vm.oodShownProperty(), (o, a, s) -> OodChart.setLowerBound(oodChart,
                s == null ? 0 : s.axisLowerBound()));
        disposer.onDispose(() -> oodChart.getCategoryPlot().setDataset(null));
        ChartViewer oodViewer = new ChartViewer(oodChart);
        oodViewer.setId("decoding-ood-chart");
        VBox.setVgrow(oodViewer, Priority.ALWAYS);
        Label oodText = new Label();
        oodText.setId("decoding-ood-summary");
        oodText.setWrapText(true);
        oodText.setStyle("-fx-font-size: 12px;");
        Tips.set(oodText, "Vafidis et al.'s test: ridge regression of every latent x0..x(D-1) from the "
                + "last step's hidden state, fitted on all 2^D orthants but one and tested on the held-out one (OOD), "
                + "against the cross-validated fit on all orthants (in-distribution); r\u00b2 = 1 - MSE / (1/12). "
                + "Bars: latent and held-out orthant (signs of x0, x1, ...)");
        oodText.textProperty().bind(vm.oodTextProperty());
        disposer.onDispose(() -> oodText.textProperty().unbind());
        VBox ood = new VBox(2, oodText, oodViewer);
        ood.setId("decoding-ood");
        ood.getStyleClass().add("pane-toolbar");

        StackPane matrix = new StackPane(heatmap, message);
        SplitPane split = new SplitPane(matrix);
        split.setOrientation(Orientation.VERTICAL);
        Runnable layout = () -> {
            if (vm.oodAvailableProperty().get()) {
                if (!split.getItems().contains(ood)) {
                    split.getItems().add(ood);
                    split.setDividerPositions(0.62);
                }
            } else {
                split.getItems().remove(ood);
            }
        };
        layout.run();
        disposer.listen(vm.oodAvailableProperty(), (o, a, b) -> layout.run());

        BorderPane crossTime = new BorderPane(split, bar, null, info, null);
        Tab first = new Tab("Cross-time", crossTime);
        first.setClosable(false);
        tabs = new TabPane(first);
        tabs.setId("decoding-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
    }

    /** Adds a tab after the cross-time one (the N-back analyses); content may be null and set when shown. */
    public Tab addTab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        tabs.getTabs().add(t);
        return t;
    }

    /** The tab shown: 0 cross-time, then the added ones in order. */
    public int selectedTab() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    public TabPane tabs() {
        return tabs;
    }

    /**
     * Outlines one column (-1: none) of the matrix {@code d}, without redrawing. The outline is a renderer
     * annotation, which {@link Heatmap#show} keeps (it clears the plot's annotations), and an
     * {@link XYShapeAnnotation}, because the rectangle of {@code XYBoxAnnotation} (used by
     * {@link Heatmap#highlight}) has a negative height on the heatmap's inverted row axis and is not drawn.
     */
    private void outline(int column, HeatmapData d) {
        XYItemRenderer renderer = heatmap.chart().getXYPlot().getRenderer();
        if (outline != null) {
            renderer.removeAnnotation(outline);
            outline = null;
        }
        if (d != null && column >= 0 && column < d.columns()) {
            outline = new XYShapeAnnotation(new Rectangle2D.Double(column - 0.5, -0.5, 1, d.rows()),
                    new BasicStroke(2.5f), OUTLINE, null);
            renderer.addAnnotation(outline, Layer.FOREGROUND);
        }
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    public JFreeChart oodChart() {
        return oodChart;
    }

    public void dispose() {
        disposer.dispose();
        heatmap.setOnCellClicked(null);
        heatmap.setOnCellHovered(null);
    }
}
