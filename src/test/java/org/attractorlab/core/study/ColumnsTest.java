package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    /** The condition table of 128 trials of a task. */
    static ConditionTable conditions(String task) {
        Experiment e = Experiment.create(ConfigLoader.standard().fromOverrides(List.of("task.name=" + task)));
        return e.task().sample(128, new SplittableRandom(1)).conditions();
    }

    @Test
    void conditionColumnsFollowTheTask() {
        assertEquals(List.of("bit0", "bit1", "bit2"), Columns.conditionColumns(conditions("flipflop")));
        assertEquals(List.of("frequency_index"), Columns.conditionColumns(conditions("sine-wave")));
        assertEquals(List.of("f1"), Columns.conditionColumns(conditions("delayed-discrimination")));
        assertEquals(List.of("quadrant"), Columns.conditionColumns(conditions("evidence-multitask")));
        assertEquals(List.of("context", "choice"), Columns.conditionColumns(conditions("context-integration")));
        assertEquals(List.of("choice"), Columns.conditionColumns(conditions("perceptual-decision")));
        ConditionTable other = new ConditionTable(List.of("speed", "size"), new double[][]{{1, 2}, {3, 4}});
        assertEquals(List.of("speed"), Columns.conditionColumns(other));
    }

    @Test
    void theAngleGroupColumnIsContextOrTheFirstCategoricalColumnWithTwoValues() {
        assertEquals("context", Columns.groupColumn(conditions("context-integration")));
        assertEquals("bit0", Columns.groupColumn(conditions("flipflop")));
        assertEquals("choice", Columns.groupColumn(conditions("perceptual-decision")),
                "coherence is continuous, choice is categorical");
    }

    @Test
    void delayedDiscriminationGroupsByWhetherF1IsGreaterWhichHasExactlyTwoValues() {
        ConditionTable table = conditions("delayed-discrimination");
        assertEquals("f1_greater", Columns.groupColumn(table));
        assertEquals(2, Columns.distinct(table, "f1_greater"));
    }

    @Test
    void aTableWithoutAColumnOfTwoValuesHasNoGroupColumn() {
        ConditionTable constant = new ConditionTable(List.of("g"), new double[][]{{1, 1, 1}});
        assertNull(Columns.groupColumn(constant));
    }

    @Test
    void theTargetsOfferedAreTheDecodeTargetsFirstThenTheOtherColumns() {
        ConditionTable flip = conditions("flipflop");
        assertEquals(List.of("bit0", "bit1", "bit2"), Columns.decodeTargets(flip));
        assertEquals(List.of("bit0", "bit1", "bit2", "pulses", "state"), Columns.targetChoices(flip));
        List<String> evidence = Columns.decodeTargets(conditions("evidence-multitask"));
        assertEquals(List.of("quadrant", "x0", "x1"), evidence, "the quadrant, then the latent coordinates");
    }

    @Test
    void integerColumnsOfFewValuesOrWithLevelsAreCategoricalAndFractionsAreNot() {
        ConditionTable t = new ConditionTable(List.of("c", "x"), new double[][]{{-1, 1, 1, -1}, {0.5, 1, 2, 3}});
        assertTrue(Columns.isCategorical(t, "c"));
        assertFalse(Columns.isCategorical(t, "x"));
        assertArrayEquals(new double[]{-1, 1}, Columns.values(t, "c"), 0.0);
        double[][] many = new double[1][Columns.MAX_CATEGORIES + 1];
        for (int i = 0; i < many[0].length; i++) {
            many[0][i] = i;
        }
        assertFalse(Columns.isCategorical(new ConditionTable(List.of("n"), many), "n"),
                (Columns.MAX_CATEGORIES + 1) + " distinct integers are too many classes");
    }
}
