package org.attractorlab.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.task.ConditionTable;

/**
 * The 3D PCA trajectories as a flat figure, seen from a {@link Camera}: every trial's centre line projected with
 * perspective and drawn as line segments that fade in from the trial's start (as in the pane), the fixed points
 * (stable: filled dark discs; unstable: hollow red circles, their unstable modes as red segments), all sorted by
 * depth and drawn from the farthest, so that nearer lines cover farther ones. Around them: a title, a colour key
 * of the condition, the time fading, and a triad of the PC1-PC3 directions with the variance each explains.
 * Instead of the lines, a bitmap of the 3D scene (a snapshot of the pane) can fill the plot area.
 */
public final class TrajectoryFigure implements Figure {
    private static final Color UNSTABLE = new Color(0xcf222e);
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 13);
    private static final Font TEXT = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font SMALL = new Font("SansSerif", Font.PLAIN, 9);
    private static final double TRIAD = 34;
    private static final double[][] AXES = {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}};

    /**
     * What to draw.
     *
     * @param step          training step (negative: not shown)
     * @param steps         time steps per trial
     * @param shown         the trials drawn
     * @param path          [shown, steps, 3] their centre lines in scene coordinates
     * @param emphasised    per shown trial: selected (drawn thicker)
     * @param dimmed        per shown trial: not selected while others are (drawn thin and pale)
     * @param coloring      the colour of every trial and the legend
     * @param normalization how PC scores map to the scene (for the fixed points)
     * @param varianceRatio explained variance ratio of PC1..PC3
     * @param fixedPoints   [n][3] fixed points in PC scores, or null
     * @param fixedStable   [n] whether each is stable, or null
     * @param modeSegments  [m][2][3] unstable-mode segments in PC scores, or null
     */
    public record Data(int step, int steps, int[] shown, float[] path, boolean[] emphasised, boolean[] dimmed,
                       Coloring coloring, Normalization normalization, double[] varianceRatio,
                       float[][] fixedPoints, boolean[] fixedStable, float[][][] modeSegments) {

        /**
         * The data of every trial of a projection, coloured by {@code colorBy} (null: the first column), fitted
         * into the scene as the pane fits it.
         *
         * @param projections [trials, steps, k] PC scores
         */
        public static Data of(int step, float[] projections, int trials, int steps, int k, double[] ratio,
                              ConditionTable conditions, String colorBy, FixedPointOverlay fixed) {
            Normalization norm = Normalization.fit(projections, k, trials * steps,
                    fixed == null ? null : fixed.projected());
            String column = colorBy != null ? colorBy : conditions.names().isEmpty() ? null : conditions.names().get(0);
            if (column != null && !conditions.has(column)) {
                throw new IllegalArgumentException("no condition column '" + column + "' to colour by; columns are "
                        + conditions.names());
            }
            Coloring coloring = Coloring.of(conditions, column);
            int[] shown = new int[trials];
            float[] path = new float[trials * steps * 3];
            for (int i = 0; i < trials; i++) {
                shown[i] = i;
                for (int t = 0; t < steps; t++) {
                    int src = (i * steps + t) * k;
                    norm.toScene(projections[src], k > 1 ? projections[src + 1] : 0f,
                            k > 2 ? projections[src + 2] : 0f, path, (i * steps + t) * 3);
                }
            }
            double[] r = new double[3];
            System.arraycopy(ratio, 0, r, 0, Math.min(3, ratio.length));
            return new Data(step, steps, shown, path, new boolean[trials], new boolean[trials], coloring, norm, r,
                    fixed == null ? null : fixed.projected(), fixed == null ? null : fixed.stable(),
                    fixed == null ? null : fixed.segments());
        }
    }

    private final Data data;
    private final Camera camera;
    private final BufferedImage scene;
    private final String title;

    /** A vector drawing of {@code data} from {@code camera}. */
    public TrajectoryFigure(Data data, Camera camera) {
        this(data, camera, null);
    }

    /** With {@code scene} non-null, the plot area shows that bitmap (the pane's own rendering) instead of lines. */
    public TrajectoryFigure(Data data, Camera camera, BufferedImage scene) {
        this(data, camera, scene, null);
    }

    /** With its own title (null: "PCA trajectories", with the training step when there is one). */
    public TrajectoryFigure(Data data, Camera camera, BufferedImage scene, String title) {
        this.data = data;
        this.camera = camera;
        this.scene = scene;
        this.title = title;
    }

    @Override
    public String title() {
        if (title != null) {
            return title;
        }
        return data.step() >= 0 ? "PCA trajectories, training step " + data.step() : "PCA trajectories";
    }

    /** The area the trajectories are drawn in, inside a figure drawn in {@code area}. */
    public static Rectangle2D plotArea(Rectangle2D area) {
        double top = 40;
        return new Rectangle2D.Double(area.getX(), area.getY() + top, area.getWidth(),
                Math.max(1, area.getHeight() - top));
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        Color bg = ChartStyle.background(false);
        Color fg = ChartStyle.foreground(false);
        g2.setPaint(bg);
        g2.fill(area);
        g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        Rectangle2D plot = plotArea(area);
        Shape clip = g2.getClip();
        g2.clip(plot);
        if (scene != null) {
            double s = Math.min(plot.getWidth() / scene.getWidth(), plot.getHeight() / scene.getHeight());
            double w = scene.getWidth() * s;
            double h = scene.getHeight() * s;
            g2.drawImage(scene, (int) Math.round(plot.getCenterX() - w / 2), (int) Math.round(plot.getCenterY() - h / 2),
                    (int) Math.round(w), (int) Math.round(h), null);
        } else {
            drawScene(g2, plot, bg, fg);
        }
        g2.setClip(clip);
        drawTitle(g2, area, fg);
        drawLegend(g2, plot, bg, fg);
        drawTriad(g2, plot, fg);
    }

    /** One thing to draw at a depth. */
    private record Item(double depth, Shape shape, Color colour, float width, boolean fill) {
    }

    private void drawScene(Graphics2D g2, Rectangle2D plot, Color bg, Color fg) {
        int steps = data.steps();
        int n = data.shown().length;
        double[] screen = new double[data.path().length];
        camera.project(data.path(), plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight(), screen);
        double unit = Math.max(0.5, plot.getHeight() / 420);
        float plain = (float) (unit * Math.max(0.5, Math.min(1.3, 1.1 * Math.sqrt(48.0 / Math.max(1, n)))));
        List<Item> items = new ArrayList<>(n * steps + 16);
        for (int i = 0; i < n; i++) {
            Color full = Coloring.colour(data.coloring().columnOf()[data.shown()[i]]);
            boolean sel = data.emphasised()[i];
            boolean dim = data.dimmed()[i];
            float width = sel ? (float) (2.4 * unit) : dim ? (float) (0.5 * unit) : plain;
            for (int t = 0; t + 1 < steps; t++) {
                int a = 3 * (i * steps + t);
                int b = a + 3;
                if (Double.isNaN(screen[a]) || Double.isNaN(screen[b])) {
                    continue;
                }
                double along = steps > 1 ? (t + 0.5) / (steps - 1) : 1;
                double strength = dim ? 0.07 + 0.16 * Math.pow(along, 0.8)
                        : 0.12 + 0.88 * Math.pow(sel ? 0.45 + 0.55 * along : along, 0.8);
                items.add(new Item((screen[a + 2] + screen[b + 2]) / 2,
                        new Line2D.Double(screen[a], screen[a + 1], screen[b], screen[b + 1]), mix(bg, full, strength),
                        width, false));
            }
        }
        addFixedPoints(items, plot, unit, fg);
        items.sort(Comparator.comparingDouble(Item::depth).reversed());
        for (Item it : items) {
            g2.setPaint(it.colour());
            if (it.fill()) {
                g2.fill(it.shape());
            } else {
                g2.setStroke(new BasicStroke(it.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g2.draw(it.shape());
            }
        }
    }

    private void addFixedPoints(List<Item> items, Rectangle2D plot, double unit, Color fg) {
        float[][] points = data.fixedPoints();
        if (points == null || points.length == 0) {
            return;
        }
        Normalization norm = data.normalization();
        float[] scenePoints = new float[3 * points.length];
        for (int i = 0; i < points.length; i++) {
            float[] p = points[i];
            norm.toSceneClamped(p[0], p.length > 1 ? p[1] : 0f, p.length > 2 ? p[2] : 0f, scenePoints, 3 * i);
        }
        double[] s = new double[scenePoints.length];
        camera.project(scenePoints, plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight(), s);
        double r = 3.6 * unit;
        for (int i = 0; i < points.length; i++) {
            if (Double.isNaN(s[3 * i])) {
                continue;
            }
            Ellipse2D disc = new Ellipse2D.Double(s[3 * i] - r, s[3 * i + 1] - r, 2 * r, 2 * r);
            boolean stable = data.fixedStable() != null && data.fixedStable()[i];
            // a point sits just in front of the lines through it
            items.add(new Item(s[3 * i + 2] - 0.5, disc, stable ? fg : UNSTABLE, (float) (1.4 * unit), stable));
            if (!stable) {
                items.add(new Item(s[3 * i + 2] - 0.4, disc, Color.WHITE, 0f, true));
            }
        }
        float[][][] modes = data.modeSegments();
        if (modes == null) {
            return;
        }
        float[] ends = new float[6];
        double[] e = new double[6];
        for (float[][] m : modes) {
            norm.toSceneClamped(m[0][0], m[0][1], m[0][2], ends, 0);
            norm.toSceneClamped(m[1][0], m[1][1], m[1][2], ends, 3);
            camera.project(ends, plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight(), e);
            if (!Double.isNaN(e[0]) && !Double.isNaN(e[3])) {
                items.add(new Item((e[2] + e[5]) / 2 - 0.3, new Line2D.Double(e[0], e[1], e[3], e[4]), UNSTABLE,
                        (float) (1.5 * unit), false));
            }
        }
    }

    private void drawTitle(Graphics2D g2, Rectangle2D area, Color fg) {
        g2.setPaint(fg);
        g2.setFont(TITLE);
        FontMetrics m = g2.getFontMetrics();
        String title = title();
        g2.drawString(title, (float) (area.getCenterX() - m.stringWidth(title) / 2.0), (float) area.getY() + 17);
        g2.setFont(TEXT);
        m = g2.getFontMetrics();
        double[] v = data.varianceRatio();
        String sub = String.format(Locale.ROOT, "PC1\u2013PC3 explain %.0f%% of the variance \u00b7 %d trials",
                100 * (v[0] + v[1] + v[2]), data.shown().length);
        g2.drawString(sub, (float) (area.getCenterX() - m.stringWidth(sub) / 2.0), (float) area.getY() + 33);
    }

    private void drawLegend(Graphics2D g2, Rectangle2D plot, Color bg, Color fg) {
        double x = plot.getX() + 10;
        double y = plot.getY() + 8;
        Coloring c = data.coloring();
        g2.setFont(TEXT);
        FontMetrics m = g2.getFontMetrics();
        double line = m.getHeight();
        if (c != null && c.column() != null) {
            g2.setPaint(fg);
            g2.setFont(TITLE.deriveFont(11f));
            g2.drawString(c.column(), (float) x, (float) (y + line - 3));
            g2.setFont(TEXT);
            y += line + 2;
            if (c.categories()) {
                for (Coloring.Entry e : c.entries()) {
                    g2.setPaint(Coloring.colour(e.paletteColumn()));
                    g2.fill(new Ellipse2D.Double(x, y + line / 2 - 4.5, 9, 9));
                    g2.setPaint(fg);
                    g2.drawString(e.label() + "  (" + e.trials() + ")", (float) (x + 15), (float) (y + line - 3));
                    y += line;
                }
            } else {
                for (int i = 0; i < 60; i++) {
                    g2.setPaint(Coloring.colour(Coloring.sequentialColumn(i / 59.0)));
                    g2.fill(new Rectangle2D.Double(x + 2 * i, y + 2, 2.2, 9));
                }
                y += 13;
                g2.setPaint(fg);
                g2.setFont(SMALL);
                g2.drawString(c.entries().get(0).label(), (float) x, (float) (y + 9));
                String hi = c.entries().get(1).label();
                g2.drawString(hi, (float) (x + 120 - g2.getFontMetrics().stringWidth(hi)), (float) (y + 9));
                y += 12;
            }
        }
        y += 6;
        g2.setPaint(new GradientPaint((float) x, 0f, mix(bg, fg, 0.12), (float) (x + 120), 0f, fg));
        g2.fill(new Rectangle2D.Double(x, y, 120, 4));
        g2.setPaint(fg);
        g2.setFont(SMALL);
        y += 14;
        g2.drawString("trial start", (float) x, (float) y);
        String end = "end";
        g2.drawString(end, (float) (x + 120 - g2.getFontMetrics().stringWidth(end)), (float) y);
    }

    private void drawTriad(Graphics2D g2, Rectangle2D plot, Color fg) {
        double x = plot.getX() + 58;
        double y = plot.getMaxY() - 52;
        g2.setFont(TEXT);
        FontMetrics m = g2.getFontMetrics();
        double[] v = data.varianceRatio();
        for (int i = 0; i < 3; i++) {
            double[] d = camera.direction(AXES[i][0], AXES[i][1], AXES[i][2]);
            double ex = x + TRIAD * d[0];
            double ey = y + TRIAD * d[1];
            double toward = -d[2];
            g2.setPaint(mix(Color.WHITE, fg, Math.max(0.3, 0.65 + 0.35 * toward)));
            g2.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g2.draw(new Line2D.Double(x, y, ex, ey));
            String label = String.format(Locale.ROOT, "PC%d  %.0f%%", i + 1, 100 * v[i]);
            double len = Math.hypot(d[0], d[1]);
            double dx = len < 0.15 ? 0.7 : d[0] / len;
            double dy = len < 0.15 ? -0.7 : d[1] / len;
            double w = m.stringWidth(label);
            double h = m.getAscent();
            double cx = ex + dx * (6 + w / 2);
            double cy = ey + dy * (4 + h / 2);
            g2.setPaint(fg);
            g2.drawString(label, (float) (cx - w / 2), (float) (cy + h / 2 - 1));
        }
    }

    /** a mixed towards b by f in [0, 1]. */
    static Color mix(Color a, Color b, double f) {
        double t = Math.max(0, Math.min(1, f));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
