package org.attractorlab.app.panes.decoding;

import java.awt.Font;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.Controls;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.NBackCharts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The N-back tab of the decoding pane: the cross-task matrix of a chosen feature, the relevant vs irrelevant
 * bars, the perceptual vs encoding orthogonalisation bars and the Procrustes swap test, one sub-tab each, with
 * their three settings above them and the results in words below.
 */
public final class NBackView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final NBackViewModel viewModel;
    private final Heatmap heatmap;
    private final TabPane tabs;
    private final JFreeChart relevance;
    private final JFreeChart orthogonalisation;
    private final JFreeChart procrustes;

    public NBackView(NBackViewModel vm, boolean dark) {
        setId("nback-view");
        this.viewModel = vm;
        ComboBox<String> matrixFeature = combo("nback-matrix-feature", vm, vm.matrixFeatureProperty(),
                "The feature whose decoder is trained on one task and tested on another");
        ComboBox<String> procrustesFeature = combo("nback-procrustes-feature", vm, vm.procrustesFeatureProperty(),
                "The item's feature of the Procrustes rotations");
        Spinner<Integer> step = Controls.spinner(disposer, "nback-orth-step", vm.orthStepProperty(), 0,
                vm.stepsProperty(), -1, 64);
        Tips.set(step, "The step of the orthogonalisation index (the stimulus shown there labels "
                + "the trials)");
        FlowPane bar = new FlowPane(10, 4, row("matrix", matrixFeature), row("orth. step", step),
                row("Procrustes", procrustesFeature));
        bar.getStyleClass().add("pane-toolbar");
        bar.setStyle("-fx-font-size: 12px;");

        heatmap = new Heatmap(NBackCharts.CROSS_TASK_TITLE, dark);
        heatmap.setId("nback-cross-task");
        heatmap.chart().getTitle().setFont(new Font("SansSerif", Font.BOLD, 12));
        heatmap.clear("");
        disposer.listen(vm.matrixProperty(), (o, a, d) -> {
            if (d == null) {
                heatmap.clear("");
            } else {
                heatmap.setTitle("Cross-task: " + vm.matrixFeatureProperty().get());
                heatmap.show(d);
            }
        });
        relevance = NBackCharts.relevance(vm.relevanceDataset(), dark);
        orthogonalisation = NBackCharts.orthogonalisation(vm.orthogonalisationDataset(), dark);
        procrustes = NBackCharts.procrustes(vm.procrustesDataset(), dark);
        tabs = new TabPane(tab("Cross-task", heatmap), tab("Relevant / irrelevant", viewer("nback-relevance",
                relevance)), tab("Perceptual vs encoding", viewer("nback-orthogonalisation", orthogonalisation)),
                tab("Procrustes", viewer("nback-procrustes", procrustes)));
        tabs.setId("nback-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label message = new Label();
        message.setId("nback-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        Label summary = new Label();
        summary.setId("nback-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-font-size: 11px;");
        summary.getStyleClass().add("pane-toolbar");
        summary.setMaxHeight(48);
        // the line of the results in words that belongs to the sub-tab shown, all of them in the tooltip
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> line(
                vm.summaryProperty().get(), tabs.getSelectionModel().getSelectedIndex()), vm.summaryProperty(),
                tabs.getSelectionModel().selectedIndexProperty()));
        Tooltip all = new Tooltip();
        all.setWrapText(true);
        all.setMaxWidth(600);
        all.textProperty().bind(vm.summaryProperty());
        summary.setTooltip(all);
        disposer.onDispose(() -> {
            message.textProperty().unbind();
            message.visibleProperty().unbind();
            summary.textProperty().unbind();
            all.textProperty().unbind();
            relevance.getCategoryPlot().setDataset(null);
            orthogonalisation.getCategoryPlot().setDataset(null);
            procrustes.getCategoryPlot().setDataset(null);
        });
        setTop(bar);
        setCenter(new StackPane(tabs, message));
        setBottom(summary);
    }

    private ComboBox<String> combo(String id, NBackViewModel vm, javafx.beans.property.StringProperty p,
                                   String tip) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(vm.features());
        c.setId(id);
        Tips.set(c, tip);
        c.valueProperty().bindBidirectional(p);
        disposer.onDispose(() -> c.valueProperty().unbindBidirectional(p));
        return c;
    }

    /** Line 0 (cross-task) for sub-tabs 0 and 1, line 1 (orthogonalisation) for 2, line 2 (Procrustes) for 3. */
    private static String line(String summary, int tab) {
        String[] lines = summary.split("\n");
        int i = Math.max(0, tab - 1);
        return i < lines.length ? lines[i] : "";
    }

    private static HBox row(String label, Node control) {
        HBox b = new HBox(4, new Label(label), control);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    private static ChartViewer viewer(String id, JFreeChart chart) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        return v;
    }

    /** 0 cross-task, 1 relevance, 2 orthogonalisation, 3 Procrustes: the sub-tab shown. */
    public int selectedIndex() {
        return tabs.getSelectionModel().getSelectedIndex();
    }

    public NBackViewModel viewModel() {
        return viewModel;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    /** The bar charts, in sub-tab order (relevance, orthogonalisation, Procrustes). */
    public java.util.List<JFreeChart> barCharts() {
        return java.util.List.of(relevance, orthogonalisation, procrustes);
    }

    public void dispose() {
        disposer.dispose();
    }
}
