package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/**
 * Colours and fonts that make JFreeChart match the app's theme (AtlantaFX does not style charts). The same
 * styling is used on screen and in exported figures.
 */
public final class ChartStyle {
    /** A colour-blind-safe categorical palette (Okabe-Ito). */
    public static final Color[] PALETTE = {
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)};

    static {
        // JFreeChart draws rotated text (vertical axis labels) through TextLayout by default, a workaround for
        // old JDKs that turns the text into outlines in SVG and PDF; Graphics2D.drawString after a rotation is
        // right on JDK 17 and keeps the labels as text
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartStyle() {
    }

    public static Color background(boolean dark) {
        return dark ? new Color(0x0d1117) : Color.WHITE;
    }

    public static Color foreground(boolean dark) {
        return dark ? new Color(0xc9d1d9) : new Color(0x1f2328);
    }

    public static Color grid(boolean dark) {
        return dark ? new Color(0x30363d) : new Color(0xd0d7de);
    }

    /** Applies background, grid, fonts and series colours to an XY chart. */
    public static void apply(JFreeChart chart, boolean dark) {
        applyTheme(chart, dark, true);
    }

    /**
     * Re-colours background, text, axes and grid for a theme switch, leaving the series' own colours and strokes
     * (which panes may have set) alone.
     */
    public static void retheme(JFreeChart chart, boolean dark) {
        applyTheme(chart, dark, false);
        if (chart.getPlot() instanceof Themed t) {
            t.retheme(dark);
        }
    }

    /**
     * A plot that derives colours from the theme itself (marks in the foreground colour, say): {@link #retheme}
     * tells it the new theme after the common styling.
     */
    public interface Themed {
        void retheme(boolean dark);
    }

    /** @param initial the first styling (fonts and series colours too), not a theme switch (colours only) */
    private static void applyTheme(JFreeChart chart, boolean dark, boolean initial) {
        Color bg = background(dark);
        Color fg = foreground(dark);
        chart.setBackgroundPaint(bg);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(fg);
            if (initial) { // fonts only when first styled: a pane may have chosen its own since
                chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 13));
            }
        }
        for (Object sub : chart.getSubtitles()) {
            if (sub instanceof org.jfree.chart.title.TextTitle t) {
                t.setPaint(fg);
            } else if (sub instanceof org.jfree.chart.title.PaintScaleLegend scale) {
                scale.setBackgroundPaint(bg);
                scale.getAxis().setLabelPaint(fg);
                scale.getAxis().setTickLabelPaint(fg);
                scale.getAxis().setAxisLinePaint(fg);
                scale.getAxis().setTickMarkPaint(fg);
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(bg);
            legend.setItemPaint(fg);
            if (initial) {
                legend.setItemFont(new Font("SansSerif", Font.PLAIN, 11));
            }
        }
        if (chart.getPlot() instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
            combined.setBackgroundPaint(bg);
            styleAxis(combined.getDomainAxis(), fg, initial);
            for (Object sub : combined.getSubplots()) {
                stylePlot((XYPlot) sub, dark, initial);
            }
        } else if (chart.getPlot() instanceof XYPlot p) {
            stylePlot(p, dark, initial);
        }
    }

    /**
     * A bar chart's look: the legend on top in small type, the plot's background and range grid, no outline, and
     * the given axes in the theme's foreground with the figures' label and tick fonts.
     */
    public static void styleBars(JFreeChart chart, org.jfree.chart.plot.CategoryPlot plot, boolean dark,
                                 org.jfree.chart.axis.Axis... axes) {
        chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.TOP);
        chart.getLegend().setItemFont(new Font("SansSerif", Font.PLAIN, 10));
        Color fg = foreground(dark);
        plot.setBackgroundPaint(background(dark));
        plot.setRangeGridlinePaint(grid(dark));
        plot.setOutlineVisible(false);
        for (org.jfree.chart.axis.Axis a : axes) {
            a.setLabelPaint(fg);
            a.setTickLabelPaint(fg);
            a.setAxisLinePaint(fg);
            a.setTickMarkPaint(fg);
            a.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            a.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 10));
        }
    }

    /** Background, grid, axes and series colours of one XY plot. */
    public static void stylePlot(XYPlot p, boolean dark) {
        stylePlot(p, dark, true);
    }

    private static void stylePlot(XYPlot p, boolean dark, boolean initial) {
        Color bg = background(dark);
        Color fg = foreground(dark);
        {
            p.setBackgroundPaint(bg);
            p.setDomainGridlinePaint(grid(dark));
            p.setRangeGridlinePaint(grid(dark));
            p.setOutlineVisible(false);
            for (int a = 0; a < p.getRangeAxisCount(); a++) {
                styleAxis(p.getRangeAxis(a), fg, initial);
            }
            for (int a = 0; a < p.getDomainAxisCount(); a++) {
                styleAxis(p.getDomainAxis(a), fg, initial);
            }
            for (int r = 0; initial && r < p.getRendererCount(); r++) {
                var renderer = p.getRenderer(r);
                if (renderer == null) {
                    continue;
                }
                for (int s = 0; s < 8; s++) {
                    renderer.setSeriesPaint(s, PALETTE[(s + 2 * r) % PALETTE.length]);
                    renderer.setSeriesStroke(s, new BasicStroke(1.6f));
                }
            }
        }
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis, Color fg, boolean fonts) {
        if (axis == null) {
            return;
        }
        axis.setLabelPaint(fg);
        axis.setTickLabelPaint(fg);
        axis.setAxisLinePaint(fg);
        axis.setTickMarkPaint(fg);
        if (fonts) {
            axis.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
            axis.setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        }
    }
}
