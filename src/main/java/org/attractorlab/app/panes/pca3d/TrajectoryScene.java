package org.attractorlab.app.panes.pca3d;

import org.attractorlab.figure.Coloring;
import org.attractorlab.figure.Normalization;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.task.ConditionTable;

/**
 * Everything the 3D pane draws for one analysis frame, computed off the FX thread: the trajectories of the shown
 * trials as one tube mesh (faces of shown trial i are {@code [faceStart[i], faceStart[i + 1])}), their centre lines
 * in scene coordinates, and the colouring. Immutable by convention.
 *
 * <p>The tubes follow each centre line simplified to within {@link #TOLERANCE} scene units (a fraction of the tube
 * radius): a JavaFX mesh costs the render thread time in proportion to its vertices every time it changes, and a
 * trial that rests at an attractor for most of its steps needs few of them.
 *
 * @param step          training step of the frame
 * @param steps         time steps per trial
 * @param shown         the trials drawn, in mesh order
 * @param emphasised    per shown trial: selected while a selection exists (drawn thicker, in full colour)
 * @param dimmed        per shown trial: not selected while a selection exists (drawn thin and pale)
 * @param path          [shown, steps, 3] the trajectories' centre lines in scene coordinates
 * @param varianceRatio explained variance ratio of PC1..PC3 (0 for missing components)
 * @param fixedPoints   the fixed points (PC scores) the normalisation holds, or null
 */
record TrajectoryScene(int step, int steps, int[] shown, boolean[] emphasised, boolean[] dimmed, int[] faceStart,
                       MeshData mesh, float[] path, Normalization normalization,
                       double[] varianceRatio, Coloring coloring, ConditionTable conditions, float[][] fixedPoints) {
    /** Tube radius for 48 trials (fewer: thicker up to {@link #RADIUS_FEW}; more: thinner). */
    static final float RADIUS = 0.8f;
    static final float RADIUS_FEW = 1.1f;
    static final float RADIUS_SELECTED = 2.0f;
    static final float RADIUS_DIMMED = 0.5f;
    /** How far (scene units) a simplified centre line may stray from the true one. */
    static final float TOLERANCE = 0.4f;
    /** At most this many points per tube. */
    static final int MAX_POINTS = 40;
    static final float MARKER = 3.4f;
    static final float MARKER_SELECTED = 4.6f;
    static final float MARKER_DIMMED = 2.2f;

    /**
     * What to build: a frame, the choices of the pane and the shared selection, and the fixed points (PC scores,
     * [n][3], or null) the view's box must hold besides the trajectories.
     */
    record Request(AnalysisFrame frame, String colorBy, Set<Integer> selected, boolean selectedOnly, int limit,
                   float[][] fixedPoints) {
        Request(AnalysisFrame frame, String colorBy, Set<Integer> selected, boolean selectedOnly, int limit) {
            this(frame, colorBy, selected, selectedOnly, limit, null);
        }

        /** The same settings for {@code f}, coloured by {@code by}. */
        Request of(AnalysisFrame f, String by) {
            return new Request(f, by, selected, selectedOnly, limit, fixedPoints);
        }
    }

    /** The trial a face of {@link #mesh} belongs to, or -1. */
    int trialAtFace(int face) {
        if (face < 0 || face >= faceStart[shown.length]) {
            return -1;
        }
        int i = Arrays.binarySearch(faceStart, face);
        // for equal starts (a trial without faces) the search may land on any of them: take the last
        while (i >= 0 && i + 1 < faceStart.length && faceStart[i + 1] == face) {
            i++;
        }
        return shown[i >= 0 ? i : -i - 2];
    }

    /** Position of {@code trial} in {@link #shown}, or -1. */
    int indexOf(int trial) {
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] == trial) {
                return i;
            }
        }
        return -1;
    }

    static TrajectoryScene build(Request r) {
        AnalysisFrame f = r.frame();
        int trials = f.states().trials();
        int steps = f.states().steps();
        int k = f.pca().k();
        ConditionTable conditions = f.states().conditions();
        TreeSet<Integer> selected = new TreeSet<>();
        for (int t : r.selected()) {
            if (t >= 0 && t < trials) {
                selected.add(t);
            }
        }
        TreeSet<Integer> which = new TreeSet<>(selected);
        if (!r.selectedOnly() || selected.isEmpty()) {
            int limit = r.limit() <= 0 ? trials : Math.min(trials, r.limit());
            for (int t = 0; t < limit; t++) {
                which.add(t);
            }
        }
        int[] shown = which.stream().mapToInt(Integer::intValue).toArray();
        int n = shown.length;
        Normalization norm = Normalization.fit(f.projections(), k, trials * steps, r.fixedPoints());
        Coloring coloring = Coloring.of(conditions, r.colorBy());

        float[] path = new float[n * steps * 3];
        float[] proj = f.projections();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < steps; t++) {
                int src = (shown[i] * steps + t) * k;
                norm.toScene(proj[src], k > 1 ? proj[src + 1] : 0f, k > 2 ? proj[src + 2] : 0f, path,
                        (i * steps + t) * 3);
            }
        }
        double[] ratio = new double[3];
        double[] evr = f.pca().explainedVarianceRatio();
        System.arraycopy(evr, 0, ratio, 0, Math.min(3, evr.length));
        return ofPath(f.step(), steps, shown, selected, path, norm, ratio, coloring, conditions, r.fixedPoints());
    }

    /**
     * The scene of trajectories already in scene coordinates.
     *
     * @param shown    the trials drawn, in mesh order
     * @param selected the selected trials (emphasised; the others dimmed while any is selected)
     * @param path     [shown, steps, 3] centre lines in scene coordinates; kept, not copied
     * @param ratio    [3] explained variance ratio of the three axes
     */
    static TrajectoryScene ofPath(int step, int steps, int[] shown, Set<Integer> selected, float[] path,
                                  Normalization norm, double[] ratio, Coloring coloring, ConditionTable conditions,
                                  float[][] fixedPoints) {
        int n = shown.length;
        boolean[] emphasised = new boolean[n];
        boolean[] dimmed = new boolean[n];
        MeshData.Builder b = new MeshData.Builder(n * 3 * Math.min(steps, MAX_POINTS), n * MAX_POINTS,
                n * MeshData.tubeFaces(Math.min(steps, MAX_POINTS)));
        int[] faceStart = new int[n + 1];
        // many trials: thinner lines, so that the bundle stays legible
        float plain = (float) Math.max(RADIUS_DIMMED, Math.min(RADIUS_FEW, RADIUS * Math.sqrt(48.0 / Math.max(1, n))));
        float[] line = new float[3 * steps];
        int[] texOfPoint = new int[steps];
        int[] keep = new int[steps];
        for (int i = 0; i < n; i++) {
            boolean sel = selected.contains(shown[i]);
            emphasised[i] = sel;
            dimmed[i] = !selected.isEmpty() && !sel;
            int band = dimmed[i] ? Palette.DIM : Palette.FULL;
            float u = Palette.u(coloring.columnOf()[shown[i]]);
            int kept = simplify(path, i * steps, steps, keep);
            for (int j = 0; j < kept; j++) {
                int t = keep[j];
                System.arraycopy(path, 3 * (i * steps + t), line, 3 * j, 3);
                double along = steps > 1 ? t / (double) (steps - 1) : 1;
                // a selected trial fades less, so that all of it stands out
                texOfPoint[j] = b.tex(u, Palette.v(band, sel ? 0.45 + 0.55 * along : along));
            }
            float radius = sel ? RADIUS_SELECTED : dimmed[i] ? RADIUS_DIMMED : plain;
            b.tube(line, 0, kept, radius, texOfPoint);
            faceStart[i + 1] = b.faceCount();
        }

        return new TrajectoryScene(step, steps, shown, emphasised, dimmed, faceStart, b.build(),
                path, norm, ratio, coloring, conditions, fixedPoints);
    }

    /**
     * Simplifies the centre line of {@code count} points of {@code path} from point {@code from} (Douglas-Peucker):
     * keeps the first and last point and every point farther than the tolerance from the chord of the points kept
     * around it, drops repeated points, and coarsens the tolerance until at most {@link #MAX_POINTS} remain.
     *
     * @param keep receives the indices (relative to {@code from}) of the kept points, ascending
     * @return how many points were kept
     */
    static int simplify(float[] path, int from, int count, int[] keep) {
        if (count <= 2) {
            for (int i = 0; i < count; i++) {
                keep[i] = i;
            }
            return count == 2 && same(path, from, from + 1) ? 1 : count;
        }
        boolean[] mark = new boolean[count];
        int[] stack = new int[2 * count];
        for (float tol = TOLERANCE; ; tol *= 2) {
            java.util.Arrays.fill(mark, false);
            mark[0] = true;
            mark[count - 1] = true;
            int top = 0;
            stack[top++] = 0;
            stack[top++] = count - 1;
            while (top > 0) {
                int b = stack[--top];
                int a = stack[--top];
                int worst = -1;
                double worstD = (double) tol * tol;
                for (int k = a + 1; k < b; k++) {
                    double d = distanceToSegment2(path, from + k, from + a, from + b);
                    if (d > worstD) {
                        worstD = d;
                        worst = k;
                    }
                }
                if (worst >= 0) {
                    mark[worst] = true;
                    stack[top++] = a;
                    stack[top++] = worst;
                    stack[top++] = worst;
                    stack[top++] = b;
                }
            }
            int n = 0;
            for (int k = 0; k < count; k++) {
                if (mark[k] && (n == 0 || !same(path, from + keep[n - 1], from + k))) {
                    keep[n++] = k;
                }
            }
            if (n > 1 && keep[n - 1] != count - 1) {
                keep[n - 1] = count - 1;
            }
            if (n <= MAX_POINTS) {
                return n;
            }
        }
    }

    private static boolean same(float[] p, int a, int b) {
        return p[3 * a] == p[3 * b] && p[3 * a + 1] == p[3 * b + 1] && p[3 * a + 2] == p[3 * b + 2];
    }

    /** Squared distance of point k from the segment a-b (points of p, three floats each). */
    private static double distanceToSegment2(float[] p, int k, int a, int b) {
        double ax = p[3 * a];
        double ay = p[3 * a + 1];
        double az = p[3 * a + 2];
        double dx = p[3 * b] - ax;
        double dy = p[3 * b + 1] - ay;
        double dz = p[3 * b + 2] - az;
        double px = p[3 * k] - ax;
        double py = p[3 * k + 1] - ay;
        double pz = p[3 * k + 2] - az;
        double len2 = dx * dx + dy * dy + dz * dz;
        double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy + pz * dz) / len2));
        double ex = px - u * dx;
        double ey = py - u * dy;
        double ez = pz - u * dz;
        return ex * ex + ey * ey + ez * ez;
    }

    /** Markers (one small sphere per shown trial) at time step t, or an empty mesh for t outside the trials. */
    MeshData markers(int t) {
        if (t < 0 || t >= steps || shown.length == 0) {
            return MeshData.EMPTY;
        }
        int n = shown.length;
        MeshData.Builder b = new MeshData.Builder(n * MeshData.Builder.markerVertices(), n, n * MeshData.MARKER_FACES);
        for (int i = 0; i < n; i++) {
            int tex = b.tex(Palette.u(coloring.columnOf()[shown[i]]),
                    dimmed[i] ? Palette.v(Palette.DIM, 1) : Palette.v(Palette.MARKER, 1));
            int p = (i * steps + t) * 3;
            float r = emphasised[i] ? MARKER_SELECTED : dimmed[i] ? MARKER_DIMMED : MARKER;
            b.marker(path[p], path[p + 1], path[p + 2], r, tex);
        }
        return b.build();
    }

    /** The pane's status line: "step 400 · 64 of 128 trials · PC1–3 explain 87%". */
    String caption() {
        double[] v = varianceRatio;
        return String.format(java.util.Locale.ROOT,
                "step %d \u00b7 %d of %d trials \u00b7 PC1\u20133 explain %.0f%%", step, shown.length,
                conditions.rows(), 100 * (v[0] + v[1] + v[2]));
    }

    /** "trial 12: bit0 = 1, bit1 = -1, ..." for the hover label; "" for a trial the scene does not have. */
    String describe(int trial) {
        if (trial < 0 || trial >= conditions.rows()) {
            return "";
        }
        java.util.StringJoiner values = new java.util.StringJoiner(", ", "trial " + trial + ": ", "");
        for (String name : conditions.names()) {
            values.add(name + " = " + conditions.label(trial, name));
        }
        return values.toString();
    }

    @Override
    public String toString() {
        return "TrajectoryScene[step " + step + ", " + shown.length + " trials " + Arrays.toString(
                Arrays.copyOf(shown, Math.min(5, shown.length))) + "..., " + mesh.vertexCount() + " vertices]";
    }
}
