package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.train.TrainingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The N-back and path-integration samples load, build their experiment and train a few steps. */
class TaskSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nback-9task", "nback-2back-category", "path-integration"})
    void sampleLoadsAndTrainsAFewSteps(String name) {
        Experiment e = Experiment.create(ConfigLoader.standard().load(Path.of("samples", name + ".json"),
                List.of("training.steps=3", "training.batch_size=8", "training.threads=1",
                        "training.validation_every=0")));
        TrainingStatus s = e.trainer().train(x -> { }, null, () -> false);
        assertEquals(TrainingStatus.State.COMPLETED, s.state(), s.message());
        assertEquals(3, s.step());
        assertTrue(Double.isFinite(s.loss()) && s.loss() > 0, "loss " + s.loss());
        assertTrue(s.accuracy() >= 0 && s.accuracy() <= 1, "accuracy " + s.accuracy());
        switch (name) {
            case "nback-9task" -> {
                NBackTask t = (NBackTask) e.task();
                assertEquals(NBackDiet.MTMF, t.options().diet());
                assertEquals(9, t.options().trainedTasks().size());
                assertEquals("gru", e.config().model().cell().name().toLowerCase());
            }
            case "nback-2back-category" -> {
                NBackTask t = (NBackTask) e.task();
                assertEquals(List.of(NBackTask.taskId(NBackFeature.CATEGORY, 2)), t.options().trainedTasks());
                assertEquals("vanilla", e.config().model().cell().name().toLowerCase());
            }
            default -> assertEquals(LossKind.MSE, e.loss());
        }
    }
}
