package org.attractorlab.app.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.attractorlab.app.experiment.ExperimentView;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.session.SessionViewModel;

/**
 * The window's content: toolbar on top, experiment panel on the left, the analysis panes in resizable splits in
 * the centre, a status bar at the bottom. Panes go into named slots.
 */
public final class MainView extends BorderPane {
    /** The pane slots, in layout order. */
    public static final String[] SLOTS = {"pca3d", "loss", "behaviour", "fixed-points", "rsa", "angles", "decoding"};

    private final Disposer disposer = new Disposer();
    private final Map<String, StackPane> slots = new LinkedHashMap<>();
    private final SplitPane rows;
    private final SplitPane top;
    private final SplitPane right;
    private final SplitPane bottom;
    private final SplitPane body;
    private final HBox statusBar;

    public MainView(SessionViewModel session, ToolbarView toolbar, ExperimentView experiment) {
        setId("main-view");
        for (String s : SLOTS) {
            StackPane p = new StackPane(new Label(s));
            p.setId("slot-" + s);
            p.getStyleClass().add("pane-slot");
            slots.put(s, p);
        }
        right = new SplitPane(slots.get("loss"), slots.get("behaviour"));
        right.setOrientation(Orientation.VERTICAL);
        top = new SplitPane(slots.get("pca3d"), right);
        top.setDividerPositions(0.6);
        bottom = new SplitPane(slots.get("fixed-points"), slots.get("rsa"), slots.get("angles"), slots.get("decoding"));
        bottom.setDividerPositions(0.25, 0.5, 0.75);
        rows = new SplitPane(top, bottom);
        rows.setOrientation(Orientation.VERTICAL);
        rows.setDividerPositions(0.58);
        // the panes give way before the experiment panel does: its fields stay readable in a small window
        experiment.setMinWidth(240);
        body = new SplitPane(experiment, rows);
        body.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(experiment, false);

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(session.messageProperty());
        disposer.onDispose(() -> status.textProperty().unbind());
        statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(3, 8, 3, 8));

        setTop(toolbar);
        setCenter(body);
        setBottom(statusBar);
    }

    /** Puts a pane into a slot. */
    public void place(String slot, Node pane) {
        StackPane p = slots.get(slot);
        if (p == null) {
            throw new IllegalArgumentException("no pane slot '" + slot + "'");
        }
        p.getChildren().setAll(pane);
    }

    /**
     * Shows or hides the analysis panes (the experiment panel, toolbar and status bar stay): hidden panes are
     * neither laid out nor drawn.
     */
    public void setPanesShown(boolean shown) {
        rows.setVisible(shown);
    }

    /** Puts a bar (the training history) above the status bar. */
    public void setHistoryBar(Node bar) {
        setBottom(bar == null ? statusBar : new javafx.scene.layout.VBox(bar, statusBar));
    }

    /** All divider positions, in a fixed order, for saving the layout. */
    public double[] dividerPositions() {
        SplitPane[] splits = {body, rows, top, right, bottom};
        return java.util.Arrays.stream(splits).flatMapToDouble(s -> java.util.Arrays.stream(s.getDividerPositions()))
                .toArray();
    }

    /** Restores divider positions saved by {@link #dividerPositions()}; ignores a layout of another shape. */
    public void setDividerPositions(double[] positions) {
        SplitPane[] splits = {body, rows, top, right, bottom};
        int n = 0;
        for (SplitPane s : splits) {
            n += s.getDividers().size();
        }
        if (positions == null || positions.length != n) {
            return;
        }
        int i = 0;
        for (SplitPane s : splits) {
            for (int d = 0; d < s.getDividers().size(); d++) {
                s.setDividerPosition(d, positions[i++]);
            }
        }
    }

    public void dispose() {
        disposer.dispose();
    }
}
