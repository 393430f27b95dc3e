package org.attractorlab.app.export;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Puts "Export figure..." on a pane without the pane knowing: a small button at the right of the pane's top bar
 * that calls {@link ExportViewModel#export}; a press anywhere in the pane makes it the pane the keyboard shortcut
 * exports.
 */
public final class PaneExport {
    /** The keyboard shortcut, as shown in tooltips. */
    public static final String SHORTCUT = "Ctrl+E";

    private PaneExport() {
    }

    /** Adds the button and the menu to {@code view}, registered as {@code pane}. */
    public static Button attach(ExportViewModel vm, String pane, BorderPane view) {
        Button button = new Button("Export\u2026");
        button.setId("export-" + pane);
        button.getStyleClass().addAll("small", "flat");
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.setTooltip(new Tooltip("Export figure\u2026 (" + SHORTCUT + "): save this pane as PNG (chosen dpi), "
                + "SVG or PDF"));
        button.setOnAction(e -> vm.export(pane, view.getScene() == null ? null : view.getScene().getWindow()));
        Node top = view.getTop();
        // the button sits at the top right over the pane's own bar, which keeps the rest of the width: a flow bar
        // still wraps to the pane's width, and a narrow pane clips its bar rather than hide the button
        StackPane bar = new StackPane();
        if (top != null) {
            StackPane.setAlignment(top, Pos.TOP_LEFT);
            button.widthProperty().addListener((o, a, w) ->
                    StackPane.setMargin(top, new Insets(0, w.doubleValue() + 4, 0, 0)));
            if (top instanceof Region r) {
                // narrower than its content, a flow bar wraps and any other bar is cut at the button
                r.setMinWidth(0);
                Rectangle clip = new Rectangle();
                clip.widthProperty().bind(r.widthProperty());
                clip.heightProperty().bind(r.heightProperty());
                r.setClip(clip);
            }
            bar.getChildren().add(top);
        }
        StackPane.setAlignment(button, Pos.TOP_RIGHT);
        bar.getChildren().add(button);
        bar.setMinWidth(0);
        view.setTop(bar);
        view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.touched(pane));
        return button;
    }
}
