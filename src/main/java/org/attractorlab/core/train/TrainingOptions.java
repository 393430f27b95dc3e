package org.attractorlab.core.train;

import java.util.Objects;

/**
 * How a network is trained. Validates on construction and names the bad value. A value of 0 switches an
 * optional feature off where noted.
 *
 * @param batchSize        trials per step (1..65536)
 * @param steps            maximum number of optimiser steps (>= 1)
 * @param learningRate     base learning rate (> 0)
 * @param optimizer        adam | sgd
 * @param momentum         SGD momentum in [0, 1)
 * @param beta1            Adam beta1 in [0, 1)
 * @param beta2            Adam beta2 in [0, 1)
 * @param epsilon          Adam epsilon (> 0)
 * @param loss             auto (the task's) | mse | bce | cross_entropy
 * @param l1Weight         coefficient of the L1 penalty on all weight matrices (>= 0)
 * @param l2Weight         coefficient of the L2 penalty on all weight matrices (>= 0)
 * @param l2Rate           coefficient of the L2 penalty on rates, mean of h^2 (>= 0)
 * @param clipNorm         clip the gradient's global norm to this value; 0 = no clipping
 * @param lrSchedule       constant | step | exponential | cosine
 * @param lrDecay          decay factor of the step and exponential schedules, in (0, 1]
 * @param lrDecaySteps     steps per decay of the step and exponential schedules (>= 1)
 * @param targetLoss       stop when the training loss falls below this; 0 = off
 * @param plateauPatience  stop when the loss has not improved by plateau_min_delta for this many steps; 0 = off
 * @param plateauMinDelta  relative improvement that counts for the plateau rule (>= 0)
 * @param checkpointEvery  save a checkpoint every this many steps; 0 = only at the end
 * @param validationEvery  evaluate on a fixed validation batch every this many steps; 0 = never
 * @param threads          worker threads for the batch; 0 = all available cores
 */
public record TrainingOptions(int batchSize, int steps, double learningRate, OptimizerType optimizer,
                              double momentum, double beta1, double beta2, double epsilon, LossChoice loss,
                              double l1Weight, double l2Weight, double l2Rate, double clipNorm,
                              LearningRateSchedule lrSchedule, double lrDecay, int lrDecaySteps,
                              double targetLoss, int plateauPatience, double plateauMinDelta,
                              int checkpointEvery, int validationEvery, int threads) {

    /** What each key of this record means, by its JSON name (the config schema and {@code config --keys} show it). */
    public static final java.util.Map<String, String> KEY_DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("batch_size", "trials per step (1..65536)"),
            java.util.Map.entry("steps", "maximum number of optimiser steps"),
            java.util.Map.entry("learning_rate", "base learning rate, > 0"),
            java.util.Map.entry("optimizer", "parameter update rule"),
            java.util.Map.entry("momentum", "SGD momentum, in [0, 1)"),
            java.util.Map.entry("beta1", "Adam beta1, in [0, 1)"),
            java.util.Map.entry("beta2", "Adam beta2, in [0, 1)"),
            java.util.Map.entry("epsilon", "Adam epsilon, > 0"),
            java.util.Map.entry("loss", "loss; auto takes the task's own"),
            java.util.Map.entry("l1_weight", "L1 penalty on all weight matrices"),
            java.util.Map.entry("l2_weight", "L2 penalty on all weight matrices"),
            java.util.Map.entry("l2_rate", "L2 penalty on rates, mean of h^2"),
            java.util.Map.entry("clip_norm", "clip the gradient's global norm to this; 0 = no clipping"),
            java.util.Map.entry("lr_schedule", "learning-rate schedule"),
            java.util.Map.entry("lr_decay", "decay factor of the step and exponential schedules, in (0, 1]"),
            java.util.Map.entry("lr_decay_steps", "steps per decay of the step and exponential schedules"),
            java.util.Map.entry("target_loss", "stop when the training loss falls below this; 0 = off"),
            java.util.Map.entry("plateau_patience", "stop after this many steps without improvement; 0 = off"),
            java.util.Map.entry("plateau_min_delta", "relative improvement that counts for the plateau rule"),
            java.util.Map.entry("checkpoint_every", "save a checkpoint every this many steps; 0 = only at the end"),
            java.util.Map.entry("validation_every", "evaluate on a fixed validation batch every this many steps; 0 = never"),
            java.util.Map.entry("threads", "worker threads; 0 = all available cores"));

    public static final TrainingOptions DEFAULTS = new TrainingOptions(64, 2000, 1e-3, OptimizerType.ADAM, 0.9,
            0.9, 0.999, 1e-8, LossChoice.AUTO, 0.0, 0.0, 0.0, 1.0, LearningRateSchedule.CONSTANT, 0.5, 1000,
            0.0, 0, 1e-4, 500, 100, 0);

    public TrainingOptions {
        Objects.requireNonNull(optimizer, "training.optimizer must be one of adam, sgd");
        Objects.requireNonNull(loss, "training.loss must be one of auto, mse, bce, cross_entropy");
        Objects.requireNonNull(lrSchedule, "training.lr_schedule must be one of constant, step, exponential, cosine");
        range("training.batch_size", batchSize, 1, 65536);
        range("training.steps", steps, 1, Integer.MAX_VALUE);
        positive("training.learning_rate", learningRate);
        unit("training.momentum", momentum);
        unit("training.beta1", beta1);
        unit("training.beta2", beta2);
        positive("training.epsilon", epsilon);
        nonNegative("training.l1_weight", l1Weight);
        nonNegative("training.l2_weight", l2Weight);
        nonNegative("training.l2_rate", l2Rate);
        nonNegative("training.clip_norm", clipNorm);
        if (!(lrDecay > 0 && lrDecay <= 1)) {
            throw new IllegalArgumentException("training.lr_decay = " + lrDecay + " is not allowed: use a value in (0, 1]");
        }
        range("training.lr_decay_steps", lrDecaySteps, 1, Integer.MAX_VALUE);
        nonNegative("training.target_loss", targetLoss);
        range("training.plateau_patience", plateauPatience, 0, Integer.MAX_VALUE);
        nonNegative("training.plateau_min_delta", plateauMinDelta);
        range("training.checkpoint_every", checkpointEvery, 0, Integer.MAX_VALUE);
        range("training.validation_every", validationEvery, 0, Integer.MAX_VALUE);
        range("training.threads", threads, 0, 256);
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed: use " + lo + ".."
                    + (hi == Integer.MAX_VALUE ? "" : hi));
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed: use a finite value > 0");
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed: use a finite value >= 0");
        }
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed: use a value in [0, 1)");
        }
    }

    /** The learning rate at {@code step} (0-based) under the schedule. */
    public double learningRateAt(int step) {
        return switch (lrSchedule) {
            case CONSTANT -> learningRate;
            case STEP -> learningRate * Math.pow(lrDecay, Math.floor((double) step / lrDecaySteps));
            case EXPONENTIAL -> learningRate * Math.pow(lrDecay, (double) step / lrDecaySteps);
            case COSINE -> learningRate * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps));
        };
    }
}
