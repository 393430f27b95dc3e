package org.attractorlab.app.panes.pca3d;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.testfx.util.WaitForAsyncUtils;

/** Pixel statistics of rendered images, for tests that check what the 3D pane actually draws. */
public final class Pixels {
    /** Saturation above which a pixel counts as coloured (trajectory colours, not grey or background). */
    static final double COLOURED = 0.3;

    private Pixels() {
    }

    public static Image snapshot(Node node) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    /** Pixels that differ from the colour by more than tolerance in any channel. */
    public static int differentFrom(Image img, Color c, double tolerance) {
        PixelReader r = img.getPixelReader();
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) > tolerance || Math.abs(p.getGreen() - c.getGreen()) > tolerance
                        || Math.abs(p.getBlue() - c.getBlue()) > tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Pixels that differ between two images of the same size by more than tolerance in any channel. */
    static int changed(Image a, Image b, double tolerance) {
        int n = 0;
        for (int y = 0; y < (int) Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < (int) Math.min(a.getWidth(), b.getWidth()); x++) {
                Color p = a.getPixelReader().getColor(x, y);
                Color q = b.getPixelReader().getColor(x, y);
                if (Math.abs(p.getRed() - q.getRed()) > tolerance || Math.abs(p.getGreen() - q.getGreen()) > tolerance
                        || Math.abs(p.getBlue() - q.getBlue()) > tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Coloured pixels per hue bin of 30 degrees (12 bins). */
    static int[] hues(Image img) {
        int[] bins = new int[12];
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                Color p = r.getColor(x, y);
                if (p.getSaturation() > COLOURED && p.getBrightness() > 0.2) {
                    bins[(int) (p.getHue() / 30) % 12]++;
                }
            }
        }
        return bins;
    }

    static int coloured(Image img) {
        int n = 0;
        for (int b : hues(img)) {
            n += b;
        }
        return n;
    }

    /** Hue bins holding at least {@code min} pixels. */
    public static int distinctHues(Image img, int min) {
        int n = 0;
        for (int b : hues(img)) {
            if (b >= min) {
                n++;
            }
        }
        return n;
    }

    /** Half the L1 distance between the normalised hue histograms of two images (0 = same, 1 = disjoint). */
    static double hueShift(Image a, Image b) {
        int[] ha = hues(a);
        int[] hb = hues(b);
        double na = Math.max(1, coloured(a));
        double nb = Math.max(1, coloured(b));
        double d = 0;
        for (int i = 0; i < 12; i++) {
            d += Math.abs(ha[i] / na - hb[i] / nb);
        }
        return d / 2;
    }
}
