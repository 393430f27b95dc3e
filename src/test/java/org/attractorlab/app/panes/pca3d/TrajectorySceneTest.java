package org.attractorlab.app.panes.pca3d;

import org.attractorlab.figure.Coloring;
import org.attractorlab.figure.Normalization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrajectorySceneTest {
    private static final double TOLERANCE = 1e-4;
    private static AnalysisFrame frame;

    @BeforeAll
    static void frame() {
        frame = Frames.untrained();
    }

    private static TrajectoryScene build(String colorBy, Set<Integer> selected, boolean selectedOnly, int limit) {
        return TrajectoryScene.build(new TrajectoryScene.Request(frame, colorBy, selected, selectedOnly, limit));
    }

    @Test
    void everyProbeTrialIsOneTubeInOneMeshAndEveryFaceMapsBackToItsTrial() {
        TrajectoryScene s = build("bit0", Set.of(), false, 0);
        int trials = frame.states().trials();
        assertEquals(trials, s.shown().length);
        assertEquals(s.faceStart()[trials], s.mesh().faceCount());
        for (int i = 0; i < trials; i++) {
            assertTrue(s.faceStart()[i + 1] > s.faceStart()[i], "trial " + i + " has faces");
            assertEquals(s.shown()[i], s.trialAtFace(s.faceStart()[i]));
            assertEquals(s.shown()[i], s.trialAtFace(s.faceStart()[i + 1] - 1));
        }
        assertEquals(-1, s.trialAtFace(s.mesh().faceCount()));
        assertEquals(-1, s.trialAtFace(-1));
        assertTrue(s.mesh().vertexCount() <= trials * 3 * 2 * TrajectoryScene.MAX_POINTS, "a bounded mesh");
    }

    @Test
    void tubesSurroundTheirCentreLineAtTheirRadiusFacingOutwardsAndSplitAtSharpTurns() {
        float r = 0.5f;
        // along x, a gentle bend, then straight back (a sharp reversal)
        float[] line = {0, 0, 0, 10, 0, 0, 20, 2, 0, 10, 2.5f, 0};
        MeshData.Builder b = new MeshData.Builder(4, 1, 4);
        int tex = b.tex(0.5f, 0.5f);
        b.tube(line, 0, 4, r, new int[]{tex});
        MeshData m = b.build();
        assertEquals(3 * 6, m.faceCount(), "three segments");
        assertEquals(3 * 5, m.vertexCount(), "four sections and one more at the reversal");
        float[] p = m.points();
        float[] n = m.normals();
        for (int ring = 0; ring < m.vertexCount() / 3; ring++) {
            double[] c = new double[3];
            for (int k = 0; k < 3; k++) {
                for (int d = 0; d < 3; d++) {
                    c[d] += p[3 * (3 * ring + k) + d] / 3.0;
                }
            }
            boolean onLine = false;
            for (int q = 0; q < 4; q++) {
                onLine |= Math.abs(c[0] - line[3 * q]) + Math.abs(c[1] - line[3 * q + 1])
                        + Math.abs(c[2] - line[3 * q + 2]) < TOLERANCE;
            }
            assertTrue(onLine, "section " + ring + " is centred on a point of the line");
            for (int k = 0; k < 3; k++) {
                int v = 3 * (3 * ring + k);
                double[] o = {p[v] - c[0], p[v + 1] - c[1], p[v + 2] - c[2]};
                assertEquals(r, Math.sqrt(o[0] * o[0] + o[1] * o[1] + o[2] * o[2]), TOLERANCE);
                assertEquals(r, o[0] * n[v] + o[1] * n[v + 1] + o[2] * n[v + 2], TOLERANCE, "normals point outwards");
            }
        }
        int[] f = m.faces();
        for (int face = 0; face < m.faceCount(); face++) {
            int a = 3 * f[9 * face];
            int bb = 3 * f[9 * face + 3];
            int c = 3 * f[9 * face + 6];
            double[] u = {p[bb] - p[a], p[bb + 1] - p[a + 1], p[bb + 2] - p[a + 2]};
            double[] w = {p[c] - p[a], p[c + 1] - p[a + 1], p[c + 2] - p[a + 2]};
            double[] cross = {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
            double dot = cross[0] * (n[a] + n[bb] + n[c]) + cross[1] * (n[a + 1] + n[bb + 1] + n[c + 1])
                    + cross[2] * (n[a + 2] + n[bb + 2] + n[c + 2]);
            assertTrue(dot > 0, "face " + face + " winds inwards");
        }
    }

    @Test
    void simplifiedCentreLinesStayWithinTheToleranceAndDropRestingPoints() {
        int steps = frame.states().steps();
        TrajectoryScene s = build("bit0", Set.of(), false, 0);
        int[] keep = new int[steps];
        for (int i = 0; i < s.shown().length; i++) {
            int kept = TrajectoryScene.simplify(s.path(), i * steps, steps, keep);
            assertTrue(kept >= 2 && kept <= TrajectoryScene.MAX_POINTS);
            assertEquals(0, keep[0]);
            assertEquals(steps - 1, keep[kept - 1]);
        }
        float[] line = new float[3 * 50];
        for (int t = 0; t < 50; t++) {
            line[3 * t] = t < 25 ? t : 25;
        }
        int kept = TrajectoryScene.simplify(line, 0, 50, keep);
        assertEquals(2, kept, "a straight run then a rest: its two ends");
        float[] zigzag = new float[3 * 10];
        for (int t = 0; t < 10; t++) {
            zigzag[3 * t] = t;
            zigzag[3 * t + 1] = t % 2 == 0 ? 0 : 5;
        }
        assertEquals(10, TrajectoryScene.simplify(zigzag, 0, 10, keep), "every corner of a zigzag");
    }

    @Test
    void theLongestHalfExtentOfTheDataFillsTheScene() {
        TrajectoryScene s = build("bit0", Set.of(), false, 0);
        float max = 0;
        for (float v : s.path()) {
            max = Math.max(max, Math.abs(v));
        }
        assertEquals(Normalization.HALF, max, 1e-2);
        // PC2 points up (JavaFX y down), PC1 right
        float[] p = frame.point(3, 50);
        assertEquals(s.normalization().toScene(1, p[1]), s.path()[(3 * s.steps() + 50) * 3 + 1], TOLERANCE);
        assertTrue(s.normalization().toScene(1, 1) < s.normalization().toScene(1, 0));
    }

    @Test
    void aSelectionIsDrawnThickAndInFullColourAndTheOthersThinAndDimmed() {
        TrajectoryScene s = build("bit0", Set.of(7), false, 0);
        for (int i = 0; i < s.shown().length; i++) {
            assertEquals(s.shown()[i] == 7, s.emphasised()[i]);
            assertEquals(s.shown()[i] != 7, s.dimmed()[i]);
        }
        int i = s.indexOf(7);
        int[] f = s.mesh().faces();
        float[] tex = s.mesh().texCoords();
        assertTrue(tex[2 * f[9 * s.faceStart()[i] + 2] + 1] < Palette.v(Palette.DIM, 0), "full band");
        assertTrue(tex[2 * f[9 * s.faceStart()[i + 1] + 2] + 1] >= Palette.v(Palette.DIM, 0), "others dimmed");
    }

    @Test
    void selectedOnlyShowsTheSelectionAndALimitKeepsTheFirstTrialsPlusTheSelection() {
        assertArrayEquals(new int[]{5, 90}, build("bit0", Set.of(90, 5), true, 0).shown());
        assertArrayEquals(new int[]{0, 1, 2, 3, 100}, build("bit0", Set.of(100), false, 4).shown());
        assertEquals(frame.states().trials(), build("bit0", Set.of(), true, 0).shown().length,
                "with nothing selected, 'selected only' shows everything");
    }

    @Test
    void fewValuesGetPaletteColoursAndManyValuesTheColormap() {
        ConditionTable t = new ConditionTable(List.of("side", "speed", "named"), new double[][]{
                {-1, 1, 1, -1, 1}, {0.1, 0.2, 0.3, 0.4, 0.5}, {0, 1, 2, 1, 0}});
        Coloring side = Coloring.of(t, "side");
        assertTrue(side.categories());
        assertArrayEquals(new int[]{0, 1, 1, 0, 1}, side.columnOf());
        assertEquals(List.of(new Coloring.Entry(-1, "-1", 0, 2), new Coloring.Entry(1, "1", 1, 3)), side.entries());

        ConditionTable many = new ConditionTable(List.of("x"), new double[][]{
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}});
        Coloring x = Coloring.of(many, "x");
        assertFalse(x.categories());
        assertEquals(Palette.sequentialColumn(0), x.columnOf()[0]);
        assertEquals(Palette.sequentialColumn(1), x.columnOf()[10]);
        assertEquals(Palette.sequentialColumn(0.5), x.columnOf()[5]);

        ConditionTable labelled = new ConditionTable(t.names(), new double[][]{{-1, 1, 1, -1, 1},
                {0.1, 0.2, 0.3, 0.4, 0.5}, {0, 1, 2, 1, 0}}, Map.of("named", List.of("left", "right", "up")));
        assertEquals(List.of("left", "right", "up"),
                Coloring.of(labelled, "named").entries().stream().map(Coloring.Entry::label).toList());
    }

    @Test
    void markersSitOnEveryShownTrajectoryAtTheTimeStep() {
        TrajectoryScene s = build("bit0", Set.of(), false, 8);
        MeshData m = s.markers(30);
        assertEquals(8 * MeshData.MARKER_FACES, m.faceCount());
        for (int i = 0; i < 8; i++) {
            double cx = 0;
            double cy = 0;
            double cz = 0;
            for (int v = 0; v < 12; v++) {
                cx += m.points()[3 * (12 * i + v)] / 12.0;
                cy += m.points()[3 * (12 * i + v) + 1] / 12.0;
                cz += m.points()[3 * (12 * i + v) + 2] / 12.0;
            }
            int p = (i * s.steps() + 30) * 3;
            assertEquals(s.path()[p], cx, 1e-3);
            assertEquals(s.path()[p + 1], cy, 1e-3);
            assertEquals(s.path()[p + 2], cz, 1e-3);
        }
        assertEquals(0, s.markers(-1).faceCount());
        assertEquals(0, s.markers(s.steps()).faceCount());
    }

    @Test
    void fixedPointsAreSplitByStabilityAndMappedBackToTheirIndex() {
        TrajectoryScene s = build("bit0", Set.of(), false, 0);
        float[][] points = {frame.point(0, 99), frame.point(1, 99), frame.point(2, 99)};
        float[][][] modes = {{frame.point(1, 98), frame.point(1, 99)}};
        FixedPointMarks m = FixedPointMarks.of(points, new boolean[]{true, false, true}, modes, s.normalization());
        assertEquals(2, m.stable().size());
        assertArrayEquals(new int[]{0, 2}, m.stableIndex());
        assertArrayEquals(new int[]{1}, m.unstableIndex());
        assertEquals(MeshData.tubeFaces(2), m.modes().faceCount());
        int p = (2 * s.steps() + 99) * 3;
        assertEquals(2, m.nearest(s.path()[p], s.path()[p + 1], s.path()[p + 2]));
    }

    @Test
    void fixedPointsBeyondTheTrajectoriesWidenTheViewAndFarOutliersAreDrawnOnItsEdge() {
        TrajectoryScene plain = build("bit0", Set.of(), false, 0);
        float[] min = plain.normalization().min();
        float[] max = plain.normalization().max();
        float half = 0;
        for (int c = 0; c < 3; c++) {
            half = Math.max(half, (max[c] - min[c]) / 2);
        }
        float y = (min[1] + max[1]) / 2;
        float z = (min[2] + max[2]) / 2;
        // one point half a half-extent beyond PC1's maximum, one a hundred half-extents below PC1's minimum
        float[][] points = {{max[0] + 0.5f * half, y, z}, {min[0] - 100 * half, y, z}};
        TrajectoryScene s = TrajectoryScene.build(
                new TrajectoryScene.Request(frame, "bit0", Set.of(), false, 0, points));
        assertEquals(max[0] + 0.5f * half, s.normalization().max()[0], 1e-4 * half, "the near point is inside");
        assertEquals(min[0] - Normalization.REACH * half, s.normalization().min()[0], 1e-4 * half,
                "the outlier widens the view only as far as REACH allows");
        FixedPointMarks m = FixedPointMarks.of(points, new boolean[]{true, false}, null, s.normalization());
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 3; c++) {
                assertTrue(Math.abs(m.positions()[3 * i + c]) <= Normalization.HALF + 1e-3,
                        "point " + i + " coordinate " + c + " = " + m.positions()[3 * i + c] + " is outside the view");
            }
        }
        assertEquals(-Normalization.HALF, m.positions()[3], 1e-3, "the outlier sits on the left edge");
        assertEquals(s.normalization().toScene(0, points[0][0]), m.positions()[0], 1e-4, "the near point where it is");
        // the trajectories still fill at least half of the view
        float widest = 0;
        for (int i = 0; i < s.path().length; i += 3) {
            widest = Math.max(widest, Math.abs(s.path()[i]));
        }
        assertTrue(widest >= Normalization.HALF / 2, "trajectories shrank to " + widest);
    }
}
