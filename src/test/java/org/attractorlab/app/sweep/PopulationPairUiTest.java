package org.attractorlab.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepSpec;
import org.attractorlab.figure.HeatmapData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Population tab's clicked pair, side by side in 3D, and its out-of-distribution field. */
@ExtendWith(ApplicationExtension.class)
class PopulationPairUiTest {
    @TempDir
    Path tmp;
    private AppWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new AppWindow(Samples.load(Samples.NAMES.get(0)), false, Files.createTempDirectory("pair-sessions"));
        stage.setScene(window.createScene(1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    /** 2 sizes x 2 seeds of barely trained flip-flop networks, in the Population tab. */
    private SweepWindow populationOfFour(FxRobot robot) throws Exception {
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 12]}, "
                + "\"seeds\": [1, 2], \"set\": {\"training.steps\": 5, \"training.batch_size\": 8, "
                + "\"training.checkpoint_every\": 0, \"task.trial_steps\": 40}}", null);
        SweepDirectory sweep = SweepDirectory.prepare(tmp.resolve("pop"), SweepPlan.of(spec));
        assertEquals(4, LocalSweep.run(sweep, 1, p -> { }, new AtomicBoolean()).progress().done());
        FxWait.fx(() -> {
            window.openSweep(sweep.dir());
            return null;
        });
        FxWait.until("the sweep window", () -> FxWait.fx(() -> window.sweeps().windows().size() == 1));
        SweepWindow w = FxWait.fx(() -> window.sweeps().windows().get(0));
        FxWait.until("the four runs", () -> FxWait.fx(() -> w.view().table().getItems().size() == 4));
        robot.interact(() -> {
            w.stage().toFront();
            ((javafx.scene.control.TabPane) robot.lookup("#sweep-tabs").query()).getSelectionModel().select(1);
        });
        return w;
    }

    /** Sets the text of the field {@code id} and checks that it reaches the view model's property. */
    private static javafx.scene.control.TextField typeInto(FxRobot robot, String id, String text,
                                                           javafx.beans.property.StringProperty property)
            throws Exception {
        javafx.scene.control.TextField field = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(text));
        assertEquals(text, FxWait.fx(property::get), "the field is the view model's");
        return field;
    }

    private static void computeAndWait(FxRobot robot, PopulationViewModel pop, DegeneracyStudy.Measure m)
            throws Exception {
        robot.interact(pop::compute);
        FxWait.until(m.key(), () -> FxWait.fx(() -> !pop.busyProperty().get() && pop.computedProperty().get() != null
                && pop.computedProperty().get().measure() == m));
    }

    @Test
    void theOodFieldNamesABadKeyAGoodOneGivesItsMatrixAndAClickedCellOpensItsRunsSideBySideIn3d(FxRobot robot)
            throws Exception {
        List<WeakReference<?>> refs = clickACellAndClose(robot);
        FxWait.collected(refs.toArray(WeakReference[]::new));
        assertNull(refs.get(0).get(), "the pair's view model is still reachable after its window closed");
        assertNull(refs.get(1).get(), "the side-by-side view is still reachable after its window closed");
        assertNull(refs.get(2).get(), "a 3D view of the pair is still reachable after its window closed");
    }

    @Test
    void theFittedBelowFieldComparesOnlyTheRunsBelowItsLossAndNamesABadValue(FxRobot robot) throws Exception {
        SweepWindow w = populationOfFour(robot);
        PopulationViewModel pop = w.viewModel().population();
        javafx.scene.control.TextField field = typeInto(robot, "#population-max-val-loss", "abc",
                pop.maxValLossProperty());
        robot.interact(pop::compute);
        String message = FxWait.fx(() -> pop.messageProperty().get());
        assertTrue(message.contains("degeneracy.max_val_loss = 'abc' is not a number"), message);
        assertNull(FxWait.fx(() -> pop.computedProperty().get()), "nothing computed");

        // a bound between the two lowest and the two highest validation losses
        SweepDirectory sweep = SweepDirectory.open(tmp.resolve("pop"));
        List<Double> losses = sweep.plan().points().stream()
                .map(p -> sweep.record(p).summary().get("validation_loss")).sorted().toList();
        assertTrue(losses.get(1) < losses.get(2), "four distinct losses: " + losses);
        double bound = (losses.get(1) + losses.get(2)) / 2;
        robot.interact(() -> field.setText(Double.toString(bound)));
        computeAndWait(robot, pop, DegeneracyStudy.Measure.REPRESENTATION_CKA);
        PopulationViewModel.Computed c = FxWait.fx(() -> pop.computedProperty().get());
        assertEquals(2, c.members().size(), "the two runs below the bound");
        assertEquals(2, c.leftOut().size());
        assertTrue(c.leftOut().stream().allMatch(org.attractorlab.core.sweep.SweepNetworks.LeftOut::unfitted));
        assertEquals(2, (int) FxWait.fx(() -> w.view().populationPane().matrix().data().rows()));
        message = FxWait.fx(() -> pop.messageProperty().get());
        assertTrue(message.endsWith("; left out 2 runs that did not fit"), message);
    }

    /**
     * Checks the OOD field and the pair of a clicked cell, closes the window and returns weak references to the
     * pair's parts. The field is set and Compute pressed through the nodes' properties, not the pointer: a pointer
     * resting on a control with a tooltip makes JavaFX's shared tooltip behaviour hold that control until another
     * tooltip is hovered, which would keep the closed window reachable and hide what the collection checks.
     */
    private List<WeakReference<?>> clickACellAndClose(FxRobot robot) throws Exception {
        SweepWindow w = populationOfFour(robot);
        PopulationViewModel pop = w.viewModel().population();
        // the OOD field: a malformed entry, a key the task does not have, then a good one and its matrix
        robot.interact(() -> pop.levelProperty().set(DegeneracyStudy.Measure.BEHAVIOUR_OOD.key()));
        robot.interact(pop::compute);
        assertTrue(FxWait.fx(() -> pop.messageProperty().get()).contains("type task overrides in the OOD field"),
                FxWait.fx(() -> pop.messageProperty().get()));

        javafx.scene.control.TextField field = typeInto(robot, "#population-ood", "trial_steps=80",
                pop.oodProperty());
        robot.interact(pop::compute);
        String message = FxWait.fx(() -> pop.messageProperty().get());
        assertTrue(message.contains("degeneracy.ood") && message.contains("trial_steps=80"), message);

        robot.interact(() -> field.setText("task.trial_stepz=80"));
        robot.interact(pop::compute);
        FxWait.until("the refusal", () -> FxWait.fx(() -> !pop.busyProperty().get()
                && pop.messageProperty().get().contains("task.trial_stepz")));
        assertNull(FxWait.fx(() -> pop.computedProperty().get()), "nothing computed");

        robot.interact(() -> field.setText("task.trial_steps=80"));
        computeAndWait(robot, pop, DegeneracyStudy.Measure.BEHAVIOUR_OOD);
        DegeneracyStudy.Result oodResult = FxWait.fx(() -> pop.computedProperty().get().result());
        assertEquals(List.of("task.trial_steps=80"), oodResult.settings().oodOverrides());
        HeatmapData shown = FxWait.fx(() -> w.view().populationPane().matrix().data());
        DegeneracyStudy.MeasureResult ood = oodResult.measure(DegeneracyStudy.Measure.BEHAVIOUR_OOD);
        assertEquals(4, shown.rows());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(ood.distance(i, j), shown.value(i, j), 0, "cell " + i + ", " + j);
            }
        }
        assertTrue(shown.value(0, 1) > 0, "two seeds behave differently on longer trials");
        assertTrue(ood.distance(0, 1) != oodResult.measure(DegeneracyStudy.Measure.BEHAVIOUR).distance(0, 1),
                "another batch than the probe's");

        // the representation level, and a clicked cell's two runs side by side
        robot.interact(() -> pop.levelProperty().set("representation"));
        AlignedPairView view = FxWait.fx(() -> w.view().populationPane().pairView());
        assertEquals(0, (int) FxWait.fx(() -> view.left().faceCount() + view.right().faceCount()),
                "nothing before a click");
        computeAndWait(robot, pop, DegeneracyStudy.Measure.REPRESENTATION_CKA);
        FxWait.pulses(3);
        javafx.geometry.Point2D cell = FxWait.fx(() -> w.view().populationPane().matrix().cellCentreOnScreen(0, 3));
        robot.clickOn(cell);
        AlignedPairViewModel pair = pop.pair();
        FxWait.until("the aligned pair", () -> FxWait.fx(() -> pair.shownProperty().get() != null
                && !pair.busyProperty().get()));
        FxWait.until("the pair's window", () -> FxWait.fx(() -> w.view().populationPane().pairWindow().isShowing()));
        FxWait.pulses(3);
        List<String> names = FxWait.fx(() -> pop.computedProperty().get().result().names());
        assertTrue(FxWait.fx(() -> view.left().faceCount()) > 0, "run A's scene has its tubes");
        assertTrue(FxWait.fx(() -> view.right().faceCount()) > 0, "run B's scene has its tubes");
        assertTrue(FxWait.fx(() -> view.left().subScene().getWidth() > 50 && view.right().subScene().getHeight() > 50),
                "both scenes are on screen");
        java.awt.Color bg = org.attractorlab.figure.ChartStyle.background(false);
        javafx.scene.paint.Color background = javafx.scene.paint.Color.rgb(bg.getRed(), bg.getGreen(), bg.getBlue());
        for (org.attractorlab.app.panes.pca3d.TrajectoryView3d side : List.of(view.left(), view.right())) {
            javafx.scene.image.Image shot = org.attractorlab.app.panes.pca3d.Pixels.snapshot(side.subScene());
            int drawn = org.attractorlab.app.panes.pca3d.Pixels.differentFrom(shot, background, 0.06);
            assertTrue(drawn > 2000, side.getId() + ": the trajectories are drawn, " + drawn + " pixels");
            assertTrue(org.attractorlab.app.panes.pca3d.Pixels.distinctHues(shot, 40) >= 2,
                    side.getId() + ": in the conditions' colours");
        }
        assertEquals(names.get(0) + " (its PCs)", FxWait.fx(() -> view.left().title()));
        assertEquals(names.get(3) + " aligned to " + names.get(0), FxWait.fx(() -> view.right().title()));
        double d = FxWait.fx(() -> pop.computedProperty().get().result()
                .measure(DegeneracyStudy.Measure.REPRESENTATION_CKA).distance(0, 3));
        String caption = FxWait.fx(() -> robot.lookup("#aligned-pair-caption").queryLabeled().getText());
        assertTrue(caption.startsWith(String.format(java.util.Locale.ROOT, "representation_cka %.4g \u00b7 residual ",
                d)) && caption.contains("after alignment in 8 PC dimensions"), caption);
        assertTrue(FxWait.fx(() -> w.exports().panes().contains(SweepWindow.PAIR)), "the pair exports as a figure");
        assertTrue(robot.lookup("#export-" + SweepWindow.PAIR).tryQuery().isPresent());
        // one camera: turning the left view turns the right one
        double before = FxWait.fx(() -> view.right().camera().yaw());
        robot.drag(FxWait.fx(() -> view.left().subScene().localToScreen(60, 60))).moveBy(80, 0).release(
                javafx.scene.input.MouseButton.PRIMARY);
        FxWait.until("the linked camera", () -> FxWait.fx(() -> view.right().camera().yaw() != before));
        assertEquals(FxWait.fx(() -> view.left().camera().yaw()), FxWait.fx(() -> view.right().camera().yaw()), 0);

        List<WeakReference<?>> refs = List.of(new WeakReference<>(pair), new WeakReference<>(view),
                new WeakReference<>(view.left()));
        FxWait.fx(() -> {
            w.close();
            return null;
        });
        assertEquals(0, (int) FxWait.fx(() -> window.sweeps().windows().size()));
        return refs;
    }

}
