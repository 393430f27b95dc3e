package org.attractorlab.app.panes.pca3d;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;
import javafx.scene.transform.Affine;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Rotate;
import org.attractorlab.figure.Camera;

/**
 * The 3D scene of the pane: a sub-scene with depth buffer and antialiasing, a turntable camera (drag to orbit,
 * scroll to zoom, right- or shift-drag to pan), lights, and the mesh views the pane fills. It also projects
 * scene points to the screen, for labels and for picking thin lines by proximity.
 */
final class SceneRig {
    static final double TILT = Camera.DEFAULT.tilt();
    static final double YAW = Camera.DEFAULT.yaw();
    static final double DISTANCE = Camera.DEFAULT.distance();

    private final Group world = new Group();
    private final Group fixedPoints = new Group();
    private final MeshView trajectories = meshView();
    private final MeshView markers = meshView();
    private final MeshView modes = meshView();
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Group cameraRig = new Group(camera);
    private final Rotate tilt = new Rotate(TILT, Rotate.X_AXIS);
    private final Rotate yaw = new Rotate(YAW, Rotate.Y_AXIS);
    private final SubScene subScene;
    private final Pane holder;
    private final ReadOnlyIntegerWrapper viewVersion = new ReadOnlyIntegerWrapper();
    private double pressX;
    private double pressY;
    private float[] projectedPath;
    private double[] screen;
    private int screenVersion = -1;

    private final PhongMaterial palette = new PhongMaterial(Color.WHITE);

    /** Repaints the scene for another background (the theme): the fill and the colours faded into it. */
    void setBackground(Color background) {
        subScene.setFill(background);
        palette.setDiffuseMap(Palette.image(background));
    }

    SceneRig(Color background) {
        palette.setDiffuseMap(Palette.image(background));
        palette.setSpecularColor(Color.gray(0.18));
        palette.setSpecularPower(24);
        trajectories.setMaterial(palette);
        markers.setMaterial(palette);
        modes.setMaterial(new PhongMaterial(Color.web("#cf222e")));
        trajectories.setId("pca3d-trajectories");
        markers.setId("pca3d-markers");
        world.getChildren().addAll(trajectories, modes, markers, fixedPoints);
        world.getTransforms().setAll(tilt, yaw);

        camera.setFieldOfView(30);
        camera.setNearClip(1);
        camera.setFarClip(20000);
        PointLight headlight = new PointLight(Color.gray(0.38));
        cameraRig.getChildren().add(headlight);
        AmbientLight ambient = new AmbientLight(Color.gray(0.78));
        Group root = new Group(world, cameraRig, ambient);
        subScene = new SubScene(root, 10, 10, true, SceneAntialiasing.BALANCED);
        subScene.setFill(background);
        subScene.setCamera(camera);
        subScene.setId("pca3d-subscene");
        holder = new Pane(subScene);
        holder.setMinSize(0, 0);
        subScene.setManaged(false);
        subScene.widthProperty().bind(holder.widthProperty());
        subScene.heightProperty().bind(holder.heightProperty());
        subScene.widthProperty().addListener((o, a, b) -> changed());
        subScene.heightProperty().addListener((o, a, b) -> changed());

        subScene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getSceneX();
            pressY = e.getSceneY();
        });
        subScene.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        subScene.addEventHandler(ScrollEvent.SCROLL, e -> zoom(Math.exp(-e.getDeltaY() * 0.0025)));
        resetView();
    }

    private static MeshView meshView() {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        MeshView v = new MeshView(mesh);
        v.setCullFace(CullFace.BACK);
        return v;
    }

    private void drag(MouseEvent e) {
        double dx = e.getSceneX() - pressX;
        double dy = e.getSceneY() - pressY;
        pressX = e.getSceneX();
        pressY = e.getSceneY();
        if (e.getButton() == MouseButton.SECONDARY || e.isShiftDown() || e.getButton() == MouseButton.MIDDLE) {
            double unitsPerPixel = 2 * -camera.getTranslateZ() * Math.tan(Math.toRadians(camera.getFieldOfView() / 2))
                    / Math.max(1, subScene.getHeight());
            cameraRig.setTranslateX(cameraRig.getTranslateX() - dx * unitsPerPixel);
            cameraRig.setTranslateY(cameraRig.getTranslateY() - dy * unitsPerPixel);
        } else {
            yaw.setAngle(yaw.getAngle() - dx * 0.4);
            tilt.setAngle(Math.max(-89, Math.min(89, tilt.getAngle() + dy * 0.4)));
        }
        changed();
    }

    /** Moves the camera towards (factor below 1) or away from the centre. */
    void zoom(double factor) {
        camera.setTranslateZ(-Math.max(60, Math.min(8000, -camera.getTranslateZ() * factor)));
        changed();
    }

    void resetView() {
        tilt.setAngle(TILT);
        yaw.setAngle(YAW);
        camera.setTranslateZ(-DISTANCE);
        cameraRig.setTranslateX(0);
        cameraRig.setTranslateY(0);
        changed();
    }

    private void changed() {
        viewVersion.set(viewVersion.get() + 1);
    }

    /** Changes whenever the camera or the size changes. */
    ReadOnlyIntegerProperty viewVersionProperty() {
        return viewVersion.getReadOnlyProperty();
    }

    /** Screen position of a point in scene (world) coordinates, or null while the pane is not shown. */
    Point2D toScreen(double x, double y, double z) {
        return world.localToScreen(new Point3D(x, y, z));
    }

    /**
     * Where a direction of the scene (world) points on the screen: x right, y down, z away from the viewer
     * (rotation only, no perspective).
     */
    Point3D screenDirection(double x, double y, double z) {
        return world.getLocalToParentTransform().deltaTransform(x, y, z);
    }

    /** Position in world coordinates of a point given in the local coordinates of a node of the world. */
    Point3D toWorld(Node node, Point3D local) {
        return world.sceneToLocal(node.localToScene(local));
    }

    /**
     * Positions in the sub-scene's pixels (x, y pairs) of points in scene (world) coordinates, through the same
     * rotation, camera and perspective as the renderer; NaN for points behind the camera. Computed directly rather
     * than point by point through {@code localToScreen}, which is a hundred times slower.
     */
    double[] project(float[] points) {
        Affine m = new Affine(camera.getLocalToSceneTransform());
        try {
            m.invert();
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("camera transform not invertible", e);
        }
        m.append(world.getLocalToSceneTransform());
        double f = subScene.getHeight() / 2 / Math.tan(Math.toRadians(camera.getFieldOfView() / 2));
        double cx = subScene.getWidth() / 2;
        double cy = subScene.getHeight() / 2;
        double[] out = new double[2 * (points.length / 3)];
        for (int i = 0; i < out.length / 2; i++) {
            double x = points[3 * i];
            double y = points[3 * i + 1];
            double z = points[3 * i + 2];
            double px = m.getMxx() * x + m.getMxy() * y + m.getMxz() * z + m.getTx();
            double py = m.getMyx() * x + m.getMyy() * y + m.getMyz() * z + m.getTy();
            double pz = m.getMzx() * x + m.getMzy() * y + m.getMzz() * z + m.getTz();
            boolean visible = pz > camera.getNearClip();
            out[2 * i] = visible ? cx + f * px / pz : Double.NaN;
            out[2 * i + 1] = visible ? cy + f * py / pz : Double.NaN;
        }
        return out;
    }

    /**
     * The index (point number in {@code path}, three floats each) of the path point nearest to a screen position,
     * or -1 if none is within {@code pixels}. Positions are projected once per path and camera.
     */
    int nearest(float[] path, double screenX, double screenY, double pixels) {
        if (path != projectedPath || screenVersion != viewVersion.get()) {
            screen = project(path);
            projectedPath = path;
            screenVersion = viewVersion.get();
        }
        Point2D at = subScene.screenToLocal(screenX, screenY);
        if (at == null) {
            return -1;
        }
        int best = -1;
        double bestD = pixels * pixels;
        for (int i = 0; i < screen.length / 2; i++) {
            double dx = screen[2 * i] - at.getX();
            double dy = screen[2 * i + 1] - at.getY();
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    SubScene subScene() {
        return subScene;
    }

    Pane holder() {
        return holder;
    }

    MeshView trajectories() {
        return trajectories;
    }

    MeshView markers() {
        return markers;
    }

    MeshView modes() {
        return modes;
    }

    Group fixedPoints() {
        return fixedPoints;
    }

    double yaw() {
        return yaw.getAngle();
    }

    /**
     * Makes this rig's camera follow {@code other}'s and the other way round (turn, tilt, zoom, pan): two views
     * of one space seen alike. Returns the undoing of it, for the view's dispose.
     */
    Runnable link(SceneRig other) {
        tilt.angleProperty().bindBidirectional(other.tilt.angleProperty());
        yaw.angleProperty().bindBidirectional(other.yaw.angleProperty());
        camera.translateZProperty().bindBidirectional(other.camera.translateZProperty());
        cameraRig.translateXProperty().bindBidirectional(other.cameraRig.translateXProperty());
        cameraRig.translateYProperty().bindBidirectional(other.cameraRig.translateYProperty());
        // each rig hears of a move made in the other (for its labels and picking)
        javafx.beans.value.ChangeListener<Number> moved = (o, was, now) -> changed();
        javafx.beans.value.ChangeListener<Number> movedThere = (o, was, now) -> other.changed();
        tilt.angleProperty().addListener(moved);
        yaw.angleProperty().addListener(moved);
        camera.translateZProperty().addListener(moved);
        other.tilt.angleProperty().addListener(movedThere);
        other.yaw.angleProperty().addListener(movedThere);
        other.camera.translateZProperty().addListener(movedThere);
        return () -> {
            other.tilt.angleProperty().removeListener(movedThere);
            other.yaw.angleProperty().removeListener(movedThere);
            other.camera.translateZProperty().removeListener(movedThere);
            tilt.angleProperty().unbindBidirectional(other.tilt.angleProperty());
            yaw.angleProperty().unbindBidirectional(other.yaw.angleProperty());
            camera.translateZProperty().unbindBidirectional(other.camera.translateZProperty());
            cameraRig.translateXProperty().unbindBidirectional(other.cameraRig.translateXProperty());
            cameraRig.translateYProperty().unbindBidirectional(other.cameraRig.translateYProperty());
            tilt.angleProperty().removeListener(moved);
            yaw.angleProperty().removeListener(moved);
            camera.translateZProperty().removeListener(moved);
        };
    }

    /** The current view as a figure camera (the same projection as {@link #project}). */
    Camera camera() {
        return new Camera(yaw.getAngle(), tilt.getAngle(), -camera.getTranslateZ(), cameraRig.getTranslateX(),
                cameraRig.getTranslateY(), camera.getFieldOfView());
    }
}
