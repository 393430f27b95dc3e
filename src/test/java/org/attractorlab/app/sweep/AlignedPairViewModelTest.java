package org.attractorlab.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.DegeneracyStudy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlignedPairViewModelTest {
    private final FrameDrain drain = new FrameDrain();
    private final AlignedPairViewModel vm = new AlignedPairViewModel(drain, Runnable::run, 16);

    private static DegeneracyStudy.Member untrained(String name, String... overrides) {
        Experiment e = Experiment.create(ConfigLoader.standard().fromOverrides(List.of(overrides)));
        return new DegeneracyStudy.Member(name, new TrainedRun(null, e, -1), Map.of());
    }

    @AfterEach
    void dispose() {
        vm.dispose();
    }

    @Test
    void aPairIsAlignedIntoTwoMeshesOfItsTrialsUnderACaptionWithTheCellsDistance() {
        assertEquals(AlignedPairViewModel.PROMPT, vm.messageProperty().get());
        DegeneracyStudy.Member a = untrained("a", "task.name=flipflop", "model.hidden_size=10", "seed=1");
        DegeneracyStudy.Member b = untrained("b", "task.name=flipflop", "model.hidden_size=6", "seed=2");
        vm.align(a, b, "weights 0.25");
        assertTrue(vm.busyProperty().get(), "until the result is drained");
        drain.drainNow();
        AlignedPairViewModel.Shown s = vm.shownProperty().get();
        assertFalse(vm.busyProperty().get());
        assertEquals(16, s.a().trials());
        assertEquals(16, s.b().trials());
        assertTrue(s.a().faceCount() > 0 && s.b().faceCount() > 0, "tubes on both sides");
        assertEquals("a (its PCs)", s.titleA());
        assertEquals("b aligned to a", s.titleB());
        assertEquals(6, s.result().alignedDimensions(), "the smaller network's size");
        assertTrue(vm.messageProperty().get().startsWith("weights 0.25 \u00b7 residual ")
                && vm.messageProperty().get().endsWith("after alignment in 6 PC dimensions"),
                vm.messageProperty().get());
    }

    @Test
    void networksOfDifferentTasksAreRefusedWithTheStudysMessage() {
        vm.align(untrained("ff", "task.name=flipflop"), untrained("sine", "task.name=sine-wave"), null);
        drain.drainNow();
        assertNull(vm.shownProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Could not align the runs: the networks solve different "
                + "tasks: ff solves flipflop and sine solves sine-wave"), vm.messageProperty().get());
    }
}
