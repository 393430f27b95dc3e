package org.attractorlab.app.panes.fixedpoints;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions.Method;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TrialBatch;

/**
 * The settings of a fixed-point search as the user edits them (text, so that a half-typed value is kept as typed),
 * and their validation into {@link FixedPointOptions}. Every message names the setting and the bad value. FX thread
 * only.
 */
public final class SearchSettings {

    /** Where the constant input u* comes from. */
    public enum InputMode {
        /** The task's {@link Task#restingInput()}: fixation on, no evidence for the evidence task; zeros for most. */
        REST("task's resting input"),
        ZERO("zero input"),
        PROBE("input of a probe trial"),
        CUSTOM("custom values");

        private final String label;

        InputMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the input is checked against.
     *
     * @param inputNames  the network's input channels (their count is the input size)
     * @param probeTrials trials of the probe batch
     * @param probeSteps  steps of the probe batch
     */
    public record Context(List<String> inputNames, int probeTrials, int probeSteps) {
        /** The task's inputs, and the trials and steps of {@code states} (null: a probe batch of the task). */
        public static Context of(Task task, HiddenStates states) {
            return new Context(task.inputNames(), states != null ? states.trials() : Probe.TRIALS,
                    states != null ? states.steps() : task.steps());
        }
    }

    /**
     * Valid settings.
     *
     * @param options      the search options; the input is set for the resting input (null when it is zero) and
     *                     custom values, null otherwise
     * @param probeTrial   for {@link InputMode#PROBE}, the trial whose input is u*; else -1
     * @param probeStep    for {@link InputMode#PROBE}, the step; else -1
     * @param refreshEvery search again every this many training steps, 0 = on demand only
     */
    public record Parsed(FixedPointOptions options, int probeTrial, int probeStep, int refreshEvery) {
        /**
         * The options to search with on states of {@code batch}: for {@link InputMode#PROBE}, with the input of the
         * probe trial at the probe step as u*. Throws {@link IllegalArgumentException} when the batch has no such
         * trial or step.
         */
        public FixedPointOptions optionsFor(TrialBatch batch) {
            if (probeTrial < 0) {
                return options;
            }
            if (batch == null || probeTrial >= batch.trials() || probeStep >= batch.steps()) {
                throw new IllegalArgumentException("The frame has no probe input for trial " + probeTrial
                        + " at step " + probeStep);
            }
            float[] u = new float[batch.inputSize()];
            System.arraycopy(batch.inputs(), batch.inputIndex(probeTrial, probeStep, 0), u, 0, u.length);
            return options.withInput(u);
        }
    }

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");

    private final ObjectProperty<InputMode> inputMode = new SimpleObjectProperty<>(InputMode.REST);
    private final StringProperty inputValues = new SimpleStringProperty("");
    private final StringProperty probeTrial = new SimpleStringProperty("0");
    private final StringProperty probeStep = new SimpleStringProperty("0");
    private final StringProperty initialStates = new SimpleStringProperty(
            String.valueOf(FixedPointOptions.DEFAULTS.initialStates()));
    private final StringProperty initialNoise = new SimpleStringProperty(
            String.valueOf(FixedPointOptions.DEFAULTS.initialNoise()));
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.LEVENBERG_MARQUARDT);
    private final StringProperty tolQ = new SimpleStringProperty("1e-12");
    private final StringProperty slowQ = new SimpleStringProperty("1e-4");
    private final StringProperty refreshEvery = new SimpleStringProperty("0");
    private final javafx.beans.property.BooleanProperty atEnd = new javafx.beans.property.SimpleBooleanProperty(true);

    public ObjectProperty<InputMode> inputModeProperty() {
        return inputMode;
    }

    /** Comma-separated values of u* for {@link InputMode#CUSTOM}. */
    public StringProperty inputValuesProperty() {
        return inputValues;
    }

    public StringProperty probeTrialProperty() {
        return probeTrial;
    }

    public StringProperty probeStepProperty() {
        return probeStep;
    }

    public StringProperty initialStatesProperty() {
        return initialStates;
    }

    public StringProperty initialNoiseProperty() {
        return initialNoise;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public StringProperty tolQProperty() {
        return tolQ;
    }

    public StringProperty slowQProperty() {
        return slowQ;
    }

    /** Training steps between automatic searches, 0 = on demand only. */
    public StringProperty refreshEveryProperty() {
        return refreshEvery;
    }

    /**
     * Whether to search on the last frame of a run when training ends (and on a finished session when it opens), so
     * that the attractors appear without pressing Find. On by default.
     */
    public javafx.beans.property.BooleanProperty atEndProperty() {
        return atEnd;
    }

    /** Every property, for listening to any change. */
    Observable[] all() {
        return new Observable[]{inputMode, inputValues, probeTrial, probeStep, initialStates, initialNoise, method,
                tolQ, slowQ, refreshEvery, atEnd};
    }

    /**
     * Checks every setting and returns the parsed settings, or throws {@link IllegalArgumentException} whose message
     * names the first bad setting and its value. What the pane does not edit (the step duration, the seed, the
     * tolerances of merging and outliers) and the resting input come from {@code defaults}, the study's defaults for
     * the experiment ({@link org.attractorlab.core.study.FixedPointStudy#defaultsFor}): so the pane searches with the
     * config's seed and at the task's resting input, as the command line does.
     */
    public Parsed parse(Context context, FixedPointOptions defaults) {
        int states = wholeNumber("Initial states", initialStates.get());
        if (states < 1 || states > FixedPointOptions.MAX_INITIAL_STATES) {
            throw new IllegalArgumentException("Initial states must be from 1 to "
                    + FixedPointOptions.MAX_INITIAL_STATES + ", not " + states);
        }
        double noise = number("Initial noise std", initialNoise.get());
        if (!(noise >= 0)) {
            throw new IllegalArgumentException("Initial noise std must be >= 0, not " + initialNoise.get().trim());
        }
        double tol = number("tol q", tolQ.get());
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tol q must be > 0, not " + tolQ.get().trim());
        }
        double slow = number("slow-point q", slowQ.get());
        if (!(slow >= tol)) {
            throw new IllegalArgumentException("slow-point q must be >= tol q (" + tolQ.get().trim() + "), not "
                    + slowQ.get().trim());
        }
        int refresh = wholeNumber("Refresh every", refreshEvery.get());
        if (refresh < 0) {
            throw new IllegalArgumentException("Refresh every must be >= 0 steps (0 = on demand only), not " + refresh);
        }
        Method m = method.get() == null ? Method.LEVENBERG_MARQUARDT : method.get();
        FixedPointOptions o = new FixedPointOptions(null, states, noise, m, m.defaultMaxIterations(), tol, slow,
                defaults.uniqueTolerance(), defaults.outlierFactor(), defaults.adamLearningRate(), defaults.dtMillis(),
                defaults.seed(), defaults.threads());
        return switch (inputMode.get() == null ? InputMode.REST : inputMode.get()) {
            case REST -> new Parsed(o.withInput(defaults.input()), -1, -1, refresh);
            case ZERO -> new Parsed(o, -1, -1, refresh);
            case CUSTOM -> new Parsed(o.withInput(customInput(context)), -1, -1, refresh);
            case PROBE -> {
                int trial = wholeNumber("Probe trial", probeTrial.get());
                int step = wholeNumber("Probe step", probeStep.get());
                if (trial < 0 || trial >= context.probeTrials()) {
                    throw new IllegalArgumentException("Probe trial must be from 0 to " + (context.probeTrials() - 1)
                            + ", not " + trial);
                }
                if (step < 0 || step >= context.probeSteps()) {
                    throw new IllegalArgumentException("Probe step must be from 0 to " + (context.probeSteps() - 1)
                            + ", not " + step);
                }
                yield new Parsed(o, trial, step, refresh);
            }
        };
    }

    private float[] customInput(Context context) {
        String text = inputValues.get() == null ? "" : inputValues.get().trim();
        List<String> names = context.inputNames();
        String[] parts = text.isEmpty() ? new String[0] : text.split("\\s*,\\s*", -1);
        if (parts.length != names.size()) {
            throw new IllegalArgumentException("Input u* needs " + names.size() + " comma-separated values ("
                    + String.join(", ", names) + "), not " + parts.length + (text.isEmpty() ? "" : ": " + text));
        }
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            double v = number("Input u* (" + names.get(i) + ")", parts[i]);
            values.add((float) v);
        }
        float[] u = new float[values.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = values.get(i);
        }
        return u;
    }

    private static int wholeNumber(String name, String text) {
        String t = text == null ? "" : text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a whole number");
        }
        return Integer.parseInt(t);
    }

    private static double number(String name, String text) {
        String t = text == null ? "" : text.trim();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a number", e);
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a finite number");
        }
        return v;
    }

    /**
     * u* in a short form for status lines, e.g. "the resting input (fixation = 1)", "zero input" or "input of trial 3
     * at step 20"; the resting input in the study's words for {@code task}.
     */
    String describeInput(Parsed p, Task task) {
        return switch (inputMode.get() == null ? InputMode.REST : inputMode.get()) {
            case REST -> org.attractorlab.core.study.FixedPointStudy.describeInput(task, p.options().input());
            case ZERO -> "zero input";
            case PROBE -> String.format(Locale.ROOT, "input of trial %d at step %d", p.probeTrial(), p.probeStep());
            case CUSTOM -> "u* = (" + inputValues.get().trim() + ")";
        };
    }
}
