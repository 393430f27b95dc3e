package org.attractorlab.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attractorlab.core.io.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {
    @TempDir
    Path dir;

    @Test
    void theFirstGridKeyVariesSlowestAndSeedsAreInnermost() {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": "
                + "[16, 32], \"model.activation\": [\"tanh\", \"relu\"]}, \"seeds\": [5, 6]}", null));
        assertEquals(8, plan.size());
        assertEquals(Map.of("model.hidden_size", "16", "model.activation", "tanh", "seed", "5"),
                plan.points().get(0).axes());
        assertEquals(Map.of("model.hidden_size", "16", "model.activation", "tanh", "seed", "6"),
                plan.points().get(1).axes());
        assertEquals(Map.of("model.hidden_size", "16", "model.activation", "relu", "seed", "5"),
                plan.points().get(2).axes());
        assertEquals(Map.of("model.hidden_size", "32", "model.activation", "relu", "seed", "6"),
                plan.points().get(7).axes());
        assertEquals("0002-hidden_size=16_activation=relu_seed=5", plan.points().get(2).name());
        SweepPoint p = plan.points().get(7);
        assertEquals(32, plan.config(p).model().hiddenSize());
        assertEquals(6, plan.config(p).seed());
        assertEquals(1, plan.config(p).training().threads(), "every run trains on one thread");
    }

    @Test
    void aSweepOfThreeThousandRunsPlansAndWritesItsManifestWithoutTrainingAnything() throws Exception {
        StringBuilder sizes = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            sizes.append(i == 0 ? "" : ",").append(8 + 4 * i);
        }
        SweepSpec spec = SweepSpec.parse("{\"base\": \"flipflop-3bit\", \"grid\": {\"model.hidden_size\": [" + sizes
                + "], \"training.l2_rate\": [0, 0.001, 0.01, 0.1, 1]}, \"seeds\": 20}", null);
        SweepPlan plan = SweepPlan.of(spec);
        assertEquals(3000, plan.size());
        Set<String> names = new HashSet<>();
        plan.points().forEach(p -> names.add(p.name()));
        assertEquals(3000, names.size(), "run directory names are distinct");
        SweepDirectory sweep = SweepDirectory.prepare(dir.resolve("big"), plan);
        sweep.writeManifest(Set.of());
        List<String> lines = Files.readAllLines(dir.resolve("big").resolve(SweepDirectory.MANIFEST_FILE));
        assertEquals(3001, lines.size());
        assertEquals("index,run,state,message,model.hidden_size,training.l2_rate,seed", lines.get(0));
        assertTrue(lines.get(3000).startsWith("2999,2999-hidden_size=124_l2_rate=1_seed=20,pending,,124,1,20"),
                lines.get(3000));
        assertEquals(List.of("pending"), lines.stream().skip(1).map(l -> l.split(",")[2]).distinct().toList());
        assertEquals(0.0, Csv.parseNumber("0"));
    }
}
