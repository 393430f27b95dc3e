package org.attractorlab.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.model.Readout;
import org.attractorlab.core.task.LossKind;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TaskRegistry;
import org.attractorlab.core.train.Trainer;

/**
 * One experiment built from its config: the task, the network and the loss. The GUI and the CLI both start here,
 * so they train exactly the same thing.
 */
public record Experiment(ExperimentConfig config, Task task, Network network, LossKind loss) {

    /** A fresh experiment: the network is initialised from the config's seed. */
    public static Experiment create(ExperimentConfig config) {
        Task task = TaskRegistry.create(config.taskName(), config.taskOptions());
        LossKind loss = config.training().loss().resolve(task.defaultLoss());
        Network network = Network.create(config.model(), task.inputSize(), task.outputSize(), Readout.forLoss(loss),
                config.seed());
        return new Experiment(config, task, network, loss);
    }

    /** An experiment whose network is restored from saved arrays (model.npz or a checkpoint). */
    public static Experiment restore(ExperimentConfig config, Map<String, NdArray> arrays) {
        Task task = TaskRegistry.create(config.taskName(), config.taskOptions());
        LossKind loss = config.training().loss().resolve(task.defaultLoss());
        Map<String, float[]> raw = new LinkedHashMap<>();
        arrays.forEach((k, v) -> raw.put(k, v.floats()));
        Network network = Network.restore(config.model(), task.inputSize(), task.outputSize(), Readout.forLoss(loss),
                raw);
        return new Experiment(config, task, network, loss);
    }

    /** A trainer for this experiment's network, seeded by the config. */
    public Trainer trainer() {
        return new Trainer(task, network, config.training(), config.seed());
    }

    /** The network's arrays with their shapes, ready for model.npz. */
    public Map<String, NdArray> modelArrays() {
        return toNdArrays(network, network.arrays());
    }

    /** Attaches shapes to a network's named arrays (e.g. those handed to a checkpoint listener). */
    public static Map<String, NdArray> toNdArrays(Network network, Map<String, float[]> arrays) {
        Map<String, NdArray> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, NdArray.of(network.shapeOf(k), v)));
        return out;
    }
}
