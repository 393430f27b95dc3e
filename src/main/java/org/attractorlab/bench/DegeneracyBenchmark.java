package org.attractorlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.RunTraining;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.DegeneracyStudy;

/**
 * The workload of {@code bench --only degeneracy}: the four levels of the degeneracy study for 20 flip-flop networks
 * of 64 units (190 pairs) on the 128-trial probe, each level timed on its own (the networks are trained for 200
 * steps first, which is not timed).
 */
public final class DegeneracyBenchmark {
    private DegeneracyBenchmark() {
    }

    /** Seconds per level, in the order behaviour, dynamics, representation, weights. */
    public static Map<DegeneracyStudy.Level, Double> run(int networks) throws IOException {
        Path tmp = Files.createTempDirectory("attractor-lab-degeneracy-bench");
        try {
            List<DegeneracyStudy.Member> members = new ArrayList<>();
            ExperimentConfig base = Samples.load("flipflop-3bit");
            for (int i = 0; i < networks; i++) {
                ExperimentConfig c = ConfigLoader.standard().override(base, List.of("model.hidden_size=64",
                        "training.steps=200", "training.checkpoint_every=0", "seed=" + (i + 1)));
                RunDirectory dir = RunDirectory.create(tmp.resolve("run" + i), false);
                new RunTraining(c, dir).train(s -> { }, () -> false);
                members.add(new DegeneracyStudy.Member("run" + i, TrainedRun.open(dir.dir(), null), Map.of()));
            }
            DegeneracyStudy.Settings defaults = DegeneracyStudy.defaultsFor(members);
            // warm-up: compile the kernels on a pair before timing
            DegeneracyStudy.run(members.subList(0, 2), defaults.withLevels(EnumSet.allOf(DegeneracyStudy.Level.class)));
            Map<DegeneracyStudy.Level, Double> out = new LinkedHashMap<>();
            for (DegeneracyStudy.Level level : DegeneracyStudy.Level.values()) {
                long t0 = System.nanoTime();
                DegeneracyStudy.run(members, defaults.withLevels(EnumSet.of(level)));
                out.put(level, (System.nanoTime() - t0) / 1e9);
            }
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(tmp)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
