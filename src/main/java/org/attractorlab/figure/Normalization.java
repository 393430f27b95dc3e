package org.attractorlab.figure;

/**
 * Maps principal-component scores into the scene: centred on the middle of the data's bounding box and scaled
 * uniformly (so relative variances stay visible) until the largest half-extent is {@link #HALF} scene units.
 * PC2 points up and PC3 towards the viewer (JavaFX's y points down and z away).
 *
 * <p>The box holds the trajectories and the fixed points shown with them, so that a fixed point outside the range
 * the trajectories visit stays in view. A fixed point can widen the box by at most {@link #REACH} times the
 * trajectories' largest half-extent beyond their box (a far outlier would otherwise shrink the trajectories to a
 * dot); points farther out are drawn on the edge of the box ({@link #toSceneClamped}).
 *
 * @param min minimum of PC1..PC3 over the box
 * @param max maximum of PC1..PC3 over the box
 */
public record Normalization(float[] min, float[] max, float scale) {
    public static final float HALF = 100f;
    /** How far beyond the trajectories' box fixed points may widen it, in units of their largest half-extent. */
    public static final float REACH = 1f;

    /** Fits the box of {@code points} points of {@code k} coordinates each (missing coordinates are 0). */
    public static Normalization fit(float[] scores, int k, int points) {
        return fit(scores, k, points, null);
    }

    /**
     * Fits the box of {@code points} points of {@code k} coordinates each (missing coordinates are 0), widened to
     * hold the {@code extra} points ([n][1..3] scores, may be null) as far as {@link #REACH} allows.
     */
    public static Normalization fit(float[] scores, int k, int points, float[][] extra) {
        float[] min = {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] max = {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int p = 0; p < points; p++) {
            for (int c = 0; c < 3; c++) {
                float v = c < k ? scores[p * k + c] : 0f;
                if (Float.isFinite(v)) {
                    min[c] = Math.min(min[c], v);
                    max[c] = Math.max(max[c], v);
                }
            }
        }
        float half = halfExtent(min, max);
        if (extra != null) {
            float reach = REACH * half;
            float[] lo = {min[0] - reach, min[1] - reach, min[2] - reach};
            float[] hi = {max[0] + reach, max[1] + reach, max[2] + reach};
            for (float[] p : extra) {
                for (int c = 0; c < 3; c++) {
                    float v = p != null && c < p.length ? p[c] : 0f;
                    if (Float.isFinite(v)) {
                        v = half > 0 ? Math.max(lo[c], Math.min(hi[c], v)) : v;
                        min[c] = Math.min(min[c], v);
                        max[c] = Math.max(max[c], v);
                    }
                }
            }
            half = halfExtent(min, max);
        }
        return new Normalization(min, max, half > 1e-12f ? HALF / half : 1f);
    }

    /** Largest half-extent of the box; empty axes become [0, 0]. */
    private static float halfExtent(float[] min, float[] max) {
        float half = 0;
        for (int c = 0; c < 3; c++) {
            if (min[c] > max[c]) {
                min[c] = 0;
                max[c] = 0;
            }
            half = Math.max(half, (max[c] - min[c]) / 2);
        }
        return half;
    }

    /** Scene coordinate c (0 = x, 1 = y, 2 = z) of the score v on component c. */
    public float toScene(int c, float v) {
        float s = (v - (min[c] + max[c]) / 2) * scale;
        return c == 0 ? s : -s;
    }

    /** Scene position of a score triple, written at out[off..off+2]. */
    public void toScene(float x, float y, float z, float[] out, int off) {
        out[off] = toScene(0, x);
        out[off + 1] = toScene(1, y);
        out[off + 2] = toScene(2, z);
    }

    /** Like {@link #toScene(float, float, float, float[], int)}, with each score first clamped into the box. */
    public void toSceneClamped(float x, float y, float z, float[] out, int off) {
        out[off] = toScene(0, clamp(0, x));
        out[off + 1] = toScene(1, clamp(1, y));
        out[off + 2] = toScene(2, clamp(2, z));
    }

    private float clamp(int c, float v) {
        return Float.isFinite(v) ? Math.max(min[c], Math.min(max[c], v)) : (min[c] + max[c]) / 2;
    }
}
