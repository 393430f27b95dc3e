package org.attractorlab.figure;

/**
 * The turntable camera of the 3D view: the scene turns by {@code yaw} about the vertical axis, then tilts by
 * {@code tilt} about the horizontal one (degrees); the camera, panned by (panX, panY), looks along +z from
 * {@code distance} in front of the centre with a vertical field of view of {@code fieldOfView} degrees. Scene
 * coordinates are JavaFX's: x right, y down, z away from the viewer. {@link #project} maps a scene point to a
 * drawing area exactly as the pane's perspective camera does, so a figure shows what the pane shows.
 */
public record Camera(double yaw, double tilt, double distance, double panX, double panY, double fieldOfView) {
    /** The view the pane opens with (and returns to on "reset view"). */
    public static final Camera DEFAULT = new Camera(-38, 22, 540, 0, 0, 30);

    public Camera {
        if (!(distance > 0) || !Double.isFinite(yaw) || !Double.isFinite(tilt)) {
            throw new IllegalArgumentException("camera distance " + distance + " must be positive, yaw " + yaw
                    + " and tilt " + tilt + " finite");
        }
        if (!(fieldOfView > 0 && fieldOfView < 180)) {
            throw new IllegalArgumentException("field of view " + fieldOfView + " is not in (0, 180) degrees");
        }
    }

    /** The rotation (tilt after yaw) as a row-major 3x3 matrix. */
    public double[] rotation() {
        double cy = Math.cos(Math.toRadians(yaw));
        double sy = Math.sin(Math.toRadians(yaw));
        double ct = Math.cos(Math.toRadians(tilt));
        double st = Math.sin(Math.toRadians(tilt));
        // Rx(tilt) * Ry(yaw), with Ry = [[c,0,s],[0,1,0],[-s,0,c]] and Rx = [[1,0,0],[0,c,-s],[0,s,c]]
        return new double[]{
                cy, 0, sy,
                st * sy, ct, -st * cy,
                -ct * sy, st, ct * cy};
    }

    /**
     * Projects scene points (x, y, z triples) into an area of {@code width} x {@code height} with its origin at
     * (x0, y0): out receives (screen x, screen y, depth) per point, depth the distance along the view direction
     * (larger is farther); points behind the camera get NaN screen coordinates.
     *
     * <p>Formula: p' = R p - (panX, panY, -distance); screen = centre + f (p'x, p'y) / p'z with
     * f = (height / 2) / tan(fieldOfView / 2).
     *
     * @param points scene coordinates, not modified
     * @param out    [3 * points.length / 3], modified
     */
    public void project(float[] points, double x0, double y0, double width, double height, double[] out) {
        double[] m = rotation();
        double f = height / 2 / Math.tan(Math.toRadians(fieldOfView / 2));
        double cx = x0 + width / 2;
        double cy = y0 + height / 2;
        for (int i = 0; i + 2 < points.length; i += 3) {
            double x = points[i];
            double y = points[i + 1];
            double z = points[i + 2];
            double px = m[0] * x + m[1] * y + m[2] * z - panX;
            double py = m[3] * x + m[4] * y + m[5] * z - panY;
            double pz = m[6] * x + m[7] * y + m[8] * z + distance;
            boolean visible = pz > 1;
            out[i] = visible ? cx + f * px / pz : Double.NaN;
            out[i + 1] = visible ? cy + f * py / pz : Double.NaN;
            out[i + 2] = pz;
        }
    }

    /** Where a scene direction points on the screen: (x right, y down, z away), rotation only. */
    public double[] direction(double x, double y, double z) {
        double[] m = rotation();
        return new double[]{m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z,
                m[6] * x + m[7] * y + m[8] * z};
    }
}
