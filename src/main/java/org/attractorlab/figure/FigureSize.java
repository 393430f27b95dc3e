package org.attractorlab.figure;

/**
 * The size of a figure in points (1/72 inch, the unit of PDF pages and of Java2D drawing) and the resolution of a
 * bitmap made from it: a PNG is {@code round(width * dpi / 72)} x {@code round(height * dpi / 72)} pixels, so that
 * at its recorded resolution it prints at the size of the PDF.
 *
 * @param width  points, in [{@value #MIN}, {@value #MAX}]
 * @param height points, in [{@value #MIN}, {@value #MAX}]
 * @param dpi    dots per inch of a bitmap, in [{@value #MIN_DPI}, {@value #MAX_DPI}]
 */
public record FigureSize(double width, double height, int dpi) {
    public static final double MIN = 50;
    public static final double MAX = 5000;
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 1200;
    /** The default resolution of exported bitmaps. */
    public static final int DEFAULT_DPI = 300;
    /** The default size of a figure written by the command line. */
    public static final FigureSize DEFAULT = new FigureSize(560, 420, DEFAULT_DPI);

    public FigureSize {
        if (!(width >= MIN && width <= MAX)) {
            throw new IllegalArgumentException("width = " + width + " points is not in [" + (int) MIN + ", "
                    + (int) MAX + "]");
        }
        if (!(height >= MIN && height <= MAX)) {
            throw new IllegalArgumentException("height = " + height + " points is not in [" + (int) MIN + ", "
                    + (int) MAX + "]");
        }
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi = " + dpi + " is not in [" + MIN_DPI + ", " + MAX_DPI + "]");
        }
        long pixels = Math.round(width * dpi / 72.0) * Math.round(height * dpi / 72.0);
        if (pixels > 200_000_000L) {
            throw new IllegalArgumentException(width + " x " + height + " points at " + dpi + " dpi would be "
                    + pixels + " pixels; lower the size or the dpi (at most 200 million pixels)");
        }
    }

    /** Width of the bitmap in pixels. */
    public int pixelWidth() {
        return (int) Math.round(width * dpi / 72.0);
    }

    /** Height of the bitmap in pixels. */
    public int pixelHeight() {
        return (int) Math.round(height * dpi / 72.0);
    }

    public FigureSize withDpi(int d) {
        return new FigureSize(width, height, d);
    }
}
