package org.attractorlab.app.panes.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.TrainingService.Phase;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.figure.HeatmapData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DecodingPaneUiTest {
    private static final double EXACT = 0.0;
    private Stage stage;
    private AppWindow window;

    static ExperimentConfig flipFlop() {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=150", "training.batch_size=16"));
    }

    static ExperimentConfig evidence() {
        return ConfigLoader.standard().parse(Samples.json("evidence-multitask"), List.of("training.steps=100"));
    }

    @Start
    void start(Stage s) {
        stage = s;
    }

    @AfterEach
    void close() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
        }
    }

    private void open(ExperimentConfig config) throws Exception {
        Path sessions = Files.createTempDirectory("attractor-lab-sessions");
        WaitForAsyncUtils.asyncFx(() -> {
            window = new AppWindow(config, false, sessions);
            stage.setScene(window.createScene(1600, 1000));
            stage.show();
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DecodingView view(FxRobot robot) {
        return robot.lookup("#decoding-view").queryAs(DecodingView.class);
    }

    /** Clicks Train and waits until training finished and the pane shows the last frame with {@code type}. */
    private AnalysisFrame trainAndAwaitMatrix(FxRobot robot, DecoderType type) throws Exception {
        robot.clickOn("#train");
        int steps = window.session().configProperty().get().training().steps();
        waitFor("training to finish", () -> window.session().phaseProperty().get() == Phase.FINISHED);
        waitFor("the frame of the last step", () -> window.analysis().frameProperty().get() != null
                && window.analysis().frameProperty().get().step() == steps);
        awaitMatrix(robot, type);
        return window.analysis().frameProperty().get();
    }

    /** Waits until the heatmap shows the hub's newest frame decoded with {@code type}. */
    private void awaitMatrix(FxRobot robot, DecoderType type) throws Exception {
        DecodingViewModel vm = window.decodingViewModel();
        Heatmap heatmap = view(robot).heatmap();
        waitFor(type.key() + " matrix of the newest frame; message: " + vm.messageProperty().get(), () -> {
            DecodingViewModel.Shown s = vm.shownProperty().get();
            return s != null && s.frame() == window.analysis().frameProperty().get() && s.options().type() == type
                    && heatmap.data() == s.heatmap();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertDrawn(HeatmapData drawn, CrossTemporalResult expected) {
        assertEquals(expected.size(), drawn.rows());
        assertEquals(expected.size(), drawn.columns());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Integer.toString(expected.steps()[i]), drawn.columnLabels().get(i));
            for (int j = 0; j < expected.size(); j++) {
                assertEquals(expected.score(i, j), drawn.value(i, j), EXACT, "cell (" + i + ", " + j + ")");
            }
        }
    }

    /** Pixels of the outline colour in the heatmap canvas: their count and mean x (canvas coordinates). */
    private static double[] outlinePixels(Heatmap heatmap) throws Exception {
        WritableImage[] image = new WritableImage[1];
        fx(() -> image[0] = heatmap.viewer().getCanvas().snapshot(null, null));
        PixelReader px = image[0].getPixelReader();
        Color target = Color.rgb(DecodingView.OUTLINE.getRed(), DecodingView.OUTLINE.getGreen(),
                DecodingView.OUTLINE.getBlue());
        double count = 0;
        double sumX = 0;
        for (int y = 0; y < (int) image[0].getHeight(); y++) {
            for (int x = 0; x < (int) image[0].getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (Math.abs(c.getRed() - target.getRed()) < 0.08 && Math.abs(c.getGreen() - target.getGreen()) < 0.08
                        && Math.abs(c.getBlue() - target.getBlue()) < 0.08) {
                    count++;
                    sumX += x;
                }
            }
        }
        return new double[]{count, count == 0 ? Double.NaN : sumX / count};
    }

    @Test
    void afterTrainingTheMatrixEqualsDecodingCrossTemporalAndChangingTheDecoderRecomputesIt(FxRobot robot)
            throws Exception {
        open(flipFlop());
        AnalysisFrame frame = trainAndAwaitMatrix(robot, DecoderType.LOGISTIC);
        assertEquals(150, frame.step(), "the last snapshot");
        DecodingView view = view(robot);
        DecodingOptions options = DecodingOptions.of("bit0", DecoderType.LOGISTIC).withStepStride(4).withFolds(5);
        assertEquals(options, window.decodingViewModel().shownProperty().get().options());
        assertDrawn(view.heatmap().data(), Decoding.crossTemporal(frame.states(), options));
        assertEquals("bit0: logistic accuracy", view.heatmap().chart().getTitle().getText());
        assertEquals(0.5, view.heatmap().data().scale().getLowerBound(), EXACT, "chance for two classes");
        Label info = robot.lookup("#decoding-info").queryAs(Label.class);
        assertTrue(info.getText().startsWith("Within-step accuracy: "), info.getText());
        assertFalse(robot.lookup("#decoding-message").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#decoding-ood").tryQuery().isEmpty(), "no OOD test for the flip-flop");

        robot.clickOn("#decoding-decoder");
        robot.clickOn("svm");
        awaitMatrix(robot, DecoderType.SVM);
        assertDrawn(view.heatmap().data(), Decoding.crossTemporal(frame.states(),
                DecodingOptions.of("bit0", DecoderType.SVM).withStepStride(4)));
        assertEquals("bit0: svm accuracy", view.heatmap().chart().getTitle().getText());

        robot.clickOn("#decoding-target");
        robot.clickOn("pulses");
        waitFor("the pulses message", () -> robot.lookup("#decoding-message").queryAs(Label.class).isVisible());
        String message = robot.lookup("#decoding-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("too few trials of a class for 5-fold decoding: pulses = "), message);
        assertNull(view.heatmap().data(), "no stale matrix under the message");
    }

    @Test
    void clickingACellSelectsItsTestStepAndThatColumnIsOutlined(FxRobot robot) throws Exception {
        open(flipFlop());
        trainAndAwaitMatrix(robot, DecoderType.LOGISTIC);
        Heatmap heatmap = view(robot).heatmap();
        assertEquals(0, outlinePixels(heatmap)[0], EXACT, "no outline before a step is selected");

        assertNotNull(heatmap.cellCentreOnScreen(3, 17));
        robot.moveTo(heatmap.cellCentreOnScreen(3, 17));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D cell = heatmap.cellCentreOnScreen(3, 17);
        Label info = robot.lookup("#decoding-info").queryAs(Label.class);
        assertEquals("trained at step 12  \u00d7  tested at step 68:  " + String.format(Locale.ROOT, "%.2f",
                heatmap.data().value(3, 17)), info.getText(), "hovering shows the cell");
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(68, window.selection().timeStepProperty().get(), "column 17 tests at step 17 x 4");
        assertEquals(17, window.decodingViewModel().highlightedColumnProperty().get());

        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        double[] outline = outlinePixels(heatmap);
        Point2D local = heatmap.viewer().getCanvas().screenToLocal(cell);
        Point2D next = heatmap.viewer().getCanvas().screenToLocal(heatmap.cellCentreOnScreen(3, 18));
        double cellWidth = next.getX() - local.getX();
        assertTrue(outline[0] > 50, "the outline is drawn: " + outline[0] + " pixels");
        assertEquals(local.getX(), outline[1], cellWidth / 2, "the outline surrounds the clicked column");

        fx(() -> window.selection().timeStepProperty().set(-1));
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(0, outlinePixels(heatmap)[0], EXACT, "the outline goes with the selection");
    }

    @Test
    void theEvidenceTaskShowsTheOodQuadrantTestBesideTheMatrix(FxRobot robot) throws Exception {
        open(evidence());
        AnalysisFrame frame = trainAndAwaitMatrix(robot, DecoderType.LOGISTIC);
        DecodingViewModel vm = window.decodingViewModel();
        waitFor("the OOD test of the newest frame", () -> vm.oodShownProperty().get() != null
                && vm.oodShownProperty().get().frame() == window.analysis().frameProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Node ood = robot.lookup("#decoding-ood").query();
        assertTrue(ood.isVisible() && ood.getScene() != null, "the OOD panel is in the pane");
        OodQuadrantResult expected = OodQuadrant.compute(frame.states(), OodQuadrantOptions.DEFAULTS);
        Label summary = robot.lookup("#decoding-ood-summary").queryAs(Label.class);
        assertEquals(String.format(Locale.ROOT, "OOD r\u00b2 %.2f vs in-distribution %.2f (last step)",
                expected.meanOod(), expected.meanInDistribution()), summary.getText());
        var plot = view(robot).oodChart().getCategoryPlot();
        var data = plot.getDataset();
        assertEquals(8, data.getColumnCount());
        double[] ood2 = new double[8];
        double[] in2 = new double[8];
        double[] expectedOod = new double[8];
        double[] expectedIn = new double[8];
        for (int d = 0; d < 2; d++) {
            for (int q = 0; q < 4; q++) {
                String key = DecodingViewModel.category("x" + d, org.attractorlab.core.study.OodStudy.quadrantLabel(q, 2));
                ood2[d * 4 + q] = data.getValue(DecodingViewModel.OOD_SERIES, key).doubleValue();
                in2[d * 4 + q] = data.getValue(DecodingViewModel.IN_SERIES, key).doubleValue();
                expectedOod[d * 4 + q] = expected.ood(q, d);
                expectedIn[d * 4 + q] = expected.inDistribution(q, d);
            }
        }
        assertArrayEquals(expectedOod, ood2, EXACT);
        assertArrayEquals(expectedIn, in2, EXACT);
        assertEquals(0.25, view(robot).heatmap().data().scale().getLowerBound(), EXACT, "four quadrants");
    }

    @Test
    void theViewAndItsViewModelCanBeCollectedAfterDispose(FxRobot robot) throws Exception {
        open(flipFlop());
        trainAndAwaitMatrix(robot, DecoderType.LOGISTIC);
        WeakReference<?>[] refs = new WeakReference<?>[2];
        Stage[] second = new Stage[1];
        fx(() -> {
            DecodingViewModel vm = new DecodingViewModel(window.analysis().frameProperty(), window.selection(),
                    window.drain(), window.workers());
            DecodingView view = new DecodingView(vm, true);
            second[0] = new Stage();
            second[0].setScene(new Scene(view, 400, 500));
            second[0].show();
            refs[0] = new WeakReference<>(vm);
            refs[1] = new WeakReference<>(view);
        });
        waitFor("the second view's matrix", () -> ((DecodingViewModel) refs[0].get()).shownProperty().get() != null);
        fx(() -> window.selection().timeStepProperty().set(20));
        fx(() -> {
            DecodingView view = (DecodingView) second[0].getScene().getRoot();
            second[0].getScene().setRoot(new javafx.scene.layout.Pane());
            second[0].close();
            view.dispose();
            ((DecodingViewModel) refs[0].get()).dispose();
        });
        second[0] = null;
        for (int i = 0; i < 50 && (refs[0].get() != null || refs[1].get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertNull(refs[0].get(), "the view model is still reachable after dispose");
        assertNull(refs[1].get(), "the view is still reachable after dispose");
        assertNotNull(window.analysis().frameProperty().get());
        assertEquals(20, window.selection().timeStepProperty().get());
    }
}
