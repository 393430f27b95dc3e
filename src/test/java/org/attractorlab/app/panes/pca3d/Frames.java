package org.attractorlab.app.panes.pca3d;

import java.util.List;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.LiveAnalysis;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;

/** Small flip-flop configurations and analysis frames of their untrained networks, for the pane's tests. */
final class Frames {
    private Frames() {
    }

    static ExperimentConfig smallFlipFlop(int steps) {
        return ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=" + steps, "training.batch_size=16"));
    }

    /** The analysis frame of the untrained small flip-flop network (128 probe trials of 100 steps). */
    static AnalysisFrame untrained() {
        Experiment e = Experiment.create(smallFlipFlop(200));
        try (LiveAnalysis live = new LiveAnalysis(e)) {
            return live.compute(new TrainingService.Snapshot(0, e.network().parameters().clone()), null, true);
        }
    }
}
