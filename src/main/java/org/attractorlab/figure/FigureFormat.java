package org.attractorlab.figure;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a figure can be written in. */
public enum FigureFormat {
    /** A bitmap at a chosen resolution, the resolution recorded in the file. */
    PNG("png"),
    /** Vector: text as text, lines as paths. */
    SVG("svg"),
    /** Vector, one page the size of the figure. */
    PDF("pdf");

    private final String extension;

    FigureFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code s} (png, svg or pdf, any case). */
    public static FigureFormat parse(String s) {
        for (FigureFormat f : values()) {
            if (f.extension.equalsIgnoreCase(s == null ? "" : s.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + s + "' is not one of png, svg, pdf");
    }

    /** The format of a file's extension, or null if it has none of ours. */
    public static FigureFormat ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) {
            if (name.endsWith("." + f.extension)) {
                return f;
            }
        }
        return null;
    }

    /** {@code file} with this format's extension (added if it has another or none). */
    public Path withExtension(Path file) {
        return ofFile(file) == this ? file : file.resolveSibling(file.getFileName() + "." + extension);
    }
}
