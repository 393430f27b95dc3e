package org.attractorlab.app.export;

import java.nio.file.Path;
import java.util.Objects;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.FigureSize;

/** Where and how to write a pane's figure: the file, its format, the size in points and a PNG's dpi. */
public record ExportRequest(Path file, FigureFormat format, FigureSize size) {
    public ExportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(size, "size");
    }
}
