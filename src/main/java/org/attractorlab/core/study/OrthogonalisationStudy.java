package org.attractorlab.core.study;

import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OrthogonalisationIndex;
import org.attractorlab.core.analysis.decode.OrthogonalisationOptions;
import org.attractorlab.core.analysis.decode.OrthogonalisationResult;
import org.attractorlab.core.task.ConditionTable;
import org.ejml.data.DMatrixRMaj;

/**
 * The orthogonalisation index of a categorical column at one step (Lei et al.): how close to orthogonal the
 * one-vs-rest decoders of its classes are.
 */
public final class OrthogonalisationStudy {
    private OrthogonalisationStudy() {
    }

    /**
     * @param column the categorical column
     * @param step   the step decoded
     * @param index  the index and the decoders' cosines
     */
    public record Result(String column, int step, OrthogonalisationResult index) {
    }

    /** Whether the index applies to a column: categorical with more than two classes. */
    public static boolean appliesTo(ConditionTable table, String column) {
        return table.has(column) && Columns.isCategorical(table, column) && Columns.distinct(table, column) > 2;
    }

    /** The index of {@code column} at {@code step} (-1: the last step), with the default decoder (linear SVM). */
    public static Result run(HiddenStates h, String column, int step) {
        Columns.require(h.conditions(), "orthogonalisation.column", column);
        int t = step < 0 ? h.steps() - 1 : step;
        if (t >= h.steps()) {
            throw StudyException.notAllowed("orthogonalisation.step", step, "use 0.." + (h.steps() - 1));
        }
        if (!appliesTo(h.conditions(), column)) {
            throw new StudyException("orthogonalisation: '" + column + "' needs to be categorical with more than "
                    + "two classes");
        }
        return new Result(column, t, OrthogonalisationIndex.compute(h, column, t, OrthogonalisationOptions.DEFAULTS));
    }

    /**
     * The perceptual vs encoding comparison of one N-back feature at one step (Lei et al.: features are less
     * orthogonal in the RNN than in the CNN).
     *
     * @param feature    location, identity or category
     * @param step       the step (a stimulus step)
     * @param position   the stimulus position shown there, whose feature labels the trials
     * @param perceptual the index in the stimulus inputs (the CNN features of the objects, without the task cue)
     * @param encoding   the index in the hidden states at the same step
     */
    public record Comparison(String feature, int step, int position, OrthogonalisationResult perceptual,
                             OrthogonalisationResult encoding) {
        /** "category at step 5: perceptual 0.61, encoding 0.42". */
        public String summary() {
            return String.format(java.util.Locale.ROOT, "%s at step %d: perceptual %.2f, encoding %.2f", feature,
                    step, perceptual.index(), encoding.index());
        }
    }

    /** Whether the perceptual vs encoding comparison applies: N-back states with their probe batch. */
    public static boolean comparisonAppliesTo(HiddenStates h) {
        return h.batch() != null && NBackSamples.appliesTo(h.conditions());
    }

    /**
     * The index of an N-back feature with more than two classes at {@code step} (-1: the last step), in the stimulus
     * inputs and in the hidden states of every trial there, labelled with the feature of the stimulus shown at
     * that step, with the default decoder (linear SVM).
     */
    public static Comparison compare(HiddenStates h, String feature, int step) {
        NBackSamples n = NBackSamples.of(h);
        NBackSamples.checkFeature("orthogonalisation.feature", feature);
        int t = step < 0 ? h.steps() - 1 : step;
        if (t >= h.steps()) {
            throw StudyException.notAllowed("orthogonalisation.step", step, "use 0.." + (h.steps() - 1));
        }
        int p = n.positionOf(t);
        double[] y = n.labels(feature, p);
        if (java.util.Arrays.stream(y).distinct().count() <= 2) {
            throw new StudyException("orthogonalisation: " + feature + " needs more than two classes at step " + t);
        }
        DMatrixRMaj stimulus = n.stimulusAt(t);
        try {
            return new Comparison(feature, t, p,
                    OrthogonalisationIndex.compute(stimulus, y, OrthogonalisationOptions.DEFAULTS),
                    OrthogonalisationIndex.compute(n.statesAt(t), y, OrthogonalisationOptions.DEFAULTS));
        } catch (IllegalArgumentException e) {
            throw new StudyException("orthogonalisation of " + feature + " at step " + t + ": " + e.getMessage());
        }
    }

    /**
     * {@link #compare} for each of location, identity and category that has more than two classes at
     * {@code step} (-1: the last step), in that order; refused when none has.
     */
    public static java.util.List<Comparison> compareAll(HiddenStates h, int step) {
        NBackSamples n = NBackSamples.of(h);
        int t = step < 0 ? h.steps() - 1 : step;
        if (t >= h.steps()) {
            throw StudyException.notAllowed("orthogonalisation.step", step, "use 0.." + (h.steps() - 1));
        }
        java.util.List<Comparison> out = new java.util.ArrayList<>();
        for (String f : NBackSamples.FEATURES) {
            if (java.util.Arrays.stream(n.labels(f, n.positionOf(t))).distinct().count() > 2) {
                out.add(compare(h, f, t));
            }
        }
        if (out.isEmpty()) {
            throw new StudyException("orthogonalisation: no feature has more than two classes at step " + t);
        }
        return out;
    }
}
