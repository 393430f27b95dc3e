package org.attractorlab.app.panes.pca3d;

import org.attractorlab.figure.Normalization;

import java.util.ArrayList;
import java.util.List;
import org.fxyz3d.geometry.Point3D;

/**
 * Fixed points placed in the scene: stable and unstable points (each list with the index of every point in the
 * caller's arrays) and the unstable modes as one mesh of short segments. Immutable by convention.
 */
record FixedPointMarks(List<Point3D> stable, int[] stableIndex, List<Point3D> unstable, int[] unstableIndex,
                       MeshData modes, float[] positions) {
    static final FixedPointMarks NONE = new FixedPointMarks(List.of(), new int[0], List.of(), new int[0],
            MeshData.EMPTY, new float[0]);
    static final float MODE_RADIUS = 0.35f;

    /**
     * @param projected    [n][3] fixed points in PC scores (drawn clamped into the box of {@code norm})
     * @param stable       [n]
     * @param modeSegments [m][2][3] segment end points in PC scores
     */
    static FixedPointMarks of(float[][] projected, boolean[] stable, float[][][] modeSegments, Normalization norm) {
        if (projected == null || projected.length == 0) {
            return NONE;
        }
        if (stable == null || stable.length != projected.length) {
            throw new IllegalArgumentException("need one stability flag per fixed point: " + projected.length
                    + " points, " + (stable == null ? "no" : stable.length) + " flags");
        }
        List<Point3D> s = new ArrayList<>();
        List<Point3D> u = new ArrayList<>();
        int[] si = new int[projected.length];
        int[] ui = new int[projected.length];
        float[] positions = new float[3 * projected.length];
        for (int i = 0; i < projected.length; i++) {
            float[] p = projected[i];
            norm.toSceneClamped(p[0], p.length > 1 ? p[1] : 0f, p.length > 2 ? p[2] : 0f, positions, 3 * i);
            Point3D q = new Point3D(positions[3 * i], positions[3 * i + 1], positions[3 * i + 2]);
            if (stable[i]) {
                si[s.size()] = i;
                s.add(q);
            } else {
                ui[u.size()] = i;
                u.add(q);
            }
        }
        int m = modeSegments == null ? 0 : modeSegments.length;
        MeshData.Builder b = new MeshData.Builder(6 * m, 1, m * MeshData.tubeFaces(2));
        int tex = b.tex(0.5f, 0.5f);
        float[] seg = new float[6];
        for (int j = 0; j < m; j++) {
            for (int e = 0; e < 2; e++) {
                float[] p = modeSegments[j][e];
                norm.toSceneClamped(p[0], p.length > 1 ? p[1] : 0f, p.length > 2 ? p[2] : 0f, seg, 3 * e);
            }
            b.tube(seg, 0, 2, MODE_RADIUS, new int[]{tex});
        }
        return new FixedPointMarks(List.copyOf(s), java.util.Arrays.copyOf(si, s.size()), List.copyOf(u),
                java.util.Arrays.copyOf(ui, u.size()), b.build(), positions);
    }

    int count() {
        return positions.length / 3;
    }

    /** The fixed point nearest to a scene position, or -1 if there is none. */
    int nearest(double x, double y, double z) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count(); i++) {
            double dx = positions[3 * i] - x;
            double dy = positions[3 * i + 1] - y;
            double dz = positions[3 * i + 2] - z;
            double d = dx * dx + dy * dy + dz * dz;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
