package org.attractorlab.app.panes.pca3d;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;

/**
 * The controls of the 3D pane: colour-by, how many trials, selected only and reset view above; play, the time
 * slider and hide-marker below. They only bind to the view model.
 */
final class Pca3dControls {
    private final Disposer disposer = new Disposer();
    private final Pca3dViewModel vm;
    private final Runnable resetView;
    private final Slider time = new Slider(0, 1, 0);
    private final HBox top;
    private final HBox bottom;
    private boolean movingSlider;

    Pca3dControls(Pca3dViewModel vm, Runnable resetView) {
        this.vm = vm;
        this.resetView = resetView;
        top = toolbar();
        bottom = timeBar();
    }

    HBox top() {
        return top;
    }

    HBox bottom() {
        return bottom;
    }

    /** The slider's range: the time steps of a trial. */
    void setSteps(int steps) {
        moveSlider(() -> time.setMax(Math.max(1, steps - 1)));
    }

    private HBox toolbar() {
        ComboBox<String> colorBy = new ComboBox<>(vm.columns());
        colorBy.setId("pca3d-color-by");
        Tips.set(colorBy, "The condition that colours the trajectories (in every pane)");
        colorBy.valueProperty().bindBidirectional(vm.colorByProperty());
        disposer.onDispose(() -> colorBy.valueProperty().unbindBidirectional(vm.colorByProperty()));

        ChoiceBox<Integer> limit = new ChoiceBox<>();
        limit.getItems().setAll(Pca3dViewModel.LIMITS);
        limit.setId("pca3d-limit");
        limit.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : n == 0 ? "all trials" : n + " trials";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        limit.setValue(vm.limitProperty().get());
        Tips.set(limit, "How many probe trials to draw (selected trials are always drawn)");
        disposer.listen(limit.valueProperty(), (o, a, n) -> vm.limitProperty().set(n == null ? 0 : n));
        disposer.listen(vm.limitProperty(), (o, a, n) -> limit.setValue(n.intValue()));

        CheckBox selectedOnly = new CheckBox("selected only");
        selectedOnly.setId("pca3d-selected-only");
        Tips.set(selectedOnly, "Draw only the selected trials");
        selectedOnly.selectedProperty().bindBidirectional(vm.selectedOnlyProperty());
        disposer.onDispose(() -> selectedOnly.selectedProperty().unbindBidirectional(vm.selectedOnlyProperty()));

        Button reset = new Button("Reset view");
        reset.setId("pca3d-reset-view");
        Tips.set(reset, "Back to the initial angle and zoom (drag: orbit, scroll: zoom, "
                + "right- or shift-drag: pan)");
        reset.setOnAction(e -> resetView.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, colorBy, limit, selectedOnly, spacer, reset);
        for (Node n : bar.getChildren()) {
            if (n instanceof Control c) {
                c.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        colorBy.setPrefWidth(130);
        colorBy.setPromptText("colour by");
        bar.getStyleClass().add("pane-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private HBox timeBar() {
        ToggleButton play = new ToggleButton("\u25b6");
        play.setId("pca3d-play");
        Tips.set(play, "Move the time marker along the trials");
        play.selectedProperty().bindBidirectional(vm.playingProperty());
        disposer.onDispose(() -> play.selectedProperty().unbindBidirectional(vm.playingProperty()));
        time.setId("pca3d-time");
        disposer.listen(vm.timeStepProperty(), (o, a, t) -> {
            if (t.intValue() >= 0) {
                moveSlider(() -> time.setValue(t.intValue()));
            }
        });
        disposer.listen(time.valueProperty(), (o, a, v) -> {
            if (!movingSlider) {
                vm.timeStepProperty().set((int) Math.round(v.doubleValue()));
            }
        });
        Tips.set(time, "Time step marked on every trajectory (in every pane)");
        HBox.setHgrow(time, Priority.ALWAYS);
        Label t = new Label();
        t.setId("pca3d-time-label");
        t.setMinWidth(70);
        disposer.listen(vm.timeStepProperty(), (o, a, v) -> t.setText(timeText(v.intValue())));
        t.setText(timeText(vm.timeStepProperty().get()));
        Button hide = new Button("\u2715");
        hide.setId("pca3d-hide-marker");
        hide.getStyleClass().add("flat");
        Tips.set(hide, "Hide the time marker");
        hide.setOnAction(e -> {
            vm.playingProperty().set(false);
            vm.timeStepProperty().set(-1);
        });
        HBox bar = new HBox(8, play, time, t, hide);
        bar.getStyleClass().add("pane-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Changes the slider without taking the change for the user's. */
    private void moveSlider(Runnable change) {
        movingSlider = true;
        try {
            change.run();
        } finally {
            movingSlider = false;
        }
    }

    private static String timeText(int t) {
        return t < 0 ? "t: \u2013" : "t = " + t;
    }

    void dispose() {
        disposer.dispose();
    }
}
