package org.attractorlab.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Validation and small shared routines of the task options and tasks. Messages follow
 * {@code task.<snake_case_name> = <value> is not allowed: <what is allowed>}.
 */
final class Checks {
    private Checks() {
    }

    static IllegalArgumentException notAllowed(String name, Object value, String allowed) {
        return new IllegalArgumentException("task." + name + " = " + org.attractorlab.core.io.Messages.value(value)
                + " is not allowed: " + allowed);
    }

    static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw notAllowed(name, v, "use " + lo + ".." + hi);
        }
    }

    static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw notAllowed(name, v, "use a finite value > 0");
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw notAllowed(name, v, "use a finite value >= 0");
        }
    }

    static void probability(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw notAllowed(name, v, "use a probability in [0, 1]");
        }
    }

    /** A frame length in milliseconds: finite, > 0 and at most 10 s. */
    static void dtMillis(double v) {
        if (!(v > 0 && v <= 10_000)) {
            throw notAllowed("dt_millis", v, "use a step duration in (0, 10000] ms");
        }
    }

    /** Coherence magnitudes: a non-empty list of finite values > 0. */
    static List<Double> coherences(List<Double> values) {
        if (values == null || values.isEmpty() || values.size() > 64) {
            throw notAllowed("coherences", values, "use a list of 1..64 coherence magnitudes, each finite and > 0");
        }
        for (Double c : values) {
            if (c == null || !(c > 0 && Double.isFinite(c))) {
                throw notAllowed("coherences", values,
                        "use a list of 1..64 coherence magnitudes, each finite and > 0 (the sign is drawn per trial)");
            }
        }
        return List.copyOf(values);
    }

    static void sampleArguments(int trials, SplittableRandom rng) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be > 0, got " + trials);
        }
        Objects.requireNonNull(rng, "rng");
    }

    static void outputs(TrialBatch batch, float[] outputs) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(outputs, "outputs");
        long expected = (long) batch.trials() * batch.steps() * batch.outputSize();
        if (outputs.length != expected) {
            throw new IllegalArgumentException("outputs has " + outputs.length + " elements, expected " + expected
                    + " = trials x steps x outputs");
        }
    }

    /** Whether one output entry counts as correct against its target. */
    @FunctionalInterface
    interface EntryRule {
        boolean correct(float output, float target);
    }

    /**
     * Entry-level accuracy: the fraction of masked-in entries where {@code rule} accepts the output against the
     * target; NaN if no entry is masked in.
     */
    static double maskedAccuracy(TrialBatch batch, float[] outputs, EntryRule rule) {
        outputs(batch, outputs);
        float[] targets = batch.targets();
        float[] mask = batch.mask();
        long counted = 0;
        long correct = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0f) {
                counted++;
                if (rule.correct(outputs[i], targets[i])) {
                    correct++;
                }
            }
        }
        return counted == 0 ? Double.NaN : correct / (double) counted;
    }

    /**
     * Trial-level sign agreement for single-output decision tasks: for each trial, the sign of the output averaged
     * over the decision steps {@code [from, to)} must equal the sign of the target there.
     */
    static double decisionSignAccuracy(TrialBatch batch, float[] outputs, int from, int to) {
        outputs(batch, outputs);
        int correct = 0;
        for (int b = 0; b < batch.trials(); b++) {
            double out = 0;
            double target = 0;
            for (int t = from; t < to; t++) {
                int i = batch.outputIndex(b, t, 0);
                out += outputs[i];
                target += batch.targets()[i];
            }
            if (Math.signum(out) == Math.signum(target) && target != 0) {
                correct++;
            }
        }
        return correct / (double) batch.trials();
    }

    /** The coherence magnitudes of the options as an array, in order. */
    static double[] magnitudes(List<Double> coherences) {
        return coherences.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Draws a signed coherence: a magnitude uniformly from {@code magnitudes}, negated with chance 1/2. */
    static double signedCoherence(double[] magnitudes, SplittableRandom rng) {
        double c = magnitudes[rng.nextInt(magnitudes.length)];
        return rng.nextBoolean() ? -c : c;
    }

    /** The names {@code prefix0..prefix(count-1)}. */
    static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /**
     * The single decision output of trial {@code b}: target {@code sign} with mask 1 in the decision period
     * {@code [decision, steps)}; with {@code fixateOutput} the mask is also 1 (target 0) on the steps before it.
     */
    static void decisionOutput(float[] targets, float[] mask, int steps, int b, int decision, float sign,
                               boolean fixateOutput) {
        fill(targets, steps, 1, b, decision, steps, 0, sign);
        fill(mask, steps, 1, b, fixateOutput ? 0 : decision, steps, 0, 1f);
    }

    /** Writes {@code value} at every step in {@code [from, to)} of channel {@code k} of trial {@code b}. */
    static void fill(float[] a, int steps, int size, int b, int from, int to, int k, float value) {
        for (int t = from; t < to; t++) {
            a[(b * steps + t) * size + k] = value;
        }
    }
}
