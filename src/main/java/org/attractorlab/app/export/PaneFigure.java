package org.attractorlab.app.export;

import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FigureFormat;

/**
 * Makes a pane's figure for export, on the FX thread, from a snapshot of what the pane shows (so that writing it
 * on another thread is safe while the pane keeps updating).
 */
@FunctionalInterface
public interface PaneFigure {
    /**
     * @param format the format it will be written in (the 3D pane draws a PNG from a snapshot of its scene)
     * @param scale  pixels per point of a PNG (dpi / 72)
     * @return the figure, or null when the pane has nothing to show yet
     */
    Figure create(FigureFormat format, double scale);
}
