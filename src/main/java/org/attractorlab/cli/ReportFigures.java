package org.attractorlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.attractorlab.core.reproduce.FigureData;
import org.attractorlab.core.reproduce.FigureSink;
import org.attractorlab.core.reproduce.ReportFigure;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.FigureSize;
import org.attractorlab.figure.FigureWriter;
import org.attractorlab.figure.Figures;
import org.attractorlab.figure.FixedPointOverlay;

/**
 * Draws a reproduction's figures with {@code export}'s own builders, so that the export command written under each
 * figure in the report redraws it.
 */
public final class ReportFigures implements FigureSink {

    @Override
    public void write(ReportFigure f, Path dir) throws IOException {
        Figure fig = build(f.data());
        FigureWriter.write(fig, FigureFormat.PNG, new FigureSize(f.width(), f.height(), ReportFigure.DPI),
                dir.resolve(f.png()));
        FigureWriter.write(fig, FigureFormat.PDF, new FigureSize(f.width(), f.height(), ReportFigure.DPI),
                dir.resolve(f.pdf()));
    }

    /** The figure {@code export} draws for the same data. */
    static Figure build(FigureData d) {
        if (d instanceof FigureData.Pca3d p) {
            FixedPointOverlay fixed = p.fixedPoints() == null ? null : FixedPointOverlay.of(p.step(),
                    p.fixedPoints().points(), p.pca().pca(), p.pca().projections());
            return ExportCommand.pca3d(p.step(), p.states(), p.pca(), p.colorBy(), fixed).figure();
        }
        if (d instanceof FigureData.FixedPoints p) {
            return ExportCommand.fixedPoints(p.step(), p.states(), p.fixedPoints(), p.pca()).figure();
        }
        if (d instanceof FigureData.Sweep s) {
            return Figures.sweep(s.series());
        }
        if (d instanceof FigureData.Degeneracy g) {
            return Figures.degeneracy(g.result(), g.measure(), g.colourAxis());
        }
        if (d instanceof FigureData.Angles a) {
            return ExportCommand.angles(a.step(), a.states(), a.angles()).figure();
        }
        if (d instanceof FigureData.Decoding x) {
            return ExportCommand.decoding(x.step(), x.states(), x.decoding(), x.ood()).figure();
        }
        if (d instanceof FigureData.OodVsTasks x) {
            return Figures.oodVsTasks(x.result());
        }
        if (d instanceof FigureData.CrossTask x) {
            return Figures.crossTask(x.result(), x.step());
        }
        if (d instanceof FigureData.Relevance x) {
            return Figures.relevance(x.result());
        }
        if (d instanceof FigureData.Orthogonalisation x) {
            return Figures.orthogonalisation(x.comparisons());
        }
        if (d instanceof FigureData.Procrustes x) {
            return Figures.procrustes(x.result());
        }
        throw new IllegalArgumentException("no figure for " + d.getClass().getSimpleName());
    }
}
