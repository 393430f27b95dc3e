package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

    static Stream<String> names() {
        return TaskRegistry.all().stream().map(TaskRegistry.Entry::name);
    }

    private static Task defaultTask(String name) {
        TaskRegistry.Entry<?> entry = TaskRegistry.get(name);
        return TaskRegistry.create(name, entry.defaults());
    }

    @Test
    void registryListsTheEightTaskFamiliesByName() {
        assertEquals(List.of("flipflop", "sine-wave", "delayed-discrimination", "evidence-multitask",
                "context-integration", "perceptual-decision", "nback", "path-integration"), names().toList());
    }

    @Test
    void unknownTaskNameIsRejectedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskRegistry.get("x"));
        assertEquals("task.name = 'x' is not a known task: use one of flipflop, sine-wave, delayed-discrimination, "
                + "evidence-multitask, context-integration, perceptual-decision, nback, path-integration", e.getMessage());
    }

    @Test
    void createRejectsOptionsOfAnotherTask() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskRegistry.create("flipflop", SineWaveOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("FlipFlopOptions"), e.getMessage());
        Task task = TaskRegistry.create("flipflop", new FlipFlopOptions(5, 30, 0.1, false, 10));
        assertEquals(5, task.inputSize());
        assertEquals(30, task.steps());
    }

    @ParameterizedTest
    @MethodSource("names")
    void taskLayoutIsConsistentWithItsBatches(String name) {
        Task task = defaultTask(name);
        assertEquals(name, task.name());
        assertEquals(task.inputSize(), task.inputNames().size());
        assertEquals(task.outputSize(), task.outputNames().size());
        assertEquals(task.inputSize(), task.inputNames().stream().distinct().count(), "unique input names");
        TrialBatch batch = task.sample(3, new SplittableRandom(61));
        assertEquals(3, batch.trials());
        assertEquals(task.steps(), batch.steps());
        assertEquals(task.inputSize(), batch.inputSize());
        assertEquals(task.outputSize(), batch.outputSize());
        assertEquals(3, batch.conditions().rows());
        assertFalse(batch.conditions().names().isEmpty(), "every task has conditions");
        for (float m : batch.mask()) {
            assertTrue(m == 0f || m == 1f, "mask is 0 or 1");
        }
        for (float v : batch.inputs()) {
            assertTrue(Float.isFinite(v));
        }
        assertTrue(task.dtMillis() > 0);
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedGivesIdenticalBatchAndAnotherSeedADifferentOne(String name) {
        Task task = defaultTask(name);
        TrialBatch a = task.sample(16, new SplittableRandom(62));
        TrialBatch b = defaultTask(name).sample(16, new SplittableRandom(62));
        TrialBatch c = task.sample(16, new SplittableRandom(63));
        assertArrayEquals(a.inputs(), b.inputs());
        assertArrayEquals(a.targets(), b.targets());
        assertArrayEquals(a.mask(), b.mask());
        assertEquals(a.conditions(), b.conditions());
        assertFalse(Arrays.equals(a.inputs(), c.inputs()) && a.conditions().equals(c.conditions()),
                "another seed gives another batch");
    }

    @ParameterizedTest
    @MethodSource("names")
    void accuracyRejectsOutputsOfTheWrongSize(String name) {
        Task task = defaultTask(name);
        TrialBatch batch = task.sample(2, new SplittableRandom(64));
        assertThrows(IllegalArgumentException.class, () -> task.accuracy(batch, new float[batch.targets().length + 1]));
        assertThrows(IllegalArgumentException.class, () -> task.sample(0, new SplittableRandom(1)));
    }
}
