package org.attractorlab.app.panes.pca3d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.TriangleMesh;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class Pca3dViewUiTest {
    private static final Color BACKGROUND = Color.WHITE;
    private AppWindow window;
    private Pca3dView view;
    private Pca3dViewModel vm;

    @Start
    void start(Stage stage) {
        // long enough that training still runs while the test counts frames (the live refresh is budgeted, so a
        // short run can end before a few more meshes arrive); the test that trains stops it itself
        window = new AppWindow(Frames.smallFlipFlop(1_000_000), false);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
        view = (Pca3dView) stage.getScene().getRoot().lookup("#pca3d-view");
        vm = view.viewModel();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private SelectionModel selection() {
        return window.selection();
    }

    private TrajectoryScene firstScene() throws Exception {
        FxWait.until("the first trajectories", () -> vm.sceneProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return vm.sceneProperty().get();
    }

    private Image render() throws Exception {
        return Pixels.snapshot(view.sceneNode());
    }

    /** Distance in pixels from a screen point to the drawn centre line of a trial. */
    private double distanceToTrial(int trial, Point2D p) throws Exception {
        int steps = vm.sceneProperty().get().steps();
        Point2D[] line = new Point2D[steps];
        for (int t = 0; t < steps; t++) {
            int step = t;
            line[t] = fx(() -> view.screenPointOf(trial, step));
        }
        return distance(line, p);
    }

    /** Distance from a point to a polyline. */
    private static double distance(Point2D[] line, Point2D p) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < line.length; i++) {
            Point2D d = line[i].subtract(line[i - 1]);
            double len2 = d.dotProduct(d);
            double u = len2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(line[i - 1]).dotProduct(d) / len2));
            best = Math.min(best, p.distance(line[i - 1].add(d.multiply(u))));
        }
        return best;
    }

    @Test
    void thePaneDrawsEveryTrialAsTubesInAtLeastTwoConditionColours() throws Exception {
        TrajectoryScene s = firstScene();
        assertEquals(128, s.shown().length, "every probe trial");
        assertEquals(s.mesh().vertexCount() * 3,
                ((TriangleMesh) view.rig().trajectories().getMesh()).getPoints().size(), "one mesh holds them all");
        assertEquals("bit0", selection().colorByProperty().get(), "coloured by the first condition by default");
        Image img = render();
        int drawn = Pixels.differentFrom(img, BACKGROUND, 0.06);
        assertTrue(drawn > 3000, "only " + drawn + " pixels differ from the background");
        assertTrue(Pixels.distinctHues(img, 40) >= 2, "trajectory colours: " + java.util.Arrays.toString(Pixels.hues(img)));
        Label pc1 = (Label) view.lookup("#pca3d-axis-1");
        assertTrue(pc1.getText().matches("PC1 +\\d+%"), pc1.getText());
    }

    @Test
    void theThemeSwitchRepaintsTheSceneOnTheOtherBackgroundWithTheTrajectoriesStillDrawn() throws Exception {
        firstScene();
        java.awt.Color d = org.attractorlab.figure.ChartStyle.background(true);
        Color darkBackground = Color.rgb(d.getRed(), d.getGreen(), d.getBlue());
        fx(() -> window.setDark(true));
        Image dark = render();
        int pixels = (int) (dark.getWidth() * dark.getHeight());
        int notDark = Pixels.differentFrom(dark, darkBackground, 0.06);
        assertTrue(notDark < pixels / 2, "most of the dark scene is its background: " + notDark + " of " + pixels
                + " pixels differ from it");
        assertTrue(notDark > 3000, "the trajectories are drawn on the dark background too: " + notDark + " pixels");
        assertTrue(Pixels.distinctHues(dark, 40) >= 2, "condition colours on dark: "
                + java.util.Arrays.toString(Pixels.hues(dark)));
        fx(() -> window.setDark(false));
        Image light = render();
        assertTrue(Pixels.differentFrom(light, BACKGROUND, 0.06) < pixels / 2, "back on the light background");
    }

    @Test
    void trainingThroughTheTrainButtonReshapesTheTrajectoriesWhileTheFxThreadStaysResponsive(FxRobot robot)
            throws Exception {
        TrajectoryScene first = firstScene();
        float[] before = fx(() -> ((TriangleMesh) view.rig().trajectories().getMesh()).getPoints().toArray(null));
        AtomicLong worst = new AtomicLong();
        Thread pinger = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> worst.accumulateAndGet(System.nanoTime() - posted, Math::max));
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        java.util.concurrent.atomic.AtomicInteger meshes = new java.util.concurrent.atomic.AtomicInteger();
        javafx.beans.value.ChangeListener<TrajectoryScene> count = (o, a, b) -> meshes.incrementAndGet();
        fx(() -> vm.sceneProperty().addListener(count));
        robot.clickOn("#train");
        // the first meshes also warm up (compile) JavaFX's geometry code: measure afterwards
        FxWait.until("a frame of a trained step", () -> vm.step() >= 100);
        worst.set(0);
        meshes.set(0);
        fx(view::longestShowMillis);
        pinger.start();
        try {
            FxWait.until("a few more frames", () -> meshes.get() >= 4);
        } finally {
            pinger.interrupt();
            fx(() -> vm.sceneProperty().removeListener(count));
        }
        robot.clickOn("#stop");
        assertEquals(0, first.step());
        // a frame in flight when Stop was clicked may still land: the newest mesh is shown within a few frames
        FxWait.until("the mesh shown to be the newest one", () -> fx(() ->
                ((TriangleMesh) view.rig().trajectories().getMesh()).getPoints().size() == 3 * vm.vertexCount()));
        float[] after = fx(() -> ((TriangleMesh) view.rig().trajectories().getMesh()).getPoints().toArray(null));
        assertFalse(java.util.Arrays.equals(before, after), "the mesh follows training");
        Label caption = robot.lookup("#pca3d-caption").queryAs(Label.class);
        // read together on the FX thread: the last frame in flight may land between two reads from here
        FxWait.until("the caption naming the step shown", () -> fx(() -> caption.getText().startsWith("step "
                + vm.step())));
        // the FX thread only swaps meshes built elsewhere; the meshes stay small enough for the render thread
        double show = fx(view::longestShowMillis);
        assertTrue(show < 25, "showing a mesh took " + show + " ms of processor time");
        assertTrue(vm.vertexCount() <= 128 * 3 * 2 * TrajectoryScene.MAX_POINTS, vm.vertexCount() + " vertices");
        System.out.printf("pca3d: %d meshes while training, at most %.1f ms each on the FX thread, longest FX event"
                + " wait %.0f ms (machine load %.1f)%n", meshes.get(), show, worst.get() / 1e6,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Test
    void clickingATrajectorySelectsItsTrialEverywhere(FxRobot robot) throws Exception {
        firstScene();
        Point2D p = fx(() -> view.screenPointOf(10, 60));
        robot.clickOn(p);
        FxWait.until("a selected trial", () -> selection().trialsProperty().get().size() == 1);
        int chosen = selection().trialsProperty().get().iterator().next();
        assertTrue(distanceToTrial(chosen, p) < 6, "trial " + chosen + " does not pass the clicked point");
        FxWait.until("the selection drawn", () -> {
            TrajectoryScene s = vm.sceneProperty().get();
            return s.indexOf(chosen) >= 0 && s.emphasised()[s.indexOf(chosen)];
        });

        // a click on empty space clears the selection
        Point2D corner = fx(() -> view.sceneNode().localToScreen(view.sceneNode().getBoundsInLocal().getMaxX() - 20,
                view.sceneNode().getBoundsInLocal().getMaxY() - 20));
        robot.clickOn(corner);
        FxWait.until("no selection", () -> selection().trialsProperty().get().isEmpty());
    }

    @Test
    void aSelectionMadeElsewhereEmphasisesItsTrialAndDimsTheOthers() throws Exception {
        firstScene();
        Image before = render();
        fx(() -> selection().selectTrials(Set.of(7)));
        FxWait.until("the selection drawn", () -> vm.sceneProperty().get().emphasised()[7]);
        Image after = render();
        int colouredBefore = Pixels.coloured(before);
        int colouredAfter = Pixels.coloured(after);
        assertTrue(colouredAfter < 0.6 * colouredBefore, "others dimmed: " + colouredBefore + " -> " + colouredAfter);
        assertTrue(colouredAfter > 40, "the selected trial stays in colour: " + colouredAfter);
        // the coloured pixels that remain lie on the selected trial
        Point2D[] line = new Point2D[100];
        for (int t = 0; t < line.length; t++) {
            int step = t;
            line[t] = fx(() -> view.sceneNode().screenToLocal(view.screenPointOf(7, step)));
        }
        int near = 0;
        for (int y = 0; y < (int) after.getHeight(); y++) {
            for (int x = 0; x < (int) after.getWidth(); x++) {
                Color c = after.getPixelReader().getColor(x, y);
                if (c.getSaturation() > Pixels.COLOURED && c.getBrightness() > 0.2
                        && distance(line, new Point2D(x + 0.5, y + 0.5)) < 5) {
                    near++;
                }
            }
        }
        assertTrue(near > 0.8 * colouredAfter, near + " of " + colouredAfter + " coloured pixels lie on trial 7");
        fx(() -> vm.selectedOnlyProperty().set(true));
        FxWait.until("only the selection", () -> vm.sceneProperty().get().shown().length == 1);
        assertArrayEquals(new int[]{7}, vm.sceneProperty().get().shown());
    }

    @Test
    void choosingAnotherConditionInTheComboBoxRecoloursTheTrajectoriesAndTheLegend(FxRobot robot) throws Exception {
        firstScene();
        Image before = render();
        robot.clickOn("#pca3d-color-by");
        robot.clickOn("pulses");
        FxWait.until("the new colouring", () -> "pulses".equals(vm.sceneProperty().get().coloring().column()));
        assertEquals("pulses", selection().colorByProperty().get(), "every pane colours by it");
        Image after = render();
        double shift = Pixels.hueShift(before, after);
        assertTrue(shift > 0.3, "hues hardly changed: " + shift + " " + java.util.Arrays.toString(Pixels.hues(after)));
        assertFalse(vm.sceneProperty().get().coloring().categories(), "many values: a colormap");
        assertTrue(robot.lookup("#pca3d-legend .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("pulses")), "the legend names the condition");
    }

    @Test
    void theTimeSliderMovesAMarkerAlongEveryTrajectory(FxRobot robot) throws Exception {
        firstScene();
        Image before = render();
        robot.clickOn("#pca3d-time");
        FxWait.until("a time step", () -> selection().timeStepProperty().get() >= 0);
        int t = selection().timeStepProperty().get();
        assertTrue(t > 30 && t < 70, "the middle of the slider is the middle of the trial: " + t);
        assertEquals(128 * MeshData.MARKER_FACES * 9, markerMesh().getFaces().size(), "one marker per trial");
        Image marked = render();
        assertTrue(Pixels.changed(before, marked, 0.1) > 300, "markers drawn");
        float[] at = markerMesh().getPoints().toArray(null);
        fx(() -> selection().timeStepProperty().set(90));
        assertFalse(java.util.Arrays.equals(at, markerMesh().getPoints().toArray(null)), "markers moved");
        assertEquals("t = 90", robot.lookup("#pca3d-time-label").queryAs(Label.class).getText());
        robot.clickOn("#pca3d-hide-marker");
        assertEquals(-1, selection().timeStepProperty().get());
        assertEquals(0, markerMesh().getFaces().size());
    }

    private TriangleMesh markerMesh() throws Exception {
        return fx(() -> (TriangleMesh) view.rig().markers().getMesh());
    }

    @Test
    void hoveringATrajectoryNamesItsTrialAndConditions(FxRobot robot) throws Exception {
        firstScene();
        Point2D p = fx(() -> view.screenPointOf(20, 70));
        robot.moveTo(p);
        FxWait.until("a hovered trial", () -> selection().hoveredTrialProperty().get() >= 0);
        Label hover = robot.lookup("#pca3d-hover").queryAs(Label.class);
        int trial = selection().hoveredTrialProperty().get();
        assertTrue(hover.isVisible());
        assertEquals(vm.describe(trial), hover.getText());
        assertTrue(hover.getText().startsWith("trial " + trial + ":") && hover.getText().contains("bit0 = "),
                hover.getText());
    }

    @Test
    void aPointerBesideAThinTrajectoryStillFindsItsTrial(FxRobot robot) throws Exception {
        firstScene();
        fx(() -> {
            selection().selectTrials(Set.of(33));
            vm.selectedOnlyProperty().set(true);
        });
        FxWait.until("only trial 33", () -> vm.sceneProperty().get().shown().length == 1);
        // 4 pixels beside the middle of the trajectory, across its direction: off the tube, near its centre line
        Point2D a = fx(() -> view.screenPointOf(33, 49));
        Point2D b = fx(() -> view.screenPointOf(33, 51));
        Point2D d = b.subtract(a);
        Point2D across = d.magnitude() < 1e-6 ? new Point2D(0, 1) : new Point2D(-d.getY(), d.getX()).normalize();
        Point2D beside = fx(() -> view.screenPointOf(33, 50)).add(across.multiply(4));
        robot.moveTo(beside);
        FxWait.until("the hovered trial", () -> selection().hoveredTrialProperty().get() == 33);
        int found = fx(() -> view.rig().nearest(vm.sceneProperty().get().path(), beside.getX(), beside.getY(), 6));
        assertTrue(Math.abs(found - 50) <= 2, "nearest point " + found);
    }

    @Test
    void theFastProjectionForPickingAgreesWithJavaFx(FxRobot robot) throws Exception {
        TrajectoryScene s = firstScene();
        Point2D centre = fx(() -> view.sceneNode().localToScreen(view.sceneNode().getBoundsInLocal().getCenterX(),
                view.sceneNode().getBoundsInLocal().getCenterY()));
        robot.drag(centre, javafx.scene.input.MouseButton.SECONDARY).moveBy(30, 20)
                .release(javafx.scene.input.MouseButton.SECONDARY);
        robot.drag(centre).moveBy(-40, 25).release(javafx.scene.input.MouseButton.PRIMARY);
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double[] fast = fx(() -> view.rig().project(s.path()));
        for (int i = 0; i < s.path().length / 3; i += 97) {
            int p = i;
            Point2D slow = fx(() -> view.sceneNode().screenToLocal(
                    view.rig().toScreen(s.path()[3 * p], s.path()[3 * p + 1], s.path()[3 * p + 2])));
            assertEquals(slow.getX(), fast[2 * i], 0.5, "x of point " + i);
            assertEquals(slow.getY(), fast[2 * i + 1], 0.5, "y of point " + i);
        }
    }

    @Test
    void dragOrbitsAndResetViewReturnsToTheStartingAngle(FxRobot robot) throws Exception {
        firstScene();
        Image before = render();
        Point2D centre = fx(() -> view.sceneNode().localToScreen(view.sceneNode().getBoundsInLocal().getCenterX(),
                view.sceneNode().getBoundsInLocal().getCenterY()));
        robot.drag(centre).moveBy(100, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Math.abs(view.rig().yaw() - SceneRig.YAW) > 20, "yaw " + view.rig().yaw());
        assertTrue(Pixels.changed(before, render(), 0.1) > 1000, "the picture turned");
        robot.clickOn("#pca3d-reset-view");
        assertEquals(SceneRig.YAW, view.rig().yaw(), 1e-9);
        assertTrue(Pixels.changed(before, render(), 0.1) < 50, "back to the starting picture");
    }

    @Test
    void fixedPointsAreMarkedByStabilityAndClickingOneSelectsIt(FxRobot robot) throws Exception {
        TrajectoryScene s = firstScene();
        float[] min = s.normalization().min();
        float[] max = s.normalization().max();
        float span = max[0] - min[0];
        float y = (min[1] + max[1]) / 2;
        float z = (min[2] + max[2]) / 2;
        // both points lie outside the range of the trajectories: the view widens to hold them
        float[][] points = {{max[0] + 0.25f * span, y, z}, {min[0] - 0.25f * span, y, z}};
        float[][][] modes = {{{min[0] - 0.25f * span, y - 0.2f * span, z}, {min[0] - 0.25f * span, y + 0.2f * span, z}}};
        fx(() -> vm.setFixedPoints(points, new boolean[]{true, false}, modes));
        FxWait.until("the view rebuilt around the fixed points", () -> vm.sceneProperty().get().fixedPoints() == points);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.sceneProperty().get().normalization().max()[0] >= points[0][0], "the view holds the points");
        assertEquals(2, view.rig().fixedPoints().getChildren().size(), "one mesh per kind");
        assertEquals(MeshData.tubeFaces(2) * 9, ((TriangleMesh) view.rig().modes().getMesh()).getFaces().size());

        Image img = render();
        Point2D stable = fx(() -> view.sceneNode().screenToLocal(fixedPointOnScreen(0)));
        Point2D unstable = fx(() -> view.sceneNode().screenToLocal(fixedPointOnScreen(1)));
        for (Point2D p : new Point2D[]{stable, unstable}) {
            assertTrue(p.getX() > 8 && p.getY() > 8 && p.getX() < img.getWidth() - 8 && p.getY() < img.getHeight() - 8,
                    "a fixed point at " + p + " is outside the " + img.getWidth() + "x" + img.getHeight() + " view");
        }
        assertTrue(countNear(img, stable, c -> c.getBrightness() < 0.35) > 10, "a dark stable point");
        assertTrue(countNear(img, unstable, c -> c.getSaturation() > 0.5 && (c.getHue() < 20 || c.getHue() > 340))
                > 10, "a red unstable point");

        robot.clickOn(fx(() -> fixedPointOnScreen(0)));
        FxWait.until("the fixed point selected", () -> selection().fixedPointProperty().get() == 0);
        assertEquals(3, view.rig().fixedPoints().getChildren().size(), "the selected fixed point is outlined");
        fx(() -> vm.setFixedPoints(null, null, null));
        assertEquals(0, view.rig().fixedPoints().getChildren().size());
    }

    private Point2D fixedPointOnScreen(int i) {
        float[] p = vm.fixedPointsProperty().get().positions();
        return view.rig().toScreen(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
    }

    private static int countNear(Image img, Point2D at, java.util.function.Predicate<Color> test) {
        int n = 0;
        for (int dy = -8; dy <= 8; dy++) {
            for (int dx = -8; dx <= 8; dx++) {
                int x = (int) at.getX() + dx;
                int y = (int) at.getY() + dy;
                if (x >= 0 && y >= 0 && x < img.getWidth() && y < img.getHeight()
                        && test.test(img.getPixelReader().getColor(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aPreparedFrameBringsItsMeshBeforeTheFrameArrivesAndTheFrameThenAsksForNoSecondBuild() throws Exception {
        AnalysisFrame frame = Frames.untrained();
        javafx.beans.property.SimpleObjectProperty<AnalysisFrame> frames =
                new javafx.beans.property.SimpleObjectProperty<>();
        java.util.concurrent.atomic.AtomicInteger builds = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor background = r -> {
            builds.incrementAndGet();
            r.run();
        };
        java.util.List<Runnable> onFx = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        SelectionModel shared = selection();
        Pca3dViewModel m = fx(() -> new Pca3dViewModel(frames, shared, background, onFx::add));
        m.prepare(frame); // off the FX thread, as the live analysis calls it
        assertEquals(1, builds.get());
        fx(() -> java.util.List.copyOf(onFx).forEach(Runnable::run));
        assertTrue(fx(m::vertexCount) > 0, "the mesh is shown before the frame reaches the view model");
        fx(() -> frames.set(frame));
        assertEquals(1, builds.get(), "the frame, with the settings the mesh was built with, builds nothing more");
        assertEquals(frame.states().conditions().names().get(0), fx(() -> m.colorByProperty().get()));
        fx(() -> m.limitProperty().set(16));
        assertEquals(2, builds.get(), "a changed setting builds again");
        fx(m::dispose);
    }

    @Test
    void aDisposedViewAndItsViewModelCanBeCollected(FxRobot robot) throws Exception {
        AnalysisFrame frame = Frames.untrained();
        javafx.beans.property.SimpleObjectProperty<AnalysisFrame> frames =
                new javafx.beans.property.SimpleObjectProperty<>(frame);
        SelectionModel shared = selection();
        WeakReference<?>[] refs = fx(() -> {
            Pca3dViewModel m = new Pca3dViewModel(frames, shared, null, Platform::runLater);
            Pca3dView v = new Pca3dView(m, false);
            window.main().place("pca3d", v);
            return new WeakReference<?>[]{new WeakReference<>(v), new WeakReference<>(m)};
        });
        FxWait.until("the second view drawn", () -> ((Pca3dView) refs[0].get()).viewModel().sceneProperty().get() != null);
        fx(() -> {
            shared.selectTrials(Set.of(3));
            shared.timeStepProperty().set(20);
        });
        fx(() -> {
            Pca3dView v = (Pca3dView) refs[0].get();
            window.main().place("pca3d", new Label("gone"));
            v.dispose();
            v.viewModel().dispose();
        });
        fx(() -> shared.selectTrials(Set.of(4)));
        FxWait.collected(refs[0], refs[1]);
        assertNull(refs[0].get(), "the view is still referenced");
        assertNull(refs[1].get(), "the view model is still referenced");
        assertNotNull(frames.get());
    }
}
