package org.attractorlab.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart as a {@link Figure}. A chart whose axis ranges depend on the size of its plot area (equal scales on
 * both axes) gets a {@link Fitter}: before the real drawing, the chart is laid out at the target size, the fitter
 * sets the ranges for that plot area, and the layout is repeated until it settles.
 */
public final class ChartFigure implements Figure {
    /** Sets axis ranges for a plot (data) area; returns whether anything changed. */
    @FunctionalInterface
    public interface Fitter {
        boolean fit(Rectangle2D dataArea);
    }

    private static final int MAX_FITS = 4;
    private final JFreeChart chart;
    private final Fitter fitter;
    private final String title;

    public ChartFigure(JFreeChart chart) {
        this(chart, null, null);
    }

    /**
     * @param fitter null for none
     * @param title  the title for the file's metadata; null = the chart's title
     */
    public ChartFigure(JFreeChart chart, Fitter fitter, String title) {
        this.chart = chart;
        this.fitter = fitter;
        this.title = title != null ? title : chart.getTitle() == null ? "" : chart.getTitle().getText();
    }

    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        if (fitter != null) {
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < MAX_FITS; i++) {
                Graphics2D g = scratch.createGraphics();
                ChartRenderingInfo info = new ChartRenderingInfo();
                try {
                    g.setClip(0, 0, 1, 1);
                    chart.draw(g, area, info);
                } finally {
                    g.dispose();
                }
                if (!fitter.fit(info.getPlotInfo().getDataArea())) {
                    break;
                }
            }
        }
        chart.draw(g2, area);
    }
}
