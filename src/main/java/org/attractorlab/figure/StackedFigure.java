package org.attractorlab.figure;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** Figures side by side (or one above the other), each given a share of the area. */
public final class StackedFigure implements Figure {
    private final List<Figure> parts;
    private final double[] shares;
    private final boolean vertical;
    private final String title;

    /**
     * @param shares   relative sizes, one per part, positive
     * @param vertical true: top to bottom; false: left to right
     */
    public StackedFigure(String title, boolean vertical, List<Figure> parts, double... shares) {
        if (parts.isEmpty() || parts.size() != shares.length) {
            throw new IllegalArgumentException(parts.size() + " parts with " + shares.length + " shares");
        }
        for (double s : shares) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("share " + s + " is not positive");
            }
        }
        this.parts = List.copyOf(parts);
        this.shares = shares.clone();
        this.vertical = vertical;
        this.title = title;
    }

    public List<Figure> parts() {
        return parts;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        double at = vertical ? area.getY() : area.getX();
        for (int i = 0; i < parts.size(); i++) {
            double len = (vertical ? area.getHeight() : area.getWidth()) * shares[i] / total;
            Rectangle2D r = vertical ? new Rectangle2D.Double(area.getX(), at, area.getWidth(), len)
                    : new Rectangle2D.Double(at, area.getY(), len, area.getHeight());
            java.awt.Shape clip = g2.getClip();
            g2.clip(r);
            try {
                parts.get(i).draw(g2, r);
            } finally {
                g2.setClip(clip);
            }
            at += len;
        }
    }
}
