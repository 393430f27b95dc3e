package org.attractorlab.app.history;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;

/**
 * The history bar: Play, Live, a slider over the training snapshots and the step shown. Left and Right step
 * through the history when the slider has the focus.
 */
public final class HistoryView extends HBox {
    private final Disposer disposer = new Disposer();
    private boolean syncing;

    public HistoryView(HistoryViewModel vm) {
        super(10);
        setId("history-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 10, 4, 10));
        setStyle("-fx-background-color: -color-bg-subtle; -fx-border-color: -color-border-default;"
                + " -fx-border-width: 1 0 0 0;");

        Label title = new Label("History");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Button play = new Button("Play");
        play.setId("history-play");
        play.setPrefWidth(70);
        Tips.set(play, "Watch the network form: step through the training history");
        play.setOnAction(e -> vm.togglePlay());
        ToggleButton live = new ToggleButton("Live");
        live.setId("history-live");
        live.setPrefWidth(60);
        Tips.set(live, "Follow training: show the newest network");
        live.selectedProperty().bindBidirectional(vm.liveProperty());

        Slider slider = new Slider(0, 0, 0);
        slider.setId("history-slider");
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setMaxWidth(Double.MAX_VALUE);
        Tips.set(slider, "Training history: drag to see the network at an earlier step (Left/Right)");
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
                vm.stepBy(e.getCode() == KeyCode.LEFT ? -1 : 1);
                e.consume();
            }
        });
        disposer.listen(slider.valueProperty(), (o, a, v) -> {
            int i = (int) Math.round(v.doubleValue());
            if (!syncing && i != vm.indexProperty().get()) {
                vm.select(i);
            }
        });
        disposer.listen(vm.countProperty(), (o, a, n) -> sync(slider, vm));
        disposer.listen(vm.indexProperty(), (o, a, n) -> sync(slider, vm));
        sync(slider, vm);

        Label step = new Label();
        step.setId("history-step");
        step.setMinWidth(90);
        step.textProperty().bind(vm.stepTextProperty());
        disposer.listen(vm.playingProperty(), (o, a, p) -> play.setText(p ? "Pause" : "Play"));
        disposer.onDispose(() -> {
            live.selectedProperty().unbindBidirectional(vm.liveProperty());
            step.textProperty().unbind();
        });
        getChildren().addAll(title, play, live, slider, step);
    }

    private void sync(Slider slider, HistoryViewModel vm) {
        syncing = true;
        try {
            int last = Math.max(0, vm.countProperty().get() - 1);
            slider.setMax(last);
            slider.setValue(vm.indexProperty().get());
            slider.setDisable(last == 0);
        } finally {
            syncing = false;
        }
    }

    public void dispose() {
        disposer.dispose();
    }
}
