package org.attractorlab.app.panes.behaviour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.app.fx.Disposer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * One trial over time: its inputs (top) and the network's outputs against the targets (bottom, targets dashed
 * where the loss counts them), with a marker at the selected time step. Clicking the chart selects a time step.
 */
public final class BehaviourView extends BorderPane {
    private static final Stroke TRACE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[]{5f, 4f}, 0f);

    private final Disposer disposer = new Disposer();
    private final boolean dark;
    private final JFreeChart chart;
    private final CombinedDomainXYPlot plot;
    private final XYPlot inputPlot;
    private final XYPlot outputPlot;
    private final ValueMarker[] markers = new ValueMarker[2];

    public BehaviourView(BehaviourViewModel vm, boolean dark) {
        this.dark = dark;
        setId("behaviour-view");
        getStyleClass().add("pane-view");
        NumberAxis time = new NumberAxis(vm.timeLabelProperty().get());
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        time.setAutoRangeIncludesZero(false);
        plot = new CombinedDomainXYPlot(time);
        plot.setGap(8);
        inputPlot = new XYPlot(vm.inputs(), null, rangeAxis("input"), new XYStepRenderer());
        XYLineAndShapeRenderer targetRenderer = new XYLineAndShapeRenderer(true, false);
        outputPlot = new XYPlot(vm.outputs(), null, rangeAxis("output"), new XYLineAndShapeRenderer(true, false));
        outputPlot.setDataset(1, vm.targets());
        outputPlot.setRenderer(1, targetRenderer);
        plot.add(inputPlot, 2);
        plot.add(outputPlot, 3);
        chart = new org.attractorlab.app.charts.FxChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart, dark);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        Color fg = ChartStyle.foreground(dark);
        Color markerPaint = new Color(fg.getRed(), fg.getGreen(), fg.getBlue(), 150);
        XYPlot[] subplots = {inputPlot, outputPlot};
        for (int i = 0; i < 2; i++) {
            style(subplots[i], fg);
            markers[i] = new ValueMarker(0, markerPaint, new BasicStroke(1.2f));
        }
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("behaviour-chart");
        org.attractorlab.app.charts.ChartHover hover = org.attractorlab.app.charts.ChartHover.install(viewer,
                at -> at.describeNearest(vm.millisProperty().get() ? "t (ms) =" : "t =", 40));
        disposer.onDispose(hover::dispose);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            Rectangle2D area = viewer.getCanvas().findDataArea(new Point2D.Double(e.getX(), e.getY()));
            if (area != null && e.getX() >= area.getMinX() && e.getX() <= area.getMaxX()) {
                vm.selectTime(time.java2DToValue(e.getX(), area, plot.getDomainAxisEdge()));
            }
        });

        Label header = new Label();
        header.setId("behaviour-trial");
        header.textProperty().bind(vm.headerProperty());
        header.setStyle("-fx-font-weight: bold;");
        header.setMinWidth(USE_PREF_SIZE);
        Label conditions = new Label();
        conditions.setId("behaviour-conditions");
        conditions.textProperty().bind(vm.conditionTextProperty());
        conditions.setMinWidth(0);
        conditions.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(conditions, Priority.ALWAYS);
        Tooltip conditionTip = new Tooltip();
        conditionTip.textProperty().bind(vm.conditionTextProperty());
        conditions.setTooltip(conditionTip);
        Label frame = new Label();
        frame.setId("behaviour-frame");
        frame.textProperty().bind(vm.frameTextProperty());
        frame.setStyle("-fx-text-fill: -color-fg-muted;");
        Tips.set(frame, "Training step of the network shown");
        frame.setMinWidth(USE_PREF_SIZE);
        CheckBox ms = new CheckBox("ms");
        ms.setId("behaviour-millis");
        ms.setMinWidth(USE_PREF_SIZE);
        Tips.set(ms, "Show time in milliseconds instead of steps");
        ms.selectedProperty().bindBidirectional(vm.millisProperty());
        ms.disableProperty().bind(vm.millisAvailableProperty().not());
        disposer.onDispose(() -> {
            header.textProperty().unbind();
            conditions.textProperty().unbind();
            conditionTip.textProperty().unbind();
            frame.textProperty().unbind();
            ms.selectedProperty().unbindBidirectional(vm.millisProperty());
            ms.disableProperty().unbind();
        });
        HBox bar = new HBox(10, header, conditions, frame, ms);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("pane-toolbar");
        setTop(bar);
        setCenter(viewer);

        // one redraw per update, not one per dataset
        disposer.listen(vm.updatingProperty(), (o, a, busy) -> chart.setNotify(!busy));
        disposer.listen(vm.timeLabelProperty(), (o, a, b) -> time.setLabel(b));
        disposer.listen(vm.markerProperty(), (o, a, b) -> showMarker(b.doubleValue()));
        disposer.listen(vm.channelsProperty(), (o, a, c) -> colour(c));
        colour(vm.channelsProperty().get());
        showMarker(vm.markerProperty().get());
        disposer.onDispose(() -> {
            // the view model's datasets must not keep the plots (and so this view) reachable
            inputPlot.setDataset(null);
            outputPlot.setDataset(0, null);
            outputPlot.setDataset(1, null);
        });
    }

    private static NumberAxis rangeAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setAutoRangeMinimumSize(0.5);
        return a;
    }

    private void style(XYPlot p, Color fg) {
        p.setBackgroundPaint(ChartStyle.background(dark));
        p.setDomainGridlinePaint(ChartStyle.grid(dark));
        p.setRangeGridlinePaint(ChartStyle.grid(dark));
        p.setOutlineVisible(false);
        ValueAxis a = p.getRangeAxis();
        a.setLabelPaint(fg);
        a.setTickLabelPaint(fg);
        a.setAxisLinePaint(fg);
        a.setTickMarkPaint(fg);
        a.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
    }

    /** Channel k of the inputs and of the outputs share a colour; targets are dashed in their output's colour. */
    private void colour(BehaviourViewModel.Channels c) {
        LegendItemCollection legend = new LegendItemCollection();
        Line2D line = new Line2D.Double(-8, 0, 8, 0);
        for (int k = 0; k < c.inputs().size(); k++) {
            inputPlot.getRenderer().setSeriesPaint(k, colour(k), false);
            inputPlot.getRenderer().setSeriesStroke(k, TRACE, false);
            if (c.inputs().size() <= 8) {
                legend.add(new LegendItem(c.inputs().get(k), null, null, null, line, TRACE, colour(k)));
            }
        }
        for (int k = 0; k < c.outputs().size(); k++) {
            outputPlot.getRenderer(0).setSeriesPaint(k, colour(k), false);
            outputPlot.getRenderer(0).setSeriesStroke(k, TRACE, false);
            outputPlot.getRenderer(1).setSeriesPaint(k, colour(k), false);
            outputPlot.getRenderer(1).setSeriesStroke(k, DASHED, false);
            if (c.outputs().size() <= 8) {
                legend.add(new LegendItem(c.outputs().get(k), null, null, null, line, TRACE, colour(k)));
            }
        }
        if (!c.outputs().isEmpty()) {
            legend.add(new LegendItem("target", "target where the loss counts it", null, null, line, DASHED,
                    ChartStyle.foreground(dark)));
        }
        plot.setFixedLegendItems(legend);
    }

    private static Color colour(int k) {
        // the palette without black and yellow, which vanish on one of the two backgrounds
        return ChartStyle.PALETTE[k % 6];
    }

    private void showMarker(double at) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        XYPlot[] subplots = {inputPlot, outputPlot};
        for (int i = 0; i < 2; i++) {
            if (Double.isNaN(at)) {
                subplots[i].removeDomainMarker(markers[i]);
            } else {
                markers[i].setValue(at);
                if (subplots[i].getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null
                        || !subplots[i].getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).contains(markers[i])) {
                    subplots[i].addDomainMarker(markers[i]);
                }
            }
        }
        chart.setNotify(notify);
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The inputs (0) and outputs-versus-targets (1) plots. */
    public XYPlot subplot(int i) {
        return i == 0 ? inputPlot : outputPlot;
    }

    public void dispose() {
        disposer.dispose();
    }
}
