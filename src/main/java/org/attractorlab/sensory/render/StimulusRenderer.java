package org.attractorlab.sensory.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.Scene;
import javafx.scene.SceneAntialiasing;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Draws stimuli offscreen with JavaFX 3D: one object, lit by an ambient, a key and a fill light, on a plain
 * background, seen through a perspective camera with a depth buffer. The view spans {@code [-1, 1]^2} of the plane
 * {@code z = 0}; an object is scaled so that its bounding sphere has radius {@link #OBJECT_RADIUS} and centred on
 * its quadrant ({@code (+-0.5, +-0.5)}), so it is never clipped and never crosses into another quadrant.
 *
 * <p>One scene is built once and reused; a batch of images is drawn in one visit to the FX thread
 * ({@code Scene.snapshot}), at {@code supersample} times the size, and box-filtered down on the caller's thread.
 * The toolkit starts on first use ({@link FxRuntime}). Instances are thread-safe: all scene state lives on the FX
 * thread.
 */
public final class StimulusRenderer {
    /** Background colour of every image, 0xRRGGBB. */
    public static final int BACKGROUND = 0xC0C0C0;
    /** Radius of an object's bounding sphere, in units of the half-width of the view. */
    public static final double OBJECT_RADIUS = 0.41;
    private static final double FIELD_OF_VIEW = 20;

    private final RenderOptions options;
    private final int full;
    // FX-thread state
    private final Map<Integer, ShapeFactory.Built> objects = new HashMap<>();
    private Scene scene;
    private Group holder;
    private Translate place;
    private Rotate roll;
    private Rotate elevation;
    private Rotate azimuth;
    private Rotate turnTilt;
    private Rotate tiltX;
    private Rotate tiltZ;
    private Scale scale;
    private WritableImage image;

    private StimulusRenderer(RenderOptions options) {
        this.options = options;
        this.full = options.size() * options.supersample();
    }

    /** A renderer for images of {@code options}' size; starts JavaFX if needed (throws {@link RenderException}). */
    public static StimulusRenderer open(RenderOptions options) {
        FxRuntime.start();
        StimulusRenderer r = new StimulusRenderer(options);
        FxRuntime.join(FxRuntime.submit(() -> {
            r.buildScene();
            return null;
        }));
        return r;
    }

    public RenderOptions options() {
        return options;
    }

    /** Renders one image. */
    public RgbImage render(StimulusKey key) {
        return render(List.of(key)).get(0);
    }

    /** Renders a batch in one visit to the FX thread. */
    public List<RgbImage> render(List<StimulusKey> keys) {
        List<int[]> raw = FxRuntime.join(renderRaw(keys));
        List<RgbImage> out = new ArrayList<>(raw.size());
        for (int[] argb : raw) {
            out.add(RgbImage.downsample(argb, options.size(), options.size(), options.supersample()));
        }
        return out;
    }

    /** Starts drawing a batch; the future holds the full-size ARGB pixels, one array per key. */
    CompletableFuture<List<int[]>> renderRaw(List<StimulusKey> keys) {
        for (StimulusKey k : keys) {
            if (k.category() >= options.categories() || k.identity() >= options.identities()
                    || k.view() >= options.views()) {
                throw new IllegalArgumentException("stimulus " + k + " is outside the set " + options);
            }
        }
        List<StimulusKey> copy = List.copyOf(keys);
        return FxRuntime.submit(() -> {
            List<int[]> out = new ArrayList<>(copy.size());
            for (StimulusKey k : copy) {
                out.add(draw(k));
            }
            return out;
        });
    }

    private void buildScene() {
        holder = new Group();
        place = new Translate();
        roll = new Rotate(0, Rotate.Z_AXIS);
        elevation = new Rotate(0, Rotate.X_AXIS);
        azimuth = new Rotate(0, Rotate.Y_AXIS);
        scale = new Scale();
        turnTilt = new Rotate(0, Rotate.X_AXIS);
        holder.getTransforms().addAll(place, roll, elevation, turnTilt, azimuth);
        tiltX = new Rotate(0, Rotate.X_AXIS);
        tiltZ = new Rotate(0, Rotate.Z_AXIS);
        holder.getTransforms().addAll(tiltX, tiltZ);
        holder.getTransforms().add(scale);

        PerspectiveCamera camera = new PerspectiveCamera(true);
        camera.setFieldOfView(FIELD_OF_VIEW);
        double distance = 1.0 / Math.tan(Math.toRadians(FIELD_OF_VIEW / 2));
        camera.setTranslateZ(-distance);
        camera.setNearClip(0.1);
        camera.setFarClip(2 * distance + 10);

        AmbientLight ambient = new AmbientLight(Color.gray(0.32));
        PointLight key = new PointLight(Color.gray(0.85));
        key.getTransforms().add(new Translate(-4, -5, -6));
        PointLight fill = new PointLight(Color.gray(0.3));
        fill.getTransforms().add(new Translate(5, 2, -3));

        Group root = new Group(holder, ambient, key, fill, camera);
        scene = new Scene(root, full, full, true, SceneAntialiasing.DISABLED);
        scene.setFill(Color.rgb((BACKGROUND >> 16) & 0xFF, (BACKGROUND >> 8) & 0xFF, BACKGROUND & 0xFF));
        scene.setCamera(camera);
        image = new WritableImage(full, full);
    }

    private int[] draw(StimulusKey k) {
        ShapeFactory.Built obj = objects.computeIfAbsent(k.category() * ShapeFamily.IDENTITIES + k.identity(),
                id -> ShapeFactory.build(k.category(), k.identity()));
        Pose pose = Pose.of(options.seed(), k.category(), k.identity(), k.view(), options.views());
        Location loc = Location.values()[k.location()];
        holder.getChildren().setAll(obj.node());
        double s = OBJECT_RADIUS / obj.radius();
        scale.setX(s);
        scale.setY(s);
        scale.setZ(s);
        ShapeFamily family = ShapeFamily.of(k.category());
        tiltX.setAngle(family.tiltX);
        tiltZ.setAngle(family.tiltZ);
        turnTilt.setAngle(family.turnTilt);
        azimuth.setAngle(pose.azimuth());
        elevation.setAngle(pose.elevation());
        roll.setAngle(pose.roll());
        place.setX(0.5 * loc.sx);
        place.setY(0.5 * loc.sy);
        scene.snapshot(image);
        int[] argb = new int[full * full];
        image.getPixelReader().getPixels(0, 0, full, full, PixelFormat.getIntArgbInstance(), argb, 0, full);
        return argb;
    }
}
