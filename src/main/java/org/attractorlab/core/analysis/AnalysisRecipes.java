package org.attractorlab.core.analysis;

import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.pca.Pca;
import org.attractorlab.core.analysis.pca.PcaOptions;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.subspace.SubspaceAngleOptions;

/**
 * The options of each analysis as the command line builds them from its flags, with the task's defaults
 * ({@link AnalysisDefaults}) where a flag is not given. {@code analyze} and {@code export} both use these, so that
 * a figure shows what {@code analyze} writes. Refusals are {@link IllegalArgumentException}s naming the flag.
 */
public final class AnalysisRecipes {
    /** The RSA window when none is given: the last this many steps. */
    public static final int DEFAULT_RSA_WINDOW = 10;

    private AnalysisRecipes() {
    }

    /** PCA with {@code components} (at most the units), condition-averaged over a column if one is given. */
    public static PcaResult pca(HiddenStates h, int components, String averageColumn) {
        int k = Math.min(components, h.units());
        PcaOptions po = averageColumn == null ? PcaOptions.of(k) : PcaOptions.conditionAveraged(k, averageColumn);
        return Pca.compute(h, po);
    }

    /** The default RSA window [from, to): the last {@value #DEFAULT_RSA_WINDOW} steps. */
    public static int[] defaultRsaWindow(int steps) {
        return new int[]{Math.max(0, steps - DEFAULT_RSA_WINDOW), steps};
    }

    /**
     * RSA options.
     *
     * @param columns null: the task's condition columns
     * @param window  [from, to)
     * @param model   a condition column for the model RDM, or null
     */
    public static RsaOptions rsa(HiddenStates h, List<String> columns, int[] window, String distance, String model,
                                 String comparison) {
        List<String> cols = columns != null ? columns : AnalysisDefaults.conditionColumns(h.conditions());
        return new RsaOptions(cols, window[0], window[1], Distance.parse(distance), 2, -1, model,
                Comparison.parse(comparison));
    }

    /** Subspace-angle options over all steps, or null when the data has no column to group by. */
    public static SubspaceAngleOptions angles(HiddenStates h, String group, int k) {
        String g = group != null ? group : AnalysisDefaults.groupColumn(h.conditions());
        return g == null ? null : new SubspaceAngleOptions(g, k, 0, 0, h.steps());
    }

    /**
     * Fixed-point search options.
     *
     * @param method lm (Levenberg-Marquardt) or adam
     * @param input  the constant input u*, or null for zeros
     */
    public static FixedPointOptions fixedPoints(String method, int initial, double noise, float[] input,
                                                double dtMillis, long seed) {
        FixedPointOptions.Method m = switch (method.toLowerCase(Locale.ROOT)) {
            case "lm", "levenberg-marquardt" -> FixedPointOptions.Method.LEVENBERG_MARQUARDT;
            case "adam" -> FixedPointOptions.Method.ADAM;
            default -> throw new IllegalArgumentException("--fp-method = '" + method
                    + "' is not allowed: use lm or adam");
        };
        FixedPointOptions fo = FixedPointOptions.DEFAULTS.withMethod(m).withInitialStates(initial)
                .withInitialNoise(noise).withDtMillis(dtMillis).withSeed(seed);
        return input == null ? fo : fo.withInput(input);
    }

    /**
     * Decoding options for one target, or null when the decoder cannot decode it (a classifier on a continuous
     * column).
     *
     * @param decoder ridge, logistic, svm, or auto (logistic for categorical columns, ridge otherwise)
     */
    public static DecodingOptions decoding(HiddenStates h, String target, String decoder, int folds, int stride) {
        if (!h.conditions().has(target)) {
            throw new IllegalArgumentException("--decode-targets: no condition column '" + target + "'; columns are "
                    + h.conditions().names());
        }
        boolean categorical = AnalysisDefaults.isCategorical(h.conditions(), target);
        DecoderType type = decoder.equals("auto") ? (categorical ? DecoderType.LOGISTIC : DecoderType.RIDGE)
                : DecoderType.parse(decoder);
        if (type.isClassifier() && !categorical) {
            return null;
        }
        return DecodingOptions.of(target, type).withFolds(folds).withStepStride(Math.max(1, stride));
    }
}
