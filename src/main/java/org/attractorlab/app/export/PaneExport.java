package org.attractorlab.app.export;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import org.attractorlab.app.fx.Tips;

/**
 * Puts "Export figure..." on a pane without the pane knowing: a small icon button at the right of the pane's top bar
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
        // an icon (a tray with an arrow into it), so that the button takes little of a narrow pane's toolbar
        SVGPath icon = new SVGPath();
        icon.setContent("M6 0h2v7l2.5-2.5 1.4 1.4L7 10.8 2.1 5.9l1.4-1.4L6 7z M0 10h2v2h10v-2h2v4H0z");
        icon.getStyleClass().add("export-icon");
        icon.setStyle("-fx-fill: -color-fg-default;");
        Button button = new Button("", icon);
        button.setId("export-" + pane);
        button.setAccessibleText("Export figure\u2026");
        button.getStyleClass().addAll("small", "flat");
        button.setMinWidth(Button.USE_PREF_SIZE);
        Tips.set(button, "Export figure\u2026 (" + SHORTCUT + "): save this pane as PNG (chosen dpi), "
                + "SVG or PDF");
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
