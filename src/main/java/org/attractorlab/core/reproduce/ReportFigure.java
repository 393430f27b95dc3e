package org.attractorlab.core.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One figure of a report: written as {@code NAME.png} and {@code NAME.pdf} beside {@code report.md}, at the size
 * {@code export} gives the same figure by default, so that the command under it in the report regenerates it.
 *
 * @param name       the file name without extension (letters, digits, '-', '_', '.')
 * @param caption    what it shows, one sentence
 * @param target     the directory {@code export} draws, relative to the reproduction's directory (a run or a sweep)
 * @param options    export's options after {@code --figure NAME}, e.g. {@code --x task.task_count}
 * @param data       what is drawn
 * @param width      width in points
 * @param height     height in points
 */
public record ReportFigure(String name, String caption, String target, List<String> options, FigureData data,
                           double width, double height) {
    /** The PNG resolution of report figures (the export command below each figure gives it). */
    public static final int DPI = 150;

    public ReportFigure {
        Objects.requireNonNull(data, "data");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("figure name '" + name + "' has characters other than letters, "
                    + "digits, '.', '-' and '_'");
        }
        options = List.copyOf(options);
    }

    /**
     * The default sizes of {@code export}: 560 x 420; fixed-points 840 wide, degeneracy and cross-task 1260,
     * relevance 700; angles and decoding 560 high.
     */
    public static ReportFigure of(String name, String caption, String target, List<String> options, FigureData d) {
        double w = d instanceof FigureData.FixedPoints ? 840 : d instanceof FigureData.Degeneracy
                || d instanceof FigureData.CrossTask ? 1260 : d instanceof FigureData.Relevance ? 700 : 560;
        double h = d instanceof FigureData.Angles || d instanceof FigureData.Decoding ? 560 : 420;
        return new ReportFigure(name, caption, target, options, d, w, h);
    }

    public String png() {
        return name + ".png";
    }

    public String pdf() {
        return name + ".pdf";
    }

    /**
     * The export command that redraws the figure, run in the reproduction's directory: {@code attractor-lab export
     * TARGET --figure NAME OPTIONS --out NAME.pdf --force} (with {@code .png}: add {@code --dpi 150}).
     */
    public List<String> exportCommand(String file) {
        List<String> c = new ArrayList<>(List.of("attractor-lab", "export", target, "--figure", data.exportName()));
        c.addAll(options);
        c.addAll(List.of("--out", file, "--force"));
        if (file.endsWith(".png")) {
            c.addAll(List.of("--dpi", Integer.toString(DPI)));
        }
        return c;
    }

    /** {@link #exportCommand} as a shell line, arguments with shell characters single-quoted. */
    public String exportLine(String file) {
        List<String> q = new ArrayList<>();
        for (String a : exportCommand(file)) {
            q.add(a.matches("[A-Za-z0-9._/=:,+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return String.join(" ", q);
    }
}
