package org.attractorlab.sensory.cnn;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A toy stimulus set drawn with Java2D, in the format of the real renderer: a distinct shape per category, a colour
 * and aspect ratio per identity, one of 4 quadrants, and a view that rotates and scales the shape.
 */
final class ToyStimuli {
    private static final Color[] COLOURS = {new Color(220, 40, 40), new Color(40, 160, 60), new Color(40, 80, 220),
            new Color(230, 180, 30)};

    private ToyStimuli() {
    }

    /** Writes categories x identities x 4 locations x views images of size x size into dir, with stimuli.csv. */
    static StimulusSet write(Path dir, int categories, int identities, int views, int size) throws IOException {
        Files.createDirectories(dir.resolve("img"));
        List<String> lines = new ArrayList<>();
        lines.add("file,category,identity,location,view,angle_deg");
        for (int c = 0; c < categories; c++) {
            for (int i = 0; i < identities; i++) {
                for (int l = 0; l < 4; l++) {
                    for (int v = 0; v < views; v++) {
                        String file = String.format(Locale.ROOT, "img/c%d_i%d_l%d_v%d.png", c, i, l, v);
                        double angle = 60.0 * v / views;
                        ImageIO.write(draw(c, i, l, v, views, size), "png", dir.resolve(file).toFile());
                        lines.add(file + "," + c + "," + i + "," + l + "," + v + ","
                                + String.format(Locale.ROOT, "%.1f", angle));
                    }
                }
            }
        }
        Files.write(dir.resolve(StimulusSet.INDEX), lines);
        return StimulusSet.open(dir);
    }

    static BufferedImage draw(int category, int identity, int location, int view, int views, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, size, size);
        double q = size / 2.0;
        double cx = (location % 2) * q + q / 2;
        double cy = (location / 2) * q + q / 2;
        double r = q * 0.36 * (0.85 + 0.3 * view / Math.max(1, views - 1));
        double aspect = 1.0 - 0.25 * (identity % 2);
        AffineTransform t = new AffineTransform();
        t.translate(cx, cy);
        t.rotate(Math.toRadians(60.0 * view / views));
        t.scale(r, r * aspect);
        Shape s = t.createTransformedShape(shape(category));
        g.setColor(COLOURS[identity % COLOURS.length]);
        g.fill(s);
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.draw(s);
        g.dispose();
        return img;
    }

    /** A unit-size shape per category. */
    private static Shape shape(int category) {
        switch (category % 8) {
            case 0:
                return new Ellipse2D.Double(-1, -1, 2, 2);
            case 1:
                return new Rectangle2D.Double(-0.9, -0.9, 1.8, 1.8);
            case 2:
                return polygon(3, 0);
            case 3:
                return star(5);
            case 4: {
                Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
                p.append(new Rectangle2D.Double(-1, -0.3, 2, 0.6), false);
                p.append(new Rectangle2D.Double(-0.3, -1, 0.6, 2), false);
                return p;
            }
            case 5:
                return new Rectangle2D.Double(-1, -0.35, 2, 0.7);
            case 6:
                return polygon(6, 0);
            default: {
                Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                p.append(new Ellipse2D.Double(-1, -1, 2, 2), false);
                p.append(new Ellipse2D.Double(-0.5, -0.5, 1, 1), false);
                return p;
            }
        }
    }

    private static Shape polygon(int k, double phase) {
        Path2D.Double p = new Path2D.Double();
        for (int j = 0; j < k; j++) {
            double a = phase + 2 * Math.PI * j / k - Math.PI / 2;
            if (j == 0) {
                p.moveTo(Math.cos(a), Math.sin(a));
            } else {
                p.lineTo(Math.cos(a), Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }

    private static Shape star(int k) {
        Path2D.Double p = new Path2D.Double();
        for (int j = 0; j < 2 * k; j++) {
            double a = Math.PI * j / k - Math.PI / 2;
            double rr = j % 2 == 0 ? 1 : 0.45;
            if (j == 0) {
                p.moveTo(rr * Math.cos(a), rr * Math.sin(a));
            } else {
                p.lineTo(rr * Math.cos(a), rr * Math.sin(a));
            }
        }
        p.closePath();
        return p;
    }
}
