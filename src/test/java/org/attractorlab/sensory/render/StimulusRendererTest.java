package org.attractorlab.sensory.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Pixel checks of the renderer on the default families and identities with two views (256 images at 64 x 64).
 * Needs a display with OpenGL (surefire runs the tests under Xvfb).
 */
class StimulusRendererTest {
    /** Channel difference above which a pixel counts as object, not background. */
    private static final int OBJECT_LEVEL = 12;
    /** Mean absolute difference (grey levels per channel) two images of different objects must exceed. */
    private static final double DIFFERENT = 1.0;

    private static final RenderOptions OPTIONS = RenderOptions.defaults().withViews(2);
    private static final Map<StimulusKey, RgbImage> IMAGES = new HashMap<>();

    @BeforeAll
    static void renderSmallSet() throws Exception {
        FxToolkit.registerPrimaryStage(); // share the toolkit with the UI tests that run in the same JVM
        List<StimulusKey> keys = StimulusKey.all(OPTIONS);
        List<RgbImage> images = StimulusRenderer.open(OPTIONS).render(keys);
        for (int k = 0; k < keys.size(); k++) {
            IMAGES.put(keys.get(k), images.get(k));
        }
    }

    private static RgbImage image(int c, int i, int l, int v) {
        return IMAGES.get(new StimulusKey(c, i, l, v));
    }

    @Test
    void sameSeedGivesIdenticalPixelsAndAnotherSeedOtherViews() {
        List<StimulusKey> some = List.of(new StimulusKey(0, 1, 2, 1), new StimulusKey(6, 3, 0, 0),
                new StimulusKey(4, 0, 3, 1));
        List<RgbImage> again = StimulusRenderer.open(OPTIONS).render(some);
        for (int k = 0; k < some.size(); k++) {
            assertArrayEquals(IMAGES.get(some.get(k)).rgb(), again.get(k).rgb(), "pixels of " + some.get(k));
        }
        List<RgbImage> otherSeed = StimulusRenderer.open(OPTIONS.withSeed(7)).render(some);
        for (int k = 0; k < some.size(); k++) {
            assertTrue(meanAbsDiff(IMAGES.get(some.get(k)), otherSeed.get(k)) > DIFFERENT,
                    "seed 7 should turn " + some.get(k) + " differently");
        }
    }

    @Test
    void imagesHaveTheRequestedSizeAndThePlainBackgroundInTheCorners() {
        RgbImage img = image(3, 2, 1, 0);
        assertEquals(64, img.width());
        assertEquals(64, img.height());
        for (int[] corner : new int[][] {{0, 0}, {63, 0}, {0, 63}, {63, 63}}) {
            assertEquals(StimulusRenderer.BACKGROUND, img.rgb()[corner[1] * 64 + corner[0]]);
        }
    }

    @Test
    void everyCategoryDiffersFromEveryOtherInItsMeanImage() {
        double[][] means = new double[OPTIONS.categories()][];
        for (int c = 0; c < OPTIONS.categories(); c++) {
            means[c] = new double[64 * 64 * 3];
            int n = 0;
            for (int i = 0; i < OPTIONS.identities(); i++) {
                for (int v = 0; v < OPTIONS.views(); v++) {
                    add(means[c], image(c, i, 0, v));
                    n++;
                }
            }
            for (int p = 0; p < means[c].length; p++) {
                means[c][p] /= n;
            }
        }
        for (int a = 0; a < means.length; a++) {
            for (int b = a + 1; b < means.length; b++) {
                double d = 0;
                for (int p = 0; p < means[a].length; p++) {
                    d += Math.abs(means[a][p] - means[b][p]);
                }
                d /= means[a].length;
                assertTrue(d > DIFFERENT, ShapeFamily.of(a).label() + " vs " + ShapeFamily.of(b).label()
                        + ": mean images differ by only " + d);
            }
        }
    }

    @Test
    void everyObjectLiesInsideItsQuadrantUnclippedWithItsCentreOfMassThere() {
        for (Map.Entry<StimulusKey, RgbImage> e : IMAGES.entrySet()) {
            StimulusKey k = e.getKey();
            RgbImage img = e.getValue();
            Location loc = Location.values()[k.location()];
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 64; x++) {
                    if (isObject(img, x, y)) {
                        n++;
                        sx += x + 0.5;
                        sy += y + 0.5;
                        boolean right = x >= 32;
                        boolean bottom = y >= 32;
                        assertEquals(loc.sx > 0, right, k + ": object pixel (" + x + ", " + y + ") outside " + loc);
                        assertEquals(loc.sy > 0, bottom, k + ": object pixel (" + x + ", " + y + ") outside " + loc);
                        assertFalse(x == 0 || y == 0 || x == 63 || y == 63, k + ": object touches the border (clipped)");
                    }
                }
            }
            assertTrue(n >= 20, k + ": only " + n + " object pixels");
            double cx = sx / n;
            double cy = sy / n;
            assertTrue(Math.abs(cx - (32 + 16 * loc.sx)) < 8 && Math.abs(cy - (32 + 16 * loc.sy)) < 8,
                    k + ": centre of mass (" + cx + ", " + cy + ") is not near the centre of " + loc);
        }
    }

    @Test
    void theSameObjectAtAnotherLocationIsTheSameShapeMoved() {
        RgbImage a = image(5, 1, 0, 1);
        RgbImage b = image(5, 1, 3, 1);
        assertEquals(objectPixels(a), objectPixels(b), objectPixels(a) * 0.15, "object area in two quadrants");
    }

    @Test
    void viewsChangeTheImageOfEveryObject() {
        for (int c = 0; c < OPTIONS.categories(); c++) {
            for (int i = 0; i < OPTIONS.identities(); i++) {
                double d = meanAbsDiff(image(c, i, 1, 0), image(c, i, 1, 1));
                assertTrue(d > DIFFERENT, "views 0 and 1 of " + ShapeFamily.of(c).label() + " " + i + " differ by " + d);
            }
        }
    }

    @Test
    void identitiesWithinEveryCategoryDiffer() {
        for (int c = 0; c < OPTIONS.categories(); c++) {
            for (int a = 0; a < OPTIONS.identities(); a++) {
                for (int b = a + 1; b < OPTIONS.identities(); b++) {
                    for (int v = 0; v < OPTIONS.views(); v++) {
                        double d = meanAbsDiff(image(c, a, 2, v), image(c, b, 2, v));
                        assertTrue(d > DIFFERENT, ShapeFamily.of(c).label() + " identities " + a + " and " + b
                                + " differ by only " + d + " in view " + v);
                    }
                }
            }
        }
    }

    private static boolean isObject(RgbImage img, int x, int y) {
        int bg = StimulusRenderer.BACKGROUND;
        for (int ch = 0; ch < 3; ch++) {
            if (Math.abs(img.channel(x, y, ch) - ((bg >>> (16 - 8 * ch)) & 0xFF)) > OBJECT_LEVEL) {
                return true;
            }
        }
        return false;
    }

    private static int objectPixels(RgbImage img) {
        int n = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                n += isObject(img, x, y) ? 1 : 0;
            }
        }
        return n;
    }

    private static void add(double[] sum, RgbImage img) {
        for (int p = 0; p < img.rgb().length; p++) {
            int px = img.rgb()[p];
            sum[3 * p] += (px >>> 16) & 0xFF;
            sum[3 * p + 1] += (px >>> 8) & 0xFF;
            sum[3 * p + 2] += px & 0xFF;
        }
    }

    static double meanAbsDiff(RgbImage a, RgbImage b) {
        double d = 0;
        for (int p = 0; p < a.rgb().length; p++) {
            int x = a.rgb()[p];
            int y = b.rgb()[p];
            d += Math.abs(((x >>> 16) & 0xFF) - ((y >>> 16) & 0xFF)) + Math.abs(((x >>> 8) & 0xFF) - ((y >>> 8) & 0xFF))
                    + Math.abs((x & 0xFF) - (y & 0xFF));
        }
        return d / (3.0 * a.rgb().length);
    }
}
