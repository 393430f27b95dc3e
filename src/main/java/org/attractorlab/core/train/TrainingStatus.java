package org.attractorlab.core.train;

/**
 * What the trainer reports after every step. Immutable.
 *
 * @param step               optimiser steps completed
 * @param totalSteps         the step budget
 * @param loss               training loss of this step's batch (including regularisation)
 * @param accuracy           task accuracy on this step's batch, NaN where undefined
 * @param validationLoss     loss on the fixed validation batch at the last validation, NaN if none yet
 * @param validationAccuracy accuracy on the validation batch at the last validation, NaN if none
 * @param gradNorm           global gradient norm before clipping
 * @param learningRate       learning rate used for this step
 * @param stepsPerSecond     recent training speed (steps per second of training time)
 * @param elapsedSeconds     training time so far: the wall time spent in training steps, not idle or paused time
 * @param state              running, or why it stopped
 * @param message            a human-readable explanation when it stopped, else empty
 */
public record TrainingStatus(int step, int totalSteps, double loss, double accuracy, double validationLoss,
                             double validationAccuracy, double gradNorm, double learningRate,
                             double stepsPerSecond, double elapsedSeconds, State state, String message) {

    /** Where a run is. */
    public enum State {
        RUNNING, COMPLETED, TARGET_REACHED, PLATEAU, CANCELLED, FAILED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    /** Estimated seconds to the step budget at the current speed. */
    public double remainingSeconds() {
        return stepsPerSecond > 0 ? (totalSteps - step) / stepsPerSecond : Double.NaN;
    }

    public TrainingStatus withState(State s, String why) {
        return new TrainingStatus(step, totalSteps, loss, accuracy, validationLoss, validationAccuracy, gradNorm,
                learningRate, stepsPerSecond, elapsedSeconds, s, why);
    }
}
