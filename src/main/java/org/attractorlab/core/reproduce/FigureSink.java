package org.attractorlab.core.reproduce;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws report figures. {@code core} computes what a figure shows and draws nothing; the face that runs a
 * reproduction passes a sink that draws with the figure package, as {@code export} does.
 */
public interface FigureSink {
    /** Writes {@code dir/NAME.png} (at {@link ReportFigure#DPI}) and {@code dir/NAME.pdf}, replacing them. */
    void write(ReportFigure figure, Path dir) throws IOException;
}
