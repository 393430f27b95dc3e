package org.attractorlab.app.panes.pca3d;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.figure.ChartStyle;

/**
 * A 3D view of trajectories built elsewhere ({@link TrajectoryMesh}), with the 3D pane's pieces: its scene rig
 * (drag to turn, scroll to zoom, shift-drag to move), the colour key and the PC axes triad, under a title. Two of
 * them can share one camera ({@link #linkCamera}). FX thread only.
 */
public final class TrajectoryView3d extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final SceneRig rig;
    private final LegendBox legend;
    private final AxisTriad axes = new AxisTriad();
    private final Pane overlay = new Pane();
    private final Label title = new Label();
    private final Label empty = new Label();
    private TrajectoryMesh shown;

    /** @param placeholder what the view says while it shows nothing */
    public TrajectoryView3d(boolean dark, String placeholder) {
        getStyleClass().addAll("pane-view", "pca3d-view");
        getStylesheets().add(TrajectoryView3d.class.getResource("pca3d.css").toExternalForm());
        Color bg = fx(ChartStyle.background(dark));
        rig = new SceneRig(bg);
        legend = new LegendBox(bg, fx(ChartStyle.foreground(dark)));
        legend.setVisible(false);
        overlay.getChildren().add(axes);
        overlay.setMouseTransparent(true);
        axes.setVisible(false);
        empty.setText(placeholder);
        empty.setWrapText(true);
        empty.getStyleClass().add("pca3d-empty");
        empty.setMouseTransparent(true);
        title.getStyleClass().add("pca3d-caption");
        title.setPadding(new Insets(4, 8, 4, 8));
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinWidth(0);
        StackPane centre = new StackPane(rig.holder(), overlay, legend, empty);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        centre.setMinSize(0, 0);
        setTop(title);
        setCenter(centre);
        setMinSize(0, 0);
        disposer.listen(rig.viewVersionProperty(), (o, a, v) -> placeAxes());
        disposer.listen(overlay.heightProperty(), (o, a, v) -> placeAxes());
    }

    /** Shows the trajectories of {@code m} (null: nothing, and the placeholder). */
    public void show(TrajectoryMesh m) {
        shown = m;
        empty.setVisible(m == null);
        legend.setVisible(m != null);
        axes.setVisible(m != null);
        if (m == null) {
            rig.trajectories().setMesh(MeshData.EMPTY.toMesh());
            return;
        }
        rig.trajectories().setMesh(m.scene.mesh().toMesh());
        axes.setVariance(m.scene.varianceRatio());
        legend.show(m.scene.coloring());
        placeAxes();
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public String title() {
        return title.getText();
    }

    /** The placeholder's text (for a message shown instead of the trajectories). */
    public void setPlaceholder(String text) {
        empty.setText(text);
    }

    /** Triangles drawn in the scene now: 0 when empty. */
    public int faceCount() {
        return shown == null ? 0 : ((javafx.scene.shape.TriangleMesh) rig.trajectories().getMesh()).getFaces().size()
                / 9;
    }

    /** The 3D sub-scene (for snapshots and sizes). */
    public javafx.scene.SubScene subScene() {
        return rig.subScene();
    }

    /** One camera for this view and {@code other}, until either is disposed. */
    public void linkCamera(TrajectoryView3d other) {
        Runnable undo = rig.link(other.rig);
        disposer.onDispose(undo);
        other.disposer.onDispose(undo);
    }

    /** The current camera, as a figure camera. */
    public org.attractorlab.figure.Camera camera() {
        return rig.camera();
    }

    public void resetView() {
        rig.resetView();
    }

    /** Switches the background and the key to the light or dark theme. */
    public void setDark(boolean dark) {
        Color bg = fx(ChartStyle.background(dark));
        rig.setBackground(bg);
        legend.setColors(bg, fx(ChartStyle.foreground(dark)));
    }

    private void placeAxes() {
        axes.place(rig, 58, overlay.getHeight() - 52);
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    public void dispose() {
        disposer.dispose();
    }
}
