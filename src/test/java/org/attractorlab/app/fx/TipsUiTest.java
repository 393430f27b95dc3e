package org.attractorlab.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.attractorlab.app.FxWait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Tooltips made when the pointer first enters their node, and then shown like any other. */
@ExtendWith(ApplicationExtension.class)
class TipsUiTest {
    private Button button;
    private Label label;
    private boolean noneBuilt;

    @Start
    void start(Stage stage) {
        button = new Button("Train");
        label = new Label("hidden_size");
        Tips.set(button, "Start training");
        Tips.set(label, "model.hidden_size (int)");
        noneBuilt = button.getTooltip() == null && label.getTooltip() == null;
        VBox root = new VBox(40, button, label);
        root.setStyle("-fx-padding: 40;");
        stage.setScene(new Scene(root, 300, 200));
        stage.show();
    }

    @Test
    void theTooltipIsBuiltOnTheFirstHoverAndShows(FxRobot robot) throws Exception {
        assertTrue(noneBuilt, "no tooltip before the pointer comes");
        assertEquals("Start training", FxWait.fx(() -> Tips.text(button)));
        assertEquals("model.hidden_size (int)", FxWait.fx(() -> Tips.text(label)));

        robot.moveTo(button).moveBy(3, 1).moveBy(-2, 1);
        FxWait.until("the button's tooltip shown", () -> FxWait.fx(() -> button.getTooltip() != null
                && button.getTooltip().isShowing()));
        assertEquals("Start training", FxWait.fx(() -> button.getTooltip().getText()));
        assertEquals("Start training", FxWait.fx(() -> Tips.text(button)), "the text once built");

        robot.moveTo(label).moveBy(3, 1).moveBy(-2, 1);
        FxWait.until("the label's tooltip shown", () -> FxWait.fx(() -> label.getTooltip() != null
                && label.getTooltip().isShowing()));
        assertEquals("model.hidden_size (int)", FxWait.fx(() -> label.getTooltip().getText()));

        FxWait.fx(() -> {
            Tips.set(button, "Resume training");
            return null;
        });
        assertEquals("Resume training", FxWait.fx(() -> button.getTooltip().getText()), "a built tooltip takes a new text");
        assertEquals("Resume training", FxWait.fx(() -> Tips.text(button)));
    }
}
