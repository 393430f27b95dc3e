package org.attractorlab.core.study;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.task.ConditionTable;

/**
 * Cross-temporal decoding of one condition column: a linear decoder trained at one step and tested at another,
 * k-fold cross-validated, for every pair of decoded steps.
 */
public final class DecodingStudy {
    /** By default at most this many steps are decoded (the stride is chosen to fit). */
    public static final int MAX_DEFAULT_STEPS = 25;
    /** The largest number of folds allowed. */
    public static final int MAX_FOLDS = 20;

    private DecodingStudy() {
    }

    /** The decoder choice: a decoder, or auto (logistic for a categorical target, ridge otherwise). */
    public enum Decoder {
        AUTO, RIDGE, LOGISTIC, SVM;

        /** The decoder for a target; auto resolves by whether the column is categorical. */
        public DecoderType resolve(boolean categorical) {
            return switch (this) {
                case AUTO -> categorical ? DecoderType.LOGISTIC : DecoderType.RIDGE;
                case RIDGE -> DecoderType.RIDGE;
                case LOGISTIC -> DecoderType.LOGISTIC;
                case SVM -> DecoderType.SVM;
            };
        }

        /** auto, ridge, logistic or svm; anything else is refused naming the choices. */
        public static Decoder parse(String s) {
            for (Decoder d : values()) {
                if (d.toString().equals(s.trim().toLowerCase(Locale.ROOT))) {
                    return d;
                }
            }
            throw StudyException.notAllowed("decoding.decoder", s, "use auto, ridge, logistic or svm");
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param target  the condition column decoded
     * @param decoder the decoder, or auto
     * @param folds   cross-validation folds, 2..{@value #MAX_FOLDS}
     * @param stride  decode every this many steps, &gt;= 1
     */
    public record Settings(String target, Decoder decoder, int folds, int stride) {
        public Settings withTarget(String t) {
            return new Settings(t, decoder, folds, stride);
        }

        public Settings withDecoder(Decoder d) {
            return new Settings(target, d, folds, stride);
        }

        public Settings withFolds(int k) {
            return new Settings(target, decoder, k, stride);
        }

        public Settings withStride(int s) {
            return new Settings(target, decoder, folds, s);
        }

        /**
         * The decoding options on {@code table}, the decoder resolved; refuses, with a message for the user, a
         * missing or constant target, a classifier on a continuous column, a class with fewer than 2 trials, and
         * more folds than trials.
         */
        public DecodingOptions options(ConditionTable table) {
            Columns.require(table, "decoding.target", target);
            if (folds < 2 || folds > MAX_FOLDS) {
                throw StudyException.notAllowed("decoding.folds", folds, "use 2.." + MAX_FOLDS);
            }
            if (stride < 1) {
                throw StudyException.notAllowed("decoding.stride", stride, "use a stride of at least 1 step");
            }
            boolean categorical = Columns.isCategorical(table, target);
            DecoderType type = decoder.resolve(categorical);
            double[] y = table.column(target);
            TreeMap<Double, Integer> counts = new TreeMap<>();
            for (double v : y) {
                counts.merge(v, 1, Integer::sum);
            }
            if (counts.size() < 2) {
                throw new StudyException("'" + target + "' is " + table.labelOf(target, y[0]) + " in all "
                        + y.length + " trials: a constant target cannot be decoded. Choose another target.");
            }
            if (type.isClassifier()) {
                if (!categorical) {
                    throw new StudyException("'" + target + "' is continuous (" + counts.size()
                            + " distinct values): " + type.key() + " needs class labels. Use ridge (or auto).");
                }
                for (var e : counts.entrySet()) {
                    if (e.getValue() < 2) {
                        throw new StudyException("too few trials of a class for " + folds + "-fold decoding: "
                                + target + " = " + table.labelOf(target, e.getKey()) + " has " + e.getValue()
                                + " trial of " + y.length + "; every class needs at least 2. Choose another "
                                + "target, or ridge.");
                    }
                }
            }
            if (folds > y.length) {
                throw new StudyException(folds + " folds need at least " + folds + " trials; there are " + y.length);
            }
            return DecodingOptions.of(target, type).withFolds(folds).withStepStride(stride);
        }
    }

    /**
     * @param settings the settings
     * @param options  the options they gave on the data (the decoder resolved)
     * @param decoding the cross-temporal scores
     * @param chance   chance level: 1 / classes for accuracy, 0 for r^2
     * @param summary  the within-step scores in words
     */
    public record Result(Settings settings, DecodingOptions options, CrossTemporalResult decoding, double chance,
                         String summary) {
    }

    /** The default stride: at most {@value #MAX_DEFAULT_STEPS} decoded steps, ceil(T / 25). */
    public static int defaultStride(int steps) {
        return Math.max(1, (steps + MAX_DEFAULT_STEPS - 1) / MAX_DEFAULT_STEPS);
    }

    /** The index of the entry of {@code steps} (ascending decoded steps) closest to step {@code t}, the first on a tie. */
    public static int nearestStep(int[] steps, int t) {
        int best = 0;
        for (int i = 1; i < steps.length; i++) {
            if (Math.abs(steps[i] - t) < Math.abs(steps[best] - t)) {
                best = i;
            }
        }
        return best;
    }

    /** The first of {@link Columns#decodeTargets}, auto decoder, 5 folds, {@link #defaultStride}. */
    public static Settings defaultsFor(HiddenStates h) {
        List<String> targets = Columns.decodeTargets(h.conditions());
        List<String> all = Columns.targetChoices(h.conditions());
        String target = !targets.isEmpty() ? targets.get(0) : all.isEmpty() ? null : all.get(0);
        return new Settings(target, Decoder.AUTO, DecodingOptions.DEFAULT_FOLDS, defaultStride(h.steps()));
    }

    /** The defaults, decoding {@code target}. */
    public static Settings defaultsFor(HiddenStates h, String target) {
        return defaultsFor(h).withTarget(target);
    }

    public static Result run(HiddenStates h, Settings s) {
        ConditionTable table = h.conditions();
        DecodingOptions o = s.options(table);
        CrossTemporalResult r;
        try {
            r = Decoding.crossTemporal(h, o);
        } catch (IllegalArgumentException e) {
            throw new StudyException("decoding '" + o.targetColumn() + "' with " + o.type().key() + ": "
                    + e.getMessage());
        }
        double chance = o.type().isClassifier() ? 1.0 / Columns.distinct(table, o.targetColumn()) : 0;
        double[] diag = r.diagonal();
        int best = 0;
        for (int i = 1; i < diag.length; i++) {
            if (diag[i] > diag[best] || Double.isNaN(diag[best])) {
                best = i;
            }
        }
        String metric = o.type().isClassifier() ? "accuracy" : "r\u00b2";
        String summary = String.format(Locale.ROOT, "Within-step %s: %.2f at step %d, max %.2f at step %d (%d-fold)",
                metric, diag[0], r.steps()[0], diag[best], r.steps()[best], o.folds());
        return new Result(s, o, r, chance, summary);
    }
}
