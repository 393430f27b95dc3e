package org.attractorlab.app.panes.pca3d;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.app.fx.Disposer;
import java.awt.image.BufferedImage;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.TrajectoryFigure;

/**
 * The hidden-state trajectories of the probe trials in the space of the first three principal components, one
 * tube per trial fading in from its start, coloured by a condition, with axes, a legend, a time marker and the
 * shared selection. Click a trajectory to select its trial; hover to read its conditions.
 */
public final class Pca3dView extends BorderPane {
    private static final double PICK_PIXELS = 6;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final Disposer disposer = new Disposer();
    private final Pca3dViewModel vm;
    private final SceneRig rig;
    private final FixedPointLayer fixedPoints;
    private final LegendBox legend;
    private final Pane overlay = new Pane();
    private final AxisTriad axes = new AxisTriad();
    private final Label caption = new Label();
    private final Label hover = new Label();
    private final Pca3dControls controls;
    private long longestShowNanos;

    public Pca3dView(Pca3dViewModel vm, boolean dark) {
        this.vm = vm;
        setId("pca3d-view");
        getStyleClass().addAll("pane-view", "pca3d-view");
        getStylesheets().add(Pca3dView.class.getResource("pca3d.css").toExternalForm());
        Color bg = fx(ChartStyle.background(dark));
        Color fg = fx(ChartStyle.foreground(dark));
        rig = new SceneRig(bg);
        fixedPoints = new FixedPointLayer(rig, dark);
        legend = new LegendBox(bg, fg);

        hover.setId("pca3d-hover");
        hover.getStyleClass().add("pca3d-hover");
        hover.setVisible(false);
        overlay.getChildren().addAll(axes, hover);
        overlay.setMouseTransparent(true);
        Label empty = new Label("Running the network on its probe trials\u2026");
        empty.getStyleClass().add("pca3d-empty");
        empty.visibleProperty().bind(vm.sceneProperty().isNull());
        disposer.onDispose(() -> empty.visibleProperty().unbind());
        caption.setId("pca3d-caption");
        caption.getStyleClass().add("pca3d-caption");
        caption.textProperty().bind(vm.captionProperty());
        caption.setMouseTransparent(true);
        disposer.onDispose(() -> caption.textProperty().unbind());
        Label hint = new Label("drag: turn \u00b7 scroll: zoom \u00b7 shift-drag: move \u00b7 click: select a trial");
        hint.getStyleClass().add("pca3d-hint");
        hint.setMouseTransparent(true);
        StackPane.setAlignment(hint, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(hint, new Insets(6, 10, 6, 8));
        StackPane centre = new StackPane(rig.holder(), overlay, legend, caption, hint, empty);
        StackPane.setAlignment(legend, Pos.TOP_LEFT);
        StackPane.setAlignment(caption, Pos.TOP_RIGHT);
        StackPane.setMargin(caption, new Insets(8, 10, 8, 8));
        StackPane.setMargin(legend, new Insets(8));
        centre.setMinSize(0, 0);
        setCenter(centre);
        controls = new Pca3dControls(vm, rig::resetView);
        setTop(controls.top());
        setBottom(controls.bottom());

        rig.subScene().setOnMouseClicked(this::click);
        rig.subScene().setOnMouseMoved(this::hover);
        rig.subScene().setOnMouseExited(e -> {
            hover.setVisible(false);
            vm.hover(-1);
        });
        disposer.listen(vm.sceneProperty(), (o, a, s) -> showScene(s));
        disposer.listen(vm.markersProperty(), (o, a, m) -> rig.markers().setMesh(m.toMesh()));
        disposer.listen(vm.fixedPointsProperty(), (o, a, f) -> {
            fixedPoints.show(f);
            fixedPoints.highlight(vm.fixedPointProperty().get());
        });
        disposer.listen(vm.fixedPointProperty(), (o, a, i) -> fixedPoints.highlight(i.intValue()));
        disposer.listen(rig.viewVersionProperty(), (o, a, v) -> placeAxes());
        disposer.listen(overlay.heightProperty(), (o, a, v) -> placeAxes());
        showScene(vm.sceneProperty().get());
        rig.markers().setMesh(vm.markersProperty().get().toMesh());
        fixedPoints.show(vm.fixedPointsProperty().get());
        fixedPoints.highlight(vm.fixedPointProperty().get());
    }

    /**
     * Switches the scene to the light or dark theme: background, the colours faded into it, the fixed-point marks
     * and the legend (the labels follow the stylesheet by themselves).
     */
    public void setDark(boolean dark) {
        Color bg = fx(ChartStyle.background(dark));
        rig.setBackground(bg);
        fixedPoints.setDark(dark);
        legend.setColors(bg, fx(ChartStyle.foreground(dark)));
    }

    private void showScene(TrajectoryScene s) {
        if (s == null) {
            return;
        }
        long t0 = CPU.getCurrentThreadCpuTime();
        rig.trajectories().setMesh(s.mesh().toMesh());
        controls.setSteps(s.steps());
        axes.setVariance(s.varianceRatio());
        legend.show(s.coloring());
        placeAxes();
        longestShowNanos = Math.max(longestShowNanos, CPU.getCurrentThreadCpuTime() - t0);
    }

    /**
     * The most processor time the FX thread spent putting a new mesh in place since the last call, in milliseconds
     * (processor time, not wall time: on a busy machine the thread may wait much longer for a core).
     */
    double longestShowMillis() {
        double ms = longestShowNanos / 1e6;
        longestShowNanos = 0;
        return ms;
    }

    private void placeAxes() {
        axes.place(rig, 58, overlay.getHeight() - 52);
    }

    private int trialAt(MouseEvent e) {
        TrajectoryScene s = vm.sceneProperty().get();
        if (s == null) {
            return -1;
        }
        PickResult pick = e.getPickResult();
        Node node = pick == null ? null : pick.getIntersectedNode();
        if (node == rig.trajectories()) {
            return s.trialAtFace(pick.getIntersectedFace());
        }
        if (node == rig.markers() && pick.getIntersectedFace() >= 0) {
            int i = pick.getIntersectedFace() / MeshData.MARKER_FACES;
            return i < s.shown().length ? s.shown()[i] : -1;
        }
        int nearest = rig.nearest(s.path(), e.getScreenX(), e.getScreenY(), PICK_PIXELS);
        return nearest < 0 ? -1 : s.shown()[nearest / s.steps()];
    }

    private void click(MouseEvent e) {
        if (!e.isStillSincePress() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        PickResult pick = e.getPickResult();
        if (pick != null && fixedPoints.contains(pick.getIntersectedNode())) {
            Point3D p = rig.toWorld(pick.getIntersectedNode(), pick.getIntersectedPoint());
            vm.selectFixedPoint(vm.fixedPointsProperty().get().nearest(p.getX(), p.getY(), p.getZ()));
            return;
        }
        vm.selectTrial(trialAt(e));
    }

    private void hover(MouseEvent e) {
        int trial = trialAt(e);
        vm.hover(trial);
        hover.setVisible(trial >= 0);
        if (trial >= 0) {
            hover.setText(vm.describe(trial));
            hover.applyCss();
            hover.autosize();
            Point2D at = overlay.screenToLocal(e.getScreenX(), e.getScreenY());
            double x = Math.min(at.getX() + 14, overlay.getWidth() - hover.getWidth() - 4);
            hover.relocate(Math.max(4, x), Math.max(4, at.getY() - hover.getHeight() - 8));
        }
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
    }

    /**
     * The pane as a figure, seen from the current camera: for PNG, a snapshot of the 3D scene at {@code scale}
     * times its size on screen with the key and axes drawn around it; otherwise the trajectories and points
     * projected and depth-sorted as vector lines. Null before the first scene. FX thread.
     */
    public Figure figure(FigureFormat format, double scale) {
        TrajectoryFigure.Data d = vm.figureData();
        if (d == null) {
            return null;
        }
        BufferedImage image = null;
        if (format == FigureFormat.PNG) {
            SnapshotParameters p = new SnapshotParameters();
            p.setTransform(Transform.scale(scale, scale));
            WritableImage shot = rig.subScene().snapshot(p, null);
            int w = (int) shot.getWidth();
            int h = (int) shot.getHeight();
            int[] argb = new int[w * h];
            shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
        }
        return new TrajectoryFigure(d, rig.camera(), image);
    }

    /** The 3D sub-scene's size on screen, {width, height}. */
    public double[] sceneSize() {
        return new double[]{rig.subScene().getWidth(), rig.subScene().getHeight()};
    }

    /** The 3D sub-scene (for snapshots). */
    public Node sceneNode() {
        return rig.subScene();
    }

    /** Screen position of the middle of a trial's trajectory (tests click there), or null if it is not drawn. */
    public Point2D screenPointOf(int trial, int step) {
        TrajectoryScene s = vm.sceneProperty().get();
        int i = s == null ? -1 : s.indexOf(trial);
        if (i < 0) {
            return null;
        }
        int p = (i * s.steps() + step) * 3;
        return rig.toScreen(s.path()[p], s.path()[p + 1], s.path()[p + 2]);
    }

    SceneRig rig() {
        return rig;
    }

    public Pca3dViewModel viewModel() {
        return vm;
    }

    public void dispose() {
        disposer.dispose();
        controls.dispose();
        rig.subScene().setOnMouseClicked(null);
        rig.subScene().setOnMouseMoved(null);
        rig.subScene().setOnMouseExited(null);
    }
}
