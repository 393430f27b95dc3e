package org.attractorlab.app.panes.pca3d;

import java.util.Set;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.figure.TrajectoryFigure;

/**
 * Trajectories already in scene coordinates (a {@link TrajectoryFigure.Data}) as the 3D pane's tube mesh, built off
 * the FX thread for a {@link TrajectoryView3d}. Immutable.
 */
public final class TrajectoryMesh {
    final TrajectoryScene scene;

    private TrajectoryMesh(TrajectoryScene scene) {
        this.scene = scene;
    }

    /**
     * The mesh of every trial of {@code d}, coloured as {@code d} says, nothing selected.
     *
     * @param conditions the trials' conditions (for the hover text), one row per trial of {@code d}
     */
    public static TrajectoryMesh of(TrajectoryFigure.Data d, ConditionTable conditions) {
        return new TrajectoryMesh(TrajectoryScene.ofPath(d.step(), d.steps(), d.shown(), Set.of(), d.path(),
                d.normalization(), d.varianceRatio(), d.coloring(), conditions, null));
    }

    /** Triangles of the tubes: 0 for an empty scene. */
    public int faceCount() {
        return scene.mesh().faceCount();
    }

    /** The trials drawn. */
    public int trials() {
        return scene.shown().length;
    }
}
