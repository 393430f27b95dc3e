package org.attractorlab.core.config;

import java.util.Objects;
import org.attractorlab.core.model.ModelOptions;
import org.attractorlab.core.train.TrainingOptions;

/**
 * A fully resolved experiment: which task with which options, the network, the training and the seed. Read and
 * written by {@link ConfigLoader}; its JSON form is
 * <pre>{@code
 * {"task": {"name": "flipflop", "bits": 3, ...}, "model": {"cell": "gru", ...}, "training": {...}, "seed": 1}
 * }</pre>
 *
 * @param taskName    registry name of the task
 * @param taskOptions the task's options record (its type is the one the task registry declares)
 * @param model       network architecture
 * @param training    optimisation settings
 * @param seed        seed of every random draw of the run (initialisation, trials, noise)
 */
public record ExperimentConfig(String taskName, Record taskOptions, ModelOptions model, TrainingOptions training,
                               long seed) {

    /** The seed used when a config names none. */
    public static final long DEFAULT_SEED = 1;

    public ExperimentConfig {
        Objects.requireNonNull(taskName, "taskName");
        Objects.requireNonNull(taskOptions, "taskOptions");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(training, "training");
        if (taskName.isBlank()) {
            throw new IllegalArgumentException("task.name must not be blank");
        }
    }

    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(taskName, taskOptions, model, training, newSeed);
    }

    public ExperimentConfig withModel(ModelOptions newModel) {
        return new ExperimentConfig(taskName, taskOptions, newModel, training, seed);
    }

    public ExperimentConfig withTraining(TrainingOptions newTraining) {
        return new ExperimentConfig(taskName, taskOptions, model, newTraining, seed);
    }
}
