package org.attractorlab.app.panes.rsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
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
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.study.Probe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RsaViewModelTest {
    private final SimpleObjectProperty<AnalysisFrame> frames = new SimpleObjectProperty<>();
    private final SelectionModel selection = new SelectionModel();
    private final FrameDrain drain = new FrameDrain();
    private RsaViewModel vm;

    /** An untrained network's frame for a task: hidden states of a 128-trial probe batch. */
    static AnalysisFrame frame(String task, String... overrides) {
        List<String> o = new java.util.ArrayList<>(List.of("task.name=" + task, "model.hidden_size=16"));
        o.addAll(List.of(overrides));
        ExperimentConfig config = ConfigLoader.standard().fromOverrides(o);
        Experiment e = Experiment.create(config);
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
    void theRdmOfANewFrameEqualsRsaComputeWithTheDefaultSettings() {
        AnalysisFrame f = frame("flipflop");
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        frames.set(f);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        RsaViewModel.Shown s = vm.shownProperty().get();
        assertEquals(List.of("bit0", "bit1", "bit2"), s.options().conditionColumns());
        assertEquals(f.states().steps() - 10, s.options().fromStep(), "the window is the last 10 steps");
        assertEquals(f.states().steps(), s.options().toStep());
        assertEquals(Distance.CORRELATION, s.options().distance());
        var expected = Rsa.compute(f.states(), s.options());
        assertEquals(expected.data(), s.result().data());
        double[][] m = expected.data().matrix();
        for (int i = 0; i < m.length; i++) {
            assertArrayEquals(m[i], s.heatmap().values()[i], 0.0, "heatmap row " + i);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "Kendall tau-a vs bit0: %.2f", expected.score()),
                vm.scoreProperty().get());
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void changingTheDistanceRecomputesTheRdm() {
        AnalysisFrame f = frame("flipflop");
        frames.set(f);
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        vm.distanceProperty().set(Distance.EUCLIDEAN);
        drained("the euclidean RDM", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().options().distance() == Distance.EUCLIDEAN);
        RsaViewModel.Shown s = vm.shownProperty().get();
        assertEquals(Rsa.compute(f.states(), s.options()).data(), s.result().data());
        assertEquals(Distance.EUCLIDEAN, s.result().data().distance());
    }

    @Test
    void selectingARowOfSeveralColumnsSelectsExactlyTheTrialsOfThatConditionTuple() {
        AnalysisFrame f = frame("flipflop");
        frames.set(f);
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        ConditionGrouping g = ConditionGrouping.of(f.states().conditions(), List.of("bit0", "bit1", "bit2"));
        int row = 2;
        vm.select(new Heatmap.Cell(row, 0));
        Set<Integer> expected = new HashSet<>();
        for (int t = 0; t < g.conditionOfTrial().length; t++) {
            if (g.conditionOfTrial()[t] == row) {
                expected.add(t);
            }
        }
        assertEquals(expected, selection.trialsProperty().get());
        assertEquals(Set.of(row), vm.highlightedProperty().get(), "the selected condition is highlighted");
    }

    @Test
    void selectingARowOfOneColumnSelectsThatConditionValue() {
        AnalysisFrame f = frame("flipflop");
        frames.set(f);
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        vm.conditionColumnsProperty().set(List.of("bit1"));
        drained("an RDM by bit1", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().options().conditionColumns().equals(List.of("bit1")));
        assertTrue(vm.scoreProperty().get().startsWith("Kendall tau-a vs bit1: "), "the model column follows the "
                + "grouping: " + vm.scoreProperty().get());
        int last = vm.shownProperty().get().grouping().size() - 1;
        vm.select(new Heatmap.Cell(last, 0));
        assertEquals(new SelectionModel.Condition("bit1", 1.0), selection.conditionProperty().get());
    }

    @Test
    void trialsSelectedElsewhereHighlightTheirConditions() {
        AnalysisFrame f = frame("flipflop");
        frames.set(f);
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        int[] of = vm.shownProperty().get().grouping().conditionOfTrial();
        selection.selectTrials(Set.of(0, 1));
        assertEquals(Set.of(of[0], of[1]), vm.highlightedProperty().get());
        selection.clear();
        assertTrue(vm.highlightedProperty().get().isEmpty());
    }

    @Test
    void anInvalidSettingShowsAMessageAndNoRdm() {
        frames.set(frame("flipflop"));
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        vm.fromStepProperty().set(50);
        vm.toStepProperty().set(40);
        drained("a message", () -> !vm.messageProperty().get().isEmpty());
        assertNull(vm.shownProperty().get());
        assertTrue(vm.messageProperty().get().contains("rsa.window = '50:40' is not allowed"), vm.messageProperty().get());
        vm.toStepProperty().set(60);
        drained("an RDM again", () -> vm.shownProperty().get() != null);
        assertEquals("", vm.messageProperty().get());
    }

    @Test
    void aModelColumnThatVariesWithinAConditionIsReportedAsAMessage() {
        frames.set(frame("flipflop"));
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        vm.modelProperty().set("pulses");
        drained("a message", () -> !vm.messageProperty().get().isEmpty());
        assertTrue(vm.messageProperty().get().contains("pulses"), vm.messageProperty().get());
        vm.modelProperty().set(RsaViewModel.NO_MODEL);
        drained("an RDM again", () -> vm.shownProperty().get() != null);
        assertEquals("no model RDM", vm.scoreProperty().get());
    }

    @Test
    void hoveringACellDescribesItsConditionsAndDistance() {
        frames.set(frame("context-integration"));
        vm = new RsaViewModel(frames, selection, drain, Runnable::run);
        drained("an RDM", () -> vm.shownProperty().get() != null);
        RsaViewModel.Shown s = vm.shownProperty().get();
        assertEquals(4, s.grouping().size(), "context x choice");
        vm.hover(new Heatmap.Cell(0, 3));
        String text = vm.hoverTextProperty().get();
        assertTrue(text.startsWith("context=0, choice=-1"), text);
        assertTrue(text.contains("context=1, choice=1"), text);
        assertTrue(text.endsWith(String.format(java.util.Locale.ROOT, "%.3g", s.result().data().get(0, 3))), text);
        vm.hover(null);
        assertEquals("", vm.hoverTextProperty().get());
        assertNotNull(s.heatmap());
    }
}
