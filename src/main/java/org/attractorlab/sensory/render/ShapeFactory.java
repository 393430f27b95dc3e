package org.attractorlab.sensory.render;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.Box;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.Cylinder;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Shape3D;
import javafx.scene.shape.Sphere;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.fxyz3d.shapes.primitives.KnotMesh;
import org.fxyz3d.shapes.primitives.SpringMesh;
import org.fxyz3d.shapes.primitives.TorusMesh;

/**
 * Builds the 3D object of one (category, identity): a node centred on the origin with its bounding-sphere radius,
 * so the renderer can scale every object to the same size. Identities of a family differ in proportions (a table of
 * four per family), colour (hue {@code 15 + 90 i + 37 c} degrees, so every hue occurs in several families and colour
 * alone does not give the category) and surface (even identities matte, odd ones glossy). Runs on the FX thread.
 */
final class ShapeFactory {
    private ShapeFactory() {
    }

    /** An object centred on the origin and the radius of a sphere about the origin that holds it. */
    record Built(Node node, double radius) {
    }

    static Built build(int category, int identity) {
        ShapeFamily family = ShapeFamily.of(category);
        if (identity < 0 || identity >= ShapeFamily.IDENTITIES) {
            throw new IllegalArgumentException("identity = " + identity + " is out of range; allowed 0.."
                    + (ShapeFamily.IDENTITIES - 1));
        }
        PhongMaterial m = material(category, identity);
        int i = identity;
        return switch (family) {
            case CUBOID -> {
                double[][] p = {{1, 1, 1}, {1.7, 0.55, 0.55}, {1.3, 1.3, 0.35}, {0.75, 1.5, 1.05}};
                Box b = shape(new Box(p[i][0], p[i][1], p[i][2]), m);
                yield new Built(b, 0.5 * Math.sqrt(p[i][0] * p[i][0] + p[i][1] * p[i][1] + p[i][2] * p[i][2]));
            }
            case ELLIPSOID -> {
                double[][] s = {{1, 0.75, 0.9}, {1.6, 0.75, 0.75}, {1.25, 0.5, 1.25}, {1.35, 1.0, 0.65}};
                Sphere sp = shape(new Sphere(1, 64), m);
                sp.getTransforms().add(new Scale(s[i][0], s[i][1], s[i][2]));
                yield new Built(sp, Math.max(s[i][0], Math.max(s[i][1], s[i][2])));
            }
            case CYLINDER -> {
                double[][] p = {{0.5, 1.1}, {0.28, 1.8}, {0.75, 0.4}, {0.45, 1.3}};
                Cylinder c = shape(new Cylinder(p[i][0], p[i][1], 64), m);
                yield new Built(c, Math.hypot(p[i][0], 0.5 * p[i][1]));
            }
            case CONE -> {
                double[][] p = {{0.55, 1.2}, {0.35, 1.7}, {0.8, 0.8}, {0.6, 1.4}};
                yield centred(cone(p[i][0], p[i][1], 64), m);
            }
            case TORUS -> {
                double[] tube = {0.35, 0.18, 0.5, 0.27};
                yield upright(centred(new TorusMesh(64, 32, 1.0, tube[i]), m));
            }
            case SPRING -> {
                // mean radius, wire radius, rise per turn, turns; SpringMesh winds one radian per 'pitch' of its
                // axis, so it takes rise / (2 pi) and the length along the axis
                double[][] p = {{0.5, 0.1, 0.45, 4}, {0.35, 0.08, 0.3, 6}, {0.6, 0.14, 0.6, 3}, {0.55, 0.07, 0.22, 5}};
                int segments = (int) (64 * p[i][3]);
                yield upright(centred(new SpringMesh(p[i][0], p[i][1], p[i][2] / (2 * Math.PI), p[i][2] * p[i][3],
                        segments, 12, 0, 0), m));
            }
            case KNOT -> {
                // major radius, minor radius, wire radius, p, q
                double[][] p = {{1.0, 0.5, 0.22, 2, 3}, {1.0, 0.4, 0.14, 2, 3}, {1.0, 0.6, 0.3, 2, 3},
                        {1.0, 0.35, 0.18, 3, 2}};
                yield upright(centred(new KnotMesh(p[i][0], p[i][1], p[i][2], p[i][3], p[i][4], 300, 16, 0, 0), m));
            }
            case OCTAHEDRON -> {
                // half-extents along x, y (apex to apex) and z
                double[][] p = {{0.6, 0.8, 0.6}, {0.5, 0.95, 0.5}, {0.75, 0.5, 0.75}, {0.7, 0.9, 0.4}};
                yield new Built(shape(octahedron(p[i][0], p[i][1], p[i][2]), m),
                        Math.max(p[i][0], Math.max(p[i][1], p[i][2])));
            }
            case CROSS -> {
                // three perpendicular bars: lengths along x, y, z and thickness
                double[][] p = {{1.6, 1.6, 1.6, 0.34}, {2.0, 1.2, 0.8, 0.3}, {1.5, 1.5, 0.6, 0.45}, {1.8, 1.8, 1.8, 0.22}};
                Group g = new Group(shape(new Box(p[i][0], p[i][3], p[i][3]), m),
                        shape(new Box(p[i][3], p[i][1], p[i][3]), m), shape(new Box(p[i][3], p[i][3], p[i][2]), m));
                double half = 0.5 * Math.max(p[i][0], Math.max(p[i][1], p[i][2]));
                yield new Built(g, Math.hypot(half, p[i][3] * Math.sqrt(0.5)));
            }
            case DUMBBELL -> {
                // bar length, bar radius, ball radius
                double[][] p = {{1.4, 0.12, 0.35}, {1.8, 0.09, 0.28}, {1.0, 0.18, 0.45}, {1.5, 0.14, 0.3}};
                Cylinder bar = shape(new Cylinder(p[i][1], p[i][0], 48), m);
                Sphere a = shape(new Sphere(p[i][2], 48), m);
                Sphere b = shape(new Sphere(p[i][2], 48), m);
                a.getTransforms().add(new Translate(0, -0.5 * p[i][0], 0));
                b.getTransforms().add(new Translate(0, 0.5 * p[i][0], 0));
                yield new Built(new Group(bar, a, b), 0.5 * p[i][0] + p[i][2]);
            }
        };
    }

    /** Matte or glossy material in the identity's hue. */
    static PhongMaterial material(int category, int identity) {
        double hue = (15 + 90 * identity + 37 * category) % 360;
        PhongMaterial m = new PhongMaterial(Color.hsb(hue, 0.72, 0.9));
        if (identity % 2 == 1) {
            m.setSpecularColor(Color.gray(0.75));
            m.setSpecularPower(24);
        } else {
            m.setSpecularColor(Color.gray(0.12));
            m.setSpecularPower(6);
        }
        return m;
    }

    private static <S extends Shape3D> S shape(S s, PhongMaterial m) {
        s.setMaterial(m);
        return s;
    }

    /** Turns an object whose axis is z (fxyz3d's torus, spring and knot) so that its axis is y, like the others. */
    private static Built upright(Built b) {
        Group g = new Group(b.node());
        g.getTransforms().add(new Rotate(90, Rotate.X_AXIS));
        return new Built(g, b.radius());
    }

    /** Moves a mesh so the centre of its bounding box is the origin, and measures its radius about it. */
    private static Built centred(MeshView mesh, PhongMaterial m) {
        mesh.setMaterial(m);
        mesh.setCullFace(CullFace.NONE);
        float[] pts = ((TriangleMesh) mesh.getMesh()).getPoints().toArray(null);
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k < pts.length; k++) {
            lo[k % 3] = Math.min(lo[k % 3], pts[k]);
            hi[k % 3] = Math.max(hi[k % 3], pts[k]);
        }
        double cx = 0.5 * (lo[0] + hi[0]);
        double cy = 0.5 * (lo[1] + hi[1]);
        double cz = 0.5 * (lo[2] + hi[2]);
        double r2 = 0;
        for (int k = 0; k < pts.length; k += 3) {
            double dx = pts[k] - cx;
            double dy = pts[k + 1] - cy;
            double dz = pts[k + 2] - cz;
            r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
        }
        Group g = new Group(mesh);
        mesh.getTransforms().add(new Translate(-cx, -cy, -cz));
        return new Built(g, Math.sqrt(r2));
    }

    /**
     * A closed cone of base radius {@code r} and height {@code h}, apex up ({@code y = -h/2}): smooth sides, a flat
     * base. JavaFX takes a face's front, and its normal, from {@code (p1 - p0) x (p2 - p0)}; both kinds of face are
     * wound so that it points out.
     */
    static MeshView cone(double r, double h, int n) {
        TriangleMesh mesh = new TriangleMesh();
        mesh.getTexCoords().addAll(0, 0);
        mesh.getPoints().addAll(0, (float) (-h / 2), 0, 0, (float) (h / 2), 0); // apex 0, base centre 1
        for (int k = 0; k < n; k++) {
            double a = 2 * Math.PI * k / n;
            mesh.getPoints().addAll((float) (r * Math.cos(a)), (float) (h / 2), (float) (r * Math.sin(a)));
        }
        for (int k = 0; k < n; k++) {
            int p = 2 + k;
            int q = 2 + (k + 1) % n;
            mesh.getFaces().addAll(0, 0, p, 0, q, 0);
            mesh.getFaceSmoothingGroups().addAll(1);
            mesh.getFaces().addAll(1, 0, q, 0, p, 0);
            mesh.getFaceSmoothingGroups().addAll(2);
        }
        return new MeshView(mesh);
    }

    /** A flat-shaded octahedron with vertices at {@code (+-a, 0, 0), (0, +-b, 0), (0, 0, +-c)}. */
    static MeshView octahedron(double a, double b, double c) {
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().addAll((float) a, 0, 0, (float) -a, 0, 0, 0, (float) b, 0, 0, (float) -b, 0, 0, 0,
                (float) c, 0, 0, (float) -c);
        mesh.getTexCoords().addAll(0, 0);
        // each face (x, y, z) is counter-clockwise seen from outside, for JavaFX's left-handed, y-down frame
        int[] xs = {0, 1};
        int[] ys = {2, 3};
        int[] zs = {4, 5};
        int face = 0;
        for (int x : xs) {
            for (int y : ys) {
                for (int z : zs) {
                    boolean flip = ((x == 0) ^ (y == 2) ^ (z == 4));
                    int[] v = flip ? new int[] {x, y, z} : new int[] {x, z, y};
                    mesh.getFaces().addAll(v[0], 0, v[1], 0, v[2], 0);
                    mesh.getFaceSmoothingGroups().addAll(1 << face);
                    face++;
                }
            }
        }
        MeshView view = new MeshView(mesh);
        view.setCullFace(CullFace.NONE);
        return view;
    }
}
