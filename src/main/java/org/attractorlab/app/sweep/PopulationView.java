package org.attractorlab.app.sweep;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.attractorlab.app.charts.FxChart;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Themes;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.figure.DegeneracyCharts;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Population tab of the sweep window: the level, group-by and colour choosers, the OOD overrides, "Compute" and
 * the message line on top; below, side by side, the distance matrix (a click on a cell selects its two runs in the
 * table and opens them side by side in 3D in one PCA basis, in a window of its own: {@link AlignedPairView}), the MDS
 * scatter coloured by an axis and the degeneracy score per group with its spread. Binds to a
 * {@link PopulationViewModel}.
 */
public final class PopulationView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final PopulationViewModel vm;
    private final Heatmap matrix;
    private final ChartViewer mds = new ChartViewer(null);
    private final ChartViewer scores = new ChartViewer(null);
    private final AlignedPairWindow pair;
    private boolean dark;

    public PopulationView(PopulationViewModel vm, boolean dark) {
        this.vm = vm;
        this.dark = dark;
        setId("population");
        ChoiceBox<String> level = SweepView.choice("population-level", vm.levels(), "The level at which the runs "
                + "are compared (representation: 1 - linear CKA of the hidden states)");
        SweepView.follow(disposer, level, vm.levelProperty(), vm.levelProperty()::set);
        ChoiceBox<String> group = SweepView.choice("population-group-by", vm.axisChoices(),
                "One degeneracy score per value of this axis, or one over all runs");
        SweepView.follow(disposer, group, vm.groupByProperty(), vm.groupByProperty()::set);
        ChoiceBox<String> colour = SweepView.choice("population-colour", vm.axisChoices(),
                "The axis that colours the networks in the MDS scatter");
        SweepView.follow(disposer, colour, vm.colourAxisProperty(), vm.colourAxisProperty()::set);
        TextField ood = field("population-ood", "task.trial_steps=200, ...", 16, "Out-of-distribution probe: task "
                + "keys changed for a second behaviour batch (like compare --ood-set), comma-separated; then choose "
                + "behaviour_ood", vm.oodProperty());
        TextField fitted = field("population-max-val-loss", "all runs", 5, "Compare only the runs that fitted their "
                + "task: those whose validation loss is below this (like compare --max-val-loss); empty compares every "
                + "done run", vm.maxValLossProperty());
        Button compute = new Button("Compute");
        compute.setId("population-compute");
        Tips.set(compute, "Compare the done runs of the sweep at the chosen level");
        compute.setOnAction(e -> vm.compute());
        compute.disableProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("population-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        FlowPane bar = new FlowPane(8, 4, new Label("level"), level, new Label("by"), group,
                new Label("colour"), colour, labelled("OOD", ood), labelled("fitted below", fitted), compute,
                message);
        bar.getStyleClass().add("pane-toolbar");
        // a long summary takes a line of its own and wraps there, rather than run off the bar
        message.setMinWidth(0);
        message.maxWidthProperty().bind(bar.widthProperty().subtract(16));
        setTop(bar);
        disposer.onDispose(() -> {
            compute.disableProperty().unbind();
            compute.setOnAction(null);
            message.textProperty().unbind();
            message.maxWidthProperty().unbind();
        });

        matrix = new Heatmap("Distances", dark);
        matrix.setId("population-matrix");
        matrix.clear("Press Compute");
        matrix.setOnCellClicked(c -> vm.selectPair(c.row(), c.column()));
        disposer.onDispose(() -> matrix.setOnCellClicked(null));
        mds.setId("population-mds");
        scores.setId("population-scores");
        SplitPane charts = new SplitPane(matrix, mds, scores);
        charts.setOrientation(Orientation.HORIZONTAL);
        charts.setDividerPositions(0.38, 0.69);
        setCenter(charts);
        pair = new AlignedPairWindow(vm.pair(), dark);
        disposer.onDispose(pair::dispose);
        disposer.listen(vm.pair().shownProperty(), (o, was, now) -> {
            if (now != null) {
                pair.show(getScene() == null ? null : getScene().getWindow());
            }
        });
        disposer.listen(vm.computedProperty(), (o, was, now) -> draw());
        disposer.listen(vm.colourAxisProperty(), (o, was, now) -> draw());
        draw();
    }

    /** A text field bound both ways to {@code text}, Enter computing; both undone on dispose. */
    private TextField field(String id, String prompt, int columns, String tip,
                            javafx.beans.property.StringProperty text) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(columns);
        Tips.set(f, tip);
        f.textProperty().bindBidirectional(text);
        f.setOnAction(e -> vm.compute());
        disposer.onDispose(() -> {
            f.textProperty().unbindBidirectional(text);
            f.setOnAction(null);
        });
        return f;
    }

    /** A label and its field, kept on one line when the bar wraps. */
    private static javafx.scene.layout.HBox labelled(String label, TextField field) {
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(4, new Label(label), field);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private void draw() {
        PopulationViewModel.Computed c = vm.computedProperty().get();
        if (c == null) {
            return;
        }
        matrix.show(DegeneracyCharts.matrix(c.result(), c.measure()));
        matrix.setTitle("Distances: " + c.measure().key());
        mds.setChart(DegeneracyCharts.mds(c.result(), c.measure(), vm.colourAxis(), dark,
                (t, p) -> new FxChart(t, p, true)));
        scores.setChart(DegeneracyCharts.scores(c.result(), c.measure(), dark, (t, p) -> new FxChart(t, p, true)));
    }

    /** Recolours the charts for the light or dark theme. */
    public void setDark(boolean on) {
        dark = on;
        Themes.retheme(this, on);
        pair.setDark(on);
    }

    public Heatmap matrix() {
        return matrix;
    }

    public ChartViewer mdsViewer() {
        return mds;
    }

    public ChartViewer scoresViewer() {
        return scores;
    }

    /** The clicked pair, side by side in 3D (in a window of its own, shown once a pair is aligned). */
    public AlignedPairView pairView() {
        return pair.view();
    }

    /** The window of the clicked pair. */
    public javafx.stage.Stage pairWindow() {
        return pair.stage();
    }

    public void dispose() {
        disposer.dispose();
    }
}
