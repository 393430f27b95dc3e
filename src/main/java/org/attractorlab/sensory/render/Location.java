package org.attractorlab.sensory.render;

/** The four screen locations, numbered as in {@code stimuli.csv}: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right. */
public enum Location {
    TOP_LEFT(-1, -1), TOP_RIGHT(1, -1), BOTTOM_LEFT(-1, 1), BOTTOM_RIGHT(1, 1);

    /** Horizontal side: -1 left, +1 right. */
    public final int sx;
    /** Vertical side on screen: -1 top, +1 bottom. */
    public final int sy;

    Location(int sx, int sy) {
        this.sx = sx;
        this.sy = sy;
    }

    /** Lower-case name with a hyphen, as written in {@code render.json}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
