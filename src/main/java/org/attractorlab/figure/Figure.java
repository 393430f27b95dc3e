package org.attractorlab.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Something that draws itself into any {@link Graphics2D}: the screen's, a PNG's, an SVG's or a PDF's. Every figure
 * the app shows and the CLI writes is one of these, so that a file is the same drawing as the pane.
 */
public interface Figure {
    /** Draws the whole figure (background included) into {@code area} of {@code g2}. */
    void draw(Graphics2D g2, Rectangle2D area);

    /** The figure's title, for the metadata of the file (may be empty). */
    default String title() {
        return "";
    }
}
