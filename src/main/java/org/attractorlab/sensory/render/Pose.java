package org.attractorlab.sensory.render;

import java.util.SplittableRandom;

/**
 * How an object is turned for one view, in degrees. The object first gets its family's fixed tilt
 * ({@link ShapeFamily#tiltX}, so that no symmetry axis coincides with the turn axis), then turns by {@code azimuth} about the vertical axis, tilts by
 * {@code elevation} towards the camera and rolls by {@code roll} about the line of sight.
 *
 * <p>View {@code v} of {@code V}: {@code azimuth = 360 (v + a + j) / V} with a per-object offset {@code a ~ U(0, 1)}
 * and a per-view jitter {@code j ~ U(-0.2, 0.2)}; elevation alternates above (+25) and below (-15) the object with
 * {@code U(-8, 8)} jitter; {@code roll ~ U(-12, 12)}. All draws come from the seed, category, identity and view only,
 * so the pose does not depend on the location and a subset of a set renders the same images.
 */
public record Pose(double azimuth, double elevation, double roll) {

    /** The pose of one view of one object. */
    public static Pose of(long seed, int category, int identity, int view, int views) {
        SplittableRandom objectRandom = new SplittableRandom(mix(seed, category, identity, -1));
        double offset = objectRandom.nextDouble();
        SplittableRandom r = new SplittableRandom(mix(seed, category, identity, view));
        double jitter = r.nextDouble(-0.2, 0.2);
        double azimuth = 360.0 * (view + offset + jitter) / views;
        azimuth = azimuth - 360.0 * Math.floor(azimuth / 360.0);
        double elevation = (view % 2 == 0 ? 25.0 : -15.0) + r.nextDouble(-8.0, 8.0);
        double roll = r.nextDouble(-12.0, 12.0);
        return new Pose(azimuth, elevation, roll);
    }

    private static long mix(long seed, int category, int identity, int view) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 31)) + 0x632BE59BD9B4E019L * (category + 1);
        h = (h ^ (h >>> 29)) + 0xD1B54A32D192ED03L * (identity + 1);
        h = (h ^ (h >>> 32)) + 0x94D049BB133111EBL * (view + 2);
        return h ^ (h >>> 31);
    }
}
