package org.attractorlab.app.panes.pca3d;

import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.attractorlab.figure.ChartStyle;
import org.attractorlab.figure.Coloring;

/**
 * The one small image every trajectory vertex takes its colour from (the diffuse map of a single material), so a
 * whole bundle of trajectories is one mesh with per-vertex colours. Columns are colours: the categorical palette,
 * then a sequential colormap (viridis), then a neutral grey. Rows are how far along its trial a vertex is: faint
 * (mixed into the background) at the start, full colour at the end; a second band of rows holds the dimmed
 * variants used for trials that are not selected while others are, a third the darker colours of time markers.
 */
final class Palette {
    static final int CATEGORICAL = Coloring.CATEGORICAL;
    static final int SEQUENTIAL = Coloring.SEQUENTIAL;
    static final int GREY = Coloring.GREY;
    static final int COLUMNS = Coloring.COLUMNS;
    /** Band of rows for normal and selected trials, and for the others while something is selected. */
    static final int FULL = 0;
    static final int DIM = 1;
    /** Band of the time markers: the colours with more contrast, to stand out on their own trajectories. */
    static final int MARKER = 2;
    private static final int CELL = 4;
    private static final int FADE = 16;
    private static final int WIDTH = COLUMNS * CELL;
    private static final int HEIGHT = 3 * FADE;
    private static final String[] VIRIDIS = {"#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
            "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"};

    private Palette() {
    }

    /** The full colour of a column. */
    static Color color(int column) {
        if (column < CATEGORICAL) {
            java.awt.Color c = ChartStyle.PALETTE[column];
            return Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
        }
        if (column < GREY) {
            return sequential((column - CATEGORICAL) / (double) (SEQUENTIAL - 1));
        }
        return Color.gray(0.55);
    }

    /** The sequential colormap at x in [0, 1]. */
    static Color sequential(double x) {
        double p = Math.max(0, Math.min(1, x)) * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) p);
        return Color.web(VIRIDIS[i]).interpolate(Color.web(VIRIDIS[i + 1]), p - i);
    }

    /** The sequential column for x in [0, 1]. */
    static int sequentialColumn(double x) {
        return Coloring.sequentialColumn(x);
    }

    /** Horizontal texture coordinate of a column (the centre of its cell). */
    static float u(int column) {
        return (column * CELL + CELL / 2f) / WIDTH;
    }

    /** Vertical texture coordinate of a band at position {@code along} in [0, 1] of a trial (0 = start). */
    static float v(int band, double along) {
        double a = Math.max(0, Math.min(1, along));
        return (float) ((band * FADE + 0.5 + a * (FADE - 1)) / HEIGHT);
    }

    /** How much of the colour (against the background) shows at position {@code along} of a trial. */
    static double strength(int band, double along) {
        double a = Math.pow(Math.max(0, Math.min(1, along)), 0.8);
        return band == FULL ? 0.12 + 0.88 * a : 0.07 + 0.16 * a;
    }

    /** The colour image, faded into the given background. */
    static Image image(Color background) {
        WritableImage img = new WritableImage(WIDTH, HEIGHT);
        PixelWriter w = img.getPixelWriter();
        // markers stand out by contrast with the background: darker on light, lighter on dark
        Color contrast = background.getBrightness() < 0.5 ? Color.WHITE : Color.BLACK;
        for (int c = 0; c < COLUMNS; c++) {
            Color full = color(c);
            for (int band = 0; band < 3; band++) {
                for (int r = 0; r < FADE; r++) {
                    Color mixed = band == MARKER ? full.interpolate(contrast, 0.28)
                            : background.interpolate(full, strength(band, r / (double) (FADE - 1)));
                    for (int x = 0; x < CELL; x++) {
                        w.setColor(c * CELL + x, band * FADE + r, mixed);
                    }
                }
            }
        }
        return img;
    }
}
