package org.attractorlab.app.panes.pca3d;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.DrawMode;
import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.primitives.ScatterMesh;
import org.fxyz3d.shapes.primitives.helper.MarkerFactory;

/**
 * Draws fixed points into the rig: stable ones as dark filled spheres, unstable ones as red wireframe (hollow
 * looking) spheres, each kind one {@link ScatterMesh}; unstable modes as one mesh of red segments; the selected
 * fixed point as a larger outline.
 */
final class FixedPointLayer {
    static final double SIZE = 5;
    private final SceneRig rig;
    private Color stableColor;
    private FixedPointMarks marks = FixedPointMarks.NONE;
    private int highlightedIndex = -1;
    private ScatterMesh stable;
    private ScatterMesh unstable;
    private ScatterMesh highlight;

    FixedPointLayer(SceneRig rig, boolean dark) {
        this.rig = rig;
        this.stableColor = stableColor(dark);
    }

    private static Color stableColor(boolean dark) {
        return dark ? Color.web("#e6edf3") : Color.web("#1f2328");
    }

    /** Redraws the marks shown in the colours of the theme. */
    void setDark(boolean dark) {
        stableColor = stableColor(dark);
        int highlighted = highlightedIndex;
        show(marks);
        highlight(highlighted);
    }

    void show(FixedPointMarks m) {
        marks = m;
        stable = scatter(m.stable(), SIZE, stableColor, DrawMode.FILL);
        unstable = scatter(m.unstable(), SIZE * 1.1, Color.web("#cf222e"), DrawMode.LINE);
        rig.modes().setMesh(m.modes().toMesh());
        highlight = null;
        rebuild();
    }

    void highlight(int index) {
        highlightedIndex = index;
        highlight = index < 0 || index >= marks.count() ? null : scatter(List.of(new Point3D(
                marks.positions()[3 * index], marks.positions()[3 * index + 1], marks.positions()[3 * index + 2])),
                SIZE * 2.2, Color.web("#0969da"), DrawMode.LINE);
        rebuild();
    }

    private void rebuild() {
        rig.fixedPoints().getChildren().clear();
        for (ScatterMesh s : new ScatterMesh[]{stable, unstable, highlight}) {
            if (s != null) {
                rig.fixedPoints().getChildren().add(s);
            }
        }
    }

    private static ScatterMesh scatter(List<Point3D> points, double size, Color color, DrawMode mode) {
        if (points.isEmpty()) {
            return null;
        }
        ScatterMesh s = new ScatterMesh(points, true, size, 0);
        s.setMarker(MarkerFactory.Marker.SPHERE);
        s.setTextureModeNone(color);
        s.setDrawMode(mode);
        return s;
    }

    /** Whether a picked node is one of the fixed point marks. */
    boolean contains(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == rig.fixedPoints()) {
                return true;
            }
        }
        return false;
    }

    int stableCount() {
        return stable == null ? 0 : marks.stable().size();
    }

    int unstableCount() {
        return unstable == null ? 0 : marks.unstable().size();
    }
}
