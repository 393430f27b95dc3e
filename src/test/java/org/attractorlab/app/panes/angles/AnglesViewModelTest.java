package org.attractorlab.app.panes.angles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnglesViewModelTest {
    private static final double DEGREES = 1e-9;
    private final SimpleObjectProperty<AnalysisFrame> frames = new SimpleObjectProperty<>();
    private final SelectionModel selection = new SelectionModel();
    private final FrameDrain drain = new FrameDrain();
    private AnglesViewModel vm;

    static AnalysisFrame frame(String task) {
        Experiment e = Experiment.create(ConfigLoader.standard().fromOverrides(List.of("task.name=" + task,
                "model.hidden_size=16")));
        HiddenStates states = Probe.states(e.network(), e.task().sample(128, new SplittableRandom(7)));
        return new AnalysisFrame(0, true, states, null, null, 0);
    }

    /**
     * Delivers the job's result: the job ran on the calling thread when it was submitted, so one drain hands it to
     * the view model; then {@code done} must hold.
     */
    void drained(String what, BooleanSupplier done) {
        drain.drainNow();
        assertTrue(done.getAsBoolean(), () -> what + " after one drain; message: " + vm.messageProperty().get());
    }

    @AfterEach
    void dispose() {
        if (vm != null) {
            vm.dispose();
        }
    }

    @Test
    void theAngleMatrixIsSymmetricWithZeroDiagonalAndEqualsSubspaceAnglesInDegrees() {
        AnalysisFrame f = frame("context-integration");
        frames.set(f);
        vm = new AnglesViewModel(frames, selection, drain, Runnable::run);
        drained("angles", () -> vm.shownProperty().get() != null);
        AnglesViewModel.Shown s = vm.shownProperty().get();
        assertEquals("context", s.result().options().groupColumn());
        assertEquals(3, s.result().options().k());
        SubspaceAngleResult expected = SubspaceAngles.compute(f.states(), s.result().options());
        int g = expected.groupCount();
        assertEquals(2, g);
        for (int i = 0; i < g; i++) {
            assertEquals(0, s.meanDegrees(i, i), 0.0, "diagonal");
            for (int j = 0; j < g; j++) {
                assertEquals(s.meanDegrees(i, j), s.meanDegrees(j, i), 0.0, "symmetric");
                assertEquals(Math.toDegrees(expected.meanAngle()[i][j]), s.meanDegrees(i, j), DEGREES);
            }
        }
        assertTrue(s.meanDegrees(0, 1) > 0 && s.meanDegrees(0, 1) <= 90, "angle " + s.meanDegrees(0, 1));
    }

    @Test
    void selectingACellShowsTheAngleSpectrumOfThePairAndSelectsTheRowGroup() {
        AnalysisFrame f = frame("context-integration");
        frames.set(f);
        vm = new AnglesViewModel(frames, selection, drain, Runnable::run);
        drained("angles", () -> vm.shownProperty().get() != null);
        vm.select(new Heatmap.Cell(1, 0));
        double[] angles = vm.shownProperty().get().result().angles(1, 0);
        var series = vm.spectrum().getSeries(0);
        assertEquals(angles.length, series.getItemCount());
        for (int a = 0; a < angles.length; a++) {
            assertEquals(a + 1, series.getX(a).intValue());
            assertEquals(Math.toDegrees(angles[a]), series.getY(a).doubleValue(), DEGREES);
        }
        assertEquals("context: 1 vs 0", vm.spectrumTitleProperty().get());
        assertEquals(new SelectionModel.Condition("context", 1.0), selection.conditionProperty().get());
        assertEquals(Set.of(1), vm.highlightedProperty().get());
    }

    @Test
    void aGroupTooSmallForKDimensionsIsReportedAsAMessage() {
        // 10 trials of 2 steps and 5 units; group 1 has 2 trials = 4 samples, too few for a 4-dimensional subspace
        SplittableRandom rng = new SplittableRandom(3);
        float[] states = new float[10 * 2 * 5];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) rng.nextGaussian();
        }
        ConditionTable table = new ConditionTable(List.of("g"), new double[][]{{0, 0, 0, 0, 0, 0, 0, 0, 1, 1}});
        frames.set(new AnalysisFrame(0, true, HiddenStates.external(10, 2, 5, states, table), null, null, 0));
        vm = new AnglesViewModel(frames, selection, drain, Runnable::run);
        drained("angles", () -> vm.shownProperty().get() != null);
        vm.select(new Heatmap.Cell(0, 1));
        assertEquals(3, vm.spectrum().getSeries(0).getItemCount());
        vm.kProperty().set(4);
        drained("a message", () -> !vm.messageProperty().get().isEmpty());
        assertEquals("group g=1 is too small: 2 trials x 2 steps = 4 samples, but a 4-dimensional subspace needs at "
                + "least 5. Lower k, widen the step window or group by a column with fewer values.",
                vm.messageProperty().get());
        assertNull(vm.shownProperty().get());
        assertEquals(0, vm.spectrum().getSeries(0).getItemCount(), "no stale spectrum");
    }

    @Test
    void kAboveTheNumberOfUnitsIsReportedAsAMessage() {
        frames.set(frame("context-integration"));
        vm = new AnglesViewModel(frames, selection, drain, Runnable::run);
        drained("angles", () -> vm.shownProperty().get() != null);
        vm.kProperty().set(17);
        drained("a message", () -> !vm.messageProperty().get().isEmpty());
        assertEquals("angles.k = '17' is not allowed: use 1..16 (the hidden units)", vm.messageProperty().get());
    }

    @Test
    void aNewTaskResetsTheSettingsToItsDefaults() {
        frames.set(frame("context-integration"));
        vm = new AnglesViewModel(frames, selection, drain, Runnable::run);
        drained("angles", () -> vm.shownProperty().get() != null);
        vm.kProperty().set(5);
        AnalysisFrame flip = frame("flipflop");
        frames.set(flip);
        drained("flip-flop angles", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().frame() == flip);
        assertEquals("bit0", vm.groupColumnProperty().get());
        assertEquals(3, vm.kProperty().get());
        assertEquals(new ArrayList<>(flip.states().conditions().names()), new ArrayList<>(vm.columns()));
        assertArrayEquals(new int[]{0, flip.states().steps()}, new int[]{vm.fromStepProperty().get(),
                vm.toStepProperty().get()});
    }
}
