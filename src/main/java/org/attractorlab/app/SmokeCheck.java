package org.attractorlab.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.attractorlab.app.fx.StartupTrace;
import org.attractorlab.app.fx.WorkMeter;
import org.attractorlab.app.panes.pca3d.Pca3dView;

/**
 * {@code attractor-lab app --smoke}: opens the window as usual, waits for the first frame that shows the sample's
 * trajectories in the 3D pane, checks that the pane drew them (a snapshot of the 3D sub-scene in which at least
 * {@value #MIN_DRAWN} of the pixels differ from its background, the corner pixel), prints one line and exits: 0
 * when drawn, 1 when the pane stays blank or nothing is drawn within {@value #TIMEOUT_SECONDS} s. What the installer
 * test and the start-up benchmark run: the line names the milliseconds from the JVM's start to that frame (taken
 * at the next pulse, which begins once the frame is rendered; the snapshot and its check come after and are not
 * counted, their time is named too).
 */
final class SmokeCheck extends AnimationTimer {
    /** Fraction of the 3D pane's pixels that must differ from its background. */
    static final double MIN_DRAWN = 0.002;
    static final int TIMEOUT_SECONDS = 60;

    private final AppWindow window;
    private final long started = System.nanoTime();
    private boolean loaded;
    private boolean pulsed;

    private SmokeCheck(AppWindow window) {
        this.window = window;
    }

    /** Starts watching {@code window}'s pulses; the JVM exits when the check is done. FX thread. */
    static void watch(AppWindow window) {
        new SmokeCheck(window).start();
    }

    @Override
    public void handle(long now) {
        if ((now - started) / 1e9 > TIMEOUT_SECONDS) {
            finish(1, "no frame with the sample's trajectories within " + TIMEOUT_SECONDS + " s");
            return;
        }
        if (!pulsed) {
            pulsed = true;
            StartupTrace.mark("first pulse");
        }
        if (window.pca3dViewModel().vertexCount() == 0) {
            return;
        }
        if (!loaded) {
            StartupTrace.mark("trajectories in the 3D mesh");
            loaded = true; // the mesh is in the scene graph: the next pulse renders it
            return;
        }
        long shown = ManagementFactory.getRuntimeMXBean().getUptime(); // the frame with the mesh is on screen
        StartupTrace.mark("frame with the trajectories rendered");
        Pca3dView view = (Pca3dView) window.panes().pca3d().view();
        Node scene3d = view.sceneNode();
        WritableImage shot = scene3d.snapshot(null, null);
        double drawn = drawnFraction(shot);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (drawn < MIN_DRAWN) {
            finish(1, String.format(Locale.ROOT, "the 3D pane is blank after %d ms (%.4f of its pixels drawn)",
                    uptime, drawn));
        } else {
            finish(0, String.format(Locale.ROOT, "window ready after %d ms: the 3D pane draws %d vertices "
                    + "(%.1f%% of its %dx%d pixels; checked after %d ms)", shown,
                    window.pca3dViewModel().vertexCount(), 100 * drawn, (int) shot.getWidth(),
                    (int) shot.getHeight(), uptime));
        }
    }

    /** Fraction of the pixels of {@code image} whose colour differs from its top-left pixel's. */
    static double drawnFraction(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        if (w == 0 || h == 0) {
            return 0;
        }
        PixelReader r = image.getPixelReader();
        int background = r.getArgb(0, 0);
        long differ = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (r.getArgb(x, y) != background) {
                    differ++;
                }
            }
        }
        return differ / (double) ((long) w * h);
    }

    private void finish(int code, String message) {
        stop();
        StartupTrace.mark("smoke check done");
        StartupTrace.report().forEach(System.err::println);
        if (StartupTrace.on()) {
            WorkMeter.byKind().forEach((k, v) -> System.err.printf(Locale.ROOT, "startup: %6d ms  cpu of %s%n",
                    v / 1_000_000L, k));
        }
        (code == 0 ? System.out : System.err).println("smoke: " + message);
        System.out.flush();
        // no session is saved: the window closes without its autosave
        System.exit(code);
    }
}
