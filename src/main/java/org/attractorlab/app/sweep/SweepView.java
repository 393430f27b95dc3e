package org.attractorlab.app.sweep;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.attractorlab.app.charts.FxChart;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Themes;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.figure.SweepChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The sweep view: the counts and a filter per axis at the top, the table of runs (sortable by any column;
 * double-click opens a run; {@link RunTable}) above the plot of a summary column against an axis, and a status
 * line. Binds to a {@link SweepViewModel} and forwards the user's choices to it.
 */
public final class SweepView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final TableView<RunRow> table;
    private final BorderPane plotPane = new BorderPane();
    private final ChartViewer viewer = new ChartViewer(null);
    private final PopulationView population;
    private final TabPane tabs;
    private boolean dark;

    /** @param dark whether the plot starts in the dark theme ({@link #setDark} switches it) */
    public SweepView(SweepViewModel vm, boolean dark) {
        this.dark = dark;
        getStyleClass().add("sweep-view");
        Label counts = new Label();
        counts.setId("sweep-counts");
        counts.textProperty().bind(vm.countsProperty());
        FlowPane filters = new FlowPane(8, 4, counts);
        filters.getStyleClass().add("pane-toolbar");
        for (String axis : vm.axes()) {
            ChoiceBox<String> f = choice("sweep-filter-" + axis, vm.filterChoices(axis),
                    "Show only the runs with this value of " + axis + ", or all");
            follow(f, vm.filterProperty(axis), vm.filterProperty(axis)::set);
            filters.getChildren().addAll(new Label(axis), f);
        }
        setTop(filters);

        table = RunTable.create(vm, disposer);

        ChoiceBox<String> x = choice("sweep-x", vm.axes(), "The axis along x");
        follow(x, vm.xAxisProperty(), vm.xAxisProperty()::set);
        ChoiceBox<String> y = choice("sweep-y", List.of(), "The summary column along y (mean \u00b1 standard error)");
        y.setItems(vm.columns());
        // registered before the box's listeners, so run after they are gone
        disposer.onDispose(() -> y.setItems(javafx.collections.FXCollections.observableArrayList()));
        y.setPrefWidth(190); // its items arrive with the first records, after the box is sized
        follow(y, vm.yColumnProperty(), vm.yColumnProperty()::set);
        ChoiceBox<String> s = choice("sweep-series", vm.seriesChoices(), "One line per value of this axis, or none");
        follow(s, vm.seriesAxisProperty(), vm.seriesAxisProperty()::set);
        FlowPane bar = new FlowPane(8, 4, new Label("y"), y, new Label("against"), x, new Label("lines by"), s);
        bar.getStyleClass().add("pane-toolbar");
        plotPane.setTop(bar);
        viewer.setId("sweep-chart");
        Label message = new Label();
        message.setId("sweep-plot-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.plotMessageProperty());
        message.visibleProperty().bind(vm.seriesProperty().isNull());
        viewer.visibleProperty().bind(vm.seriesProperty().isNotNull());
        disposer.onDispose(() -> {
            message.textProperty().unbind();
            message.visibleProperty().unbind();
            viewer.visibleProperty().unbind();
        });
        plotPane.setCenter(new StackPane(viewer, message));
        disposer.listen(vm.seriesProperty(), (o, was, now) -> draw(now));
        draw(vm.seriesProperty().get());

        population = new PopulationView(vm.population(), dark);
        disposer.onDispose(population::dispose);
        table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        disposer.listen(vm.population().selectedRunsProperty(), (o, was, now) -> select(now));
        Tab plotTab = new Tab("Plot", plotPane);
        Tab popTab = new Tab("Population", population);
        popTab.setId("sweep-population-tab");
        tabs = new TabPane(plotTab, popTab);
        tabs.setId("sweep-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(table, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        Label status = new Label();
        status.setId("sweep-status");
        status.setPadding(new Insets(2, 8, 2, 8));
        status.textProperty().bind(vm.statusProperty());
        disposer.onDispose(() -> {
            counts.textProperty().unbind();
            status.textProperty().unbind();
        });
        setBottom(status);
    }

    /** The plot and its bar, where "Export figure..." goes. */
    public BorderPane plotPane() {
        return plotPane;
    }

    /** Adds a tab after the others (the OOD tab of an evidence-multitask sweep, a reproduction's Report). */
    public void addTab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        tabs.getTabs().add(t);
    }

    /** The Population tab, where its "Export figure..." goes. */
    public PopulationView populationPane() {
        return population;
    }

    public TableView<RunRow> table() {
        return table;
    }

    public ChartViewer chartViewer() {
        return viewer;
    }

    /** Recolours the plot for the light or dark theme; later plots are drawn in it too. */
    public void setDark(boolean on) {
        dark = on;
        Themes.retheme(viewer, on);
        population.setDark(on);
    }

    /** Selects the runs of these names in the table (those the filters hide stay unselected). */
    private void select(List<String> names) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (names.contains(table.getItems().get(i).name())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    private void draw(SweepSeries s) {
        if (s != null) { // with nothing to plot the viewer is hidden behind the message
            viewer.setChart(SweepChart.create(s, dark, (t, p) -> new FxChart(t, p, true)));
        }
    }

    static ChoiceBox<String> choice(String id, List<String> items, String tip) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.setId(id);
        c.getItems().setAll(items);
        Tips.set(c, tip);
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }

    /**
     * Shows {@code value} in the box and forwards the user's choices (never the null a box takes on while its items
     * are replaced).
     */
    private void follow(ChoiceBox<String> box, ObservableValue<String> value, Consumer<String> set) {
        follow(disposer, box, value, set);
    }

    /** {@link #follow(ChoiceBox, ObservableValue, Consumer)} with its listeners undone by {@code disposer}. */
    static void follow(Disposer disposer, ChoiceBox<String> box, ObservableValue<String> value,
                       Consumer<String> set) {
        box.setValue(value.getValue());
        disposer.listen(value, (o, was, now) -> box.setValue(now));
        disposer.listen(box.valueProperty(), (o, was, now) -> {
            if (now != null) {
                set.accept(now);
            } else if (value.getValue() != null) {
                box.setValue(value.getValue());
            }
        });
    }

    public void dispose() {
        disposer.dispose();
    }
}
