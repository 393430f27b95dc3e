package org.attractorlab.sensory.render;

import java.util.Locale;

/**
 * The shape families (categories) of the stimulus set, in category order. Each has {@link #IDENTITIES} identities:
 * the same family with different proportions, colour and surface (see {@link ShapeFactory}).
 */
public enum ShapeFamily {
    CUBOID(35, 25, 0), ELLIPSOID(35, 25, 0), CYLINDER(15, 25, 0), CONE(15, 25, 0), TORUS(15, 12, 70), SPRING(15, 25, 0),
    KNOT(20, 15, 50), OCTAHEDRON(35, 25, 0), CROSS(35, 25, 0), DUMBBELL(15, 25, 0);

    /** Number of families available. */
    public static final int COUNT = values().length;
    /** Identities defined per family. */
    public static final int IDENTITIES = 4;

    /**
     * The fixed tilt of the family's objects before they are turned, in degrees: first about the z axis (in the
     * picture), then about the x axis (towards the camera). A small tilt towards the camera keeps an axis of symmetry
     * (cylinder, cone, spring) from ever pointing at the camera, where the object would look like a disc.
     */
    public final double tiltX;
    public final double tiltZ;
    /**
     * Tilt of the axis the object turns about (from vertical towards the camera), in degrees. The torus turns about
     * an axis close to the line of sight, so that it shows its hole in every view instead of being seen edge-on.
     */
    public final double turnTilt;

    ShapeFamily(double tiltX, double tiltZ, double turnTilt) {
        this.tiltX = tiltX;
        this.tiltZ = tiltZ;
        this.turnTilt = turnTilt;
    }

    /** Lower-case name as written in {@code stimuli.csv} and {@code categories.csv}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family of a 0-based category index. */
    public static ShapeFamily of(int category) {
        if (category < 0 || category >= COUNT) {
            throw new IllegalArgumentException("category = " + category + " is out of range; allowed 0.." + (COUNT - 1));
        }
        return values()[category];
    }
}
