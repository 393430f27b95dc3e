package org.attractorlab.figure;

/**
 * Maps principal-component scores into the scene: centred on the middle of the data's bounding box and scaled
 * uniformly (so relative variances stay visible) until the largest half-extent is {@link #HALF} scene units.
 * PC2 points up and PC3 towards the viewer (JavaFX's y points down and z away).
 *
 * @param min data minimum of PC1..PC3
 * @param max data maximum of PC1..PC3
 */
public record Normalization(float[] min, float[] max, float scale) {
    public static final float HALF = 100f;

    /** Fits the box of {@code points} points of {@code k} coordinates each (missing coordinates are 0). */
    public static Normalization fit(float[] scores, int k, int points) {
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
        float half = 0;
        for (int c = 0; c < 3; c++) {
            if (min[c] > max[c]) {
                min[c] = 0;
                max[c] = 0;
            }
            half = Math.max(half, (max[c] - min[c]) / 2);
        }
        return new Normalization(min, max, half > 1e-12f ? HALF / half : 1f);
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
}
