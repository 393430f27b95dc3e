package org.attractorlab.app.panes.rsa;

import javafx.beans.binding.Bindings;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.Controls;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.Distance;

/** The RDM of the newest frame as a heatmap, with its grouping, distance, window and model controls. */
public final class RsaView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final Heatmap heatmap;

    public RsaView(RsaViewModel vm, boolean dark) {
        getStyleClass().add("pane-view");
        setId("rsa-view");
        heatmap = new Heatmap("RDM", dark);
        heatmap.setId("rsa-heatmap");
        heatmap.setOnCellClicked(vm::select);
        heatmap.setOnCellHovered(vm::hover);

        MenuButton columns = new MenuButton();
        columns.setId("rsa-columns");
        columns.setMnemonicParsing(false);
        columns.setMaxWidth(130);
        Tips.set(columns, "Condition columns: each distinct combination of values is one condition");
        Runnable rebuild = () -> columns.getItems().setAll(vm.columns().stream().map(name -> {
            CheckMenuItem item = new CheckMenuItem(name);
            item.setId("rsa-column-" + name);
            item.setMnemonicParsing(false);
            item.setSelected(vm.conditionColumnsProperty().get().contains(name));
            item.selectedProperty().addListener((o, a, on) -> vm.toggleColumn(name, on));
            return item;
        }).toList());
        Runnable label = () -> {
            columns.setText(String.join(", ", vm.conditionColumnsProperty().get()));
            columns.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(
                    vm.conditionColumnsProperty().get().contains(i.getText())));
        };
        rebuild.run();
        label.run();
        disposer.invalidated(vm.columns(), o -> rebuild.run());
        disposer.listen(vm.conditionColumnsProperty(), (o, a, b) -> label.run());

        ComboBox<Distance> distance = combo("rsa-distance", "Distance between condition patterns");
        distance.getItems().setAll(Distance.values());
        distance.valueProperty().bindBidirectional(vm.distanceProperty());
        ComboBox<String> model = combo("rsa-model", "Model RDM: 0 for conditions with the same value of this column,"
                + " 1 otherwise");
        model.setItems(vm.modelChoices());
        model.valueProperty().bindBidirectional(vm.modelProperty());
        ComboBox<Comparison> comparison = combo("rsa-comparison", "How the RDM is compared with the model RDM");
        comparison.getItems().setAll(Comparison.values());
        comparison.valueProperty().bindBidirectional(vm.comparisonProperty());
        disposer.onDispose(() -> {
            distance.valueProperty().unbindBidirectional(vm.distanceProperty());
            model.valueProperty().unbindBidirectional(vm.modelProperty());
            comparison.valueProperty().unbindBidirectional(vm.comparisonProperty());
        });

        distance.setPrefWidth(124);
        model.setPrefWidth(100);
        comparison.setPrefWidth(128);
        Spinner<Integer> from = Controls.spinner(disposer, "rsa-from",
                vm.fromStepProperty(), 0, vm.stepsProperty(), -1, 74);
        Spinner<Integer> to = Controls.spinner(disposer, "rsa-to", vm.toStepProperty(), 1, vm.stepsProperty(), 0, 74);
        Tips.set(from, "First step of the window the hidden states are averaged over");
        Tips.set(to, "End of the window (exclusive): steps from .. to - 1");
        // the comparison a flow item of its own: a narrow pane wraps it to the next line instead of cutting it off
        FlowPane bar = new FlowPane(8, 4, columns, distance,
                Controls.row(new Label("steps"), from, new Label("to"), to),
                Controls.row(new Label("model"), model), comparison);
        bar.getStyleClass().add("pane-toolbar");
        bar.setStyle("-fx-font-size: 11px;");

        Label message = new Label();
        message.setId("rsa-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        // one line under the RDM: the comparison score, or while the pointer is on a cell, that cell
        Label status = new Label();
        status.setId("rsa-status");
        status.setStyle("-fx-font-size: 11px;");
        status.textProperty().bind(Bindings.when(vm.hoverTextProperty().isEmpty()).then(vm.scoreProperty())
                .otherwise(vm.hoverTextProperty()));
        status.getStyleClass().add("pane-toolbar");
        disposer.onDispose(() -> {
            message.textProperty().unbind();
            message.visibleProperty().unbind();
            status.textProperty().unbind();
        });

        disposer.listen(vm.shownProperty(), (o, a, s) -> {
            if (s == null) {
                heatmap.clear("");
            } else {
                heatmap.setTitle("RDM, training step " + s.frame().step());
                heatmap.show(s.heatmap());
            }
        });
        disposer.listen(vm.highlightedProperty(), (o, a, h) -> heatmap.highlight(h, h));
        heatmap.clear("");

        setTop(bar);
        setCenter(new StackPane(heatmap, message));
        setBottom(status);
    }

    private static <T> ComboBox<T> combo(String id, String tip) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        Tips.set(box, tip);
        return box;
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    public void dispose() {
        disposer.dispose();
        heatmap.setOnCellClicked(null);
        heatmap.setOnCellHovered(null);
    }
}
