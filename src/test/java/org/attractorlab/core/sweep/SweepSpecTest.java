package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecTest {
    @TempDir
    Path dir;

    private static SweepSpec parse(String json) {
        return SweepSpec.parse(json, null);
    }

    private static String refusal(String json) {
        return assertThrows(SweepException.class, () -> SweepPlan.of(parse(json))).getMessage();
    }

    @Test
    void aGridTimesZipTimesSeedsIsTheRunCount() {
        SweepSpec s = parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [16, 32, 64], "
                + "\"model.activation\": [\"tanh\", \"relu\"]}, \"zip\": {\"training.learning_rate\": [0.01, 0.02], "
                + "\"training.batch_size\": [8, 16]}, \"seeds\": 5, \"set\": {\"training.steps\": 10}, "
                + "\"analyses\": [\"decode\", \"fixed-points\"]}");
        assertEquals(3 * 2 * 2 * 5, s.runCount());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), s.seeds(), "a count of seeds starts at the base's seed (1)");
        assertEquals(List.of("model.hidden_size", "model.activation", "training.learning_rate", "training.batch_size",
                "seed"), s.axisNames());
        assertEquals(List.of("decode", "fixed-points"), s.analyses());
    }

    @Test
    void theResolvedSpecParsesBackToTheSameSpec() {
        SweepSpec s = parse("{\"base\": \"sine-wave\", \"grid\": {\"model.hidden_size\": [16, 32]}, \"seeds\": [3, 9]}");
        SweepSpec again = parse(s.toJson());
        assertEquals(s.toJson(), again.toJson());
        assertEquals(s.base(), again.base());
        assertEquals(List.of(3L, 9L), again.seeds());
    }

    @Test
    void aBasePathIsFoundBesideTheSpec() throws Exception {
        Files.writeString(dir.resolve("base.json"), "{\"task\": {\"name\": \"flipflop\", \"bits\": 2}, \"seed\": 7}");
        Path spec = Files.writeString(dir.resolve("s.json"), "{\"base\": \"base.json\", \"seeds\": 2}");
        SweepSpec s = SweepSpec.read(spec);
        assertEquals(List.of(7L, 8L), s.seeds());
        assertEquals("flipflop", s.base().taskName());
    }

    @Test
    void malformedSpecsAreRefusedNamingTheField() {
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grdi\": {}}").contains("unknown field 'grdi'"));
        assertTrue(refusal("{\"grid\": {\"model.hidden_size\": [8]}}").startsWith("base is missing"));
        assertTrue(refusal("{\"base\": \"no-such-sample\"}").contains("neither a config file"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {}}").startsWith("grid is empty"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": []}}")
                .contains("grid axis model.hidden_size has no values"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": 8}}")
                .contains("give a list of values"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hiden_size\": [8]}}")
                .startsWith("grid axis model.hiden_size, value 8:"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, -4]}}")
                .startsWith("grid axis model.hidden_size, value -4:"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"zip\": {\"model.hidden_size\": [8, 16], "
                + "\"training.batch_size\": [4]}}").contains("model.hidden_size has 2 values, training.batch_size has 1"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8, 8]}}")
                .contains("grid axis model.hidden_size lists 8 twice"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"zip\": {\"model.hidden_size\": [8, 16, 8], "
                + "\"training.learning_rate\": [0.01, 0.01, 0.01]}}")
                .contains("zip lists the point (model.hidden_size=8, training.learning_rate=0.01) twice"));
        // one zip list may repeat a value: one learning rate for two sizes
        SweepSpec shared = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"zip\": {\"model.hidden_size\": [8, 16, 32], "
                + "\"training.learning_rate\": [0.01, 0.01, 0.005]}}", null);
        assertEquals(3, shared.runCount());
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"seed\": [1, 2]}}").contains("give \"seeds\""));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"seeds\": 0}").startsWith("seeds = 0 is not allowed"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"seeds\": [1, 1]}").contains("twice"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"analyses\": [\"dsa\"]}").contains("'dsa' is not an analysis"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [8]}, "
                + "\"set\": {\"model.hidden_size\": 8}}").contains("given twice"));
        assertTrue(refusal("{\"base\": \"flipflop-3bit\",").startsWith("not valid JSON"));
        assertTrue(refusal("[1, 2]").startsWith("a sweep spec is a JSON object"));
    }

    @Test
    void tenMillionRunsAreRefusedWithTheCountAndTheLimit() {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            values.append(i == 1 ? "" : ",").append(i);
        }
        String m = refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [" + values
                + "], \"training.batch_size\": [" + values + "], \"task.trial_steps\": [" + values + "]}, \"seeds\": 10}");
        assertEquals("the sweep has 10000000 runs; a sweep has at most " + SweepSpec.MAX_RUNS
                + " (split it into several sweeps)", m);
    }

    @Test
    void aCombinationThatNoConfigAllowsIsRefusedBeforeAnythingRuns() {
        String m = refusal("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.cell\": [\"vanilla\", \"gru\"], "
                + "\"model.dale\": [false, true]}}");
        assertTrue(m.startsWith("run 3 (model.cell=gru, model.dale=true) has an invalid config:"), m);
    }
}
