package org.attractorlab.core.study;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.NoiseCovariance;
import org.attractorlab.core.analysis.rsa.Rsa;
import org.attractorlab.core.analysis.rsa.RsaOptions;
import org.attractorlab.core.analysis.rsa.RsaResult;

/**
 * Representational similarity: the RDM of the condition patterns (states averaged over a window of steps, grouped
 * by condition columns) and its comparison with the model RDM of one condition column.
 */
public final class RsaStudy {
    /** The default window: the last this many steps. */
    public static final int DEFAULT_WINDOW = 10;
    /** Crossnobis folds (trial m of a condition in fold m mod 2). */
    public static final int CROSSNOBIS_FOLDS = 2;

    private RsaStudy() {
    }

    /**
     * @param columns    the condition columns whose value combinations are the conditions
     * @param distance   the dissimilarity
     * @param fromStep   first step of the window
     * @param toStep     one past the last step of the window
     * @param model      the model RDM's column, or null for none
     * @param comparison how the RDM is compared with the model RDM
     */
    public record Settings(List<String> columns, Distance distance, int fromStep, int toStep, String model,
                           Comparison comparison) {
        public Settings {
            columns = List.copyOf(columns);
        }

        public Settings withColumns(List<String> c) {
            return new Settings(c, distance, fromStep, toStep, model, comparison);
        }

        public Settings withDistance(Distance d) {
            return new Settings(columns, d, fromStep, toStep, model, comparison);
        }

        public Settings withWindow(int from, int to) {
            return new Settings(columns, distance, from, to, model, comparison);
        }

        public Settings withModel(String m) {
            return new Settings(columns, distance, fromStep, toStep, m, comparison);
        }

        public Settings withComparison(Comparison c) {
            return new Settings(columns, distance, fromStep, toStep, model, c);
        }

        /** The analysis options. */
        public RsaOptions options() {
            return new RsaOptions(columns, fromStep, toStep, distance, CROSSNOBIS_FOLDS, NoiseCovariance.AUTOMATIC,
                    model, comparison);
        }

        /** Refuses settings that do not fit {@code h}, naming the setting. */
        public void validate(HiddenStates h) {
            if (columns.isEmpty()) {
                throw new StudyException("rsa.columns: choose at least one condition column; the columns are "
                        + h.conditions().names());
            }
            for (String c : columns) {
                Columns.require(h.conditions(), "rsa.columns", c);
            }
            Windows.check("rsa.window", fromStep, toStep, h.steps());
            if (model != null) {
                Columns.require(h.conditions(), "rsa.model", model);
            }
        }
    }

    /**
     * @param settings the settings
     * @param options  the analysis options they gave
     * @param rsa      the RDM, model RDM and score
     * @param grouping the conditions (in RDM order) and the condition of every trial
     * @param summary  the comparison in words, e.g. "Kendall tau-a vs bit0: 0.53", or "no model RDM"
     */
    public record Result(Settings settings, RsaOptions options, RsaResult rsa, ConditionGrouping grouping,
                         String summary) {
    }

    /**
     * The task's condition columns ({@link Columns#conditionColumns}), correlation distance, the last
     * {@value #DEFAULT_WINDOW} steps, the model RDM of the first condition column, Kendall's tau-a.
     */
    public static Settings defaultsFor(HiddenStates h) {
        List<String> cols = Columns.conditionColumns(h.conditions());
        return new Settings(cols, Distance.CORRELATION, Math.max(0, h.steps() - DEFAULT_WINDOW), h.steps(),
                cols.isEmpty() ? null : cols.get(0), Comparison.KENDALL_TAU_A);
    }

    public static Result run(HiddenStates h, Settings s) {
        s.validate(h);
        RsaOptions o = s.options();
        RsaResult r = Rsa.compute(h, o);
        return new Result(s, o, r, ConditionGrouping.of(h.conditions(), o.conditionColumns()), scoreText(o, r));
    }

    /** The trials of condition {@code condition} of a grouping, ascending. */
    public static Set<Integer> trialsOf(ConditionGrouping g, int condition) {
        int[] of = g.conditionOfTrial();
        Set<Integer> out = new TreeSet<>();
        for (int t = 0; t < of.length; t++) {
            if (of[t] == condition) {
                out.add(t);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** The comparison in words: "Kendall tau-a vs bit0: 0.53", or "no model RDM". */
    public static String scoreText(RsaOptions o, RsaResult r) {
        if (o.modelColumn() == null) {
            return "no model RDM";
        }
        String value = Double.isNaN(r.score()) ? "undefined (an RDM is constant)"
                : String.format(Locale.ROOT, "%.2f", r.score());
        return comparisonName(o.comparison()) + " vs " + o.modelColumn() + ": " + value;
    }

    /** "Spearman rho", "Kendall tau-a", "Pearson r" or "cosine similarity". */
    public static String comparisonName(Comparison c) {
        return switch (c) {
            case SPEARMAN -> "Spearman rho";
            case KENDALL_TAU_A -> "Kendall tau-a";
            case PEARSON -> "Pearson r";
            case COSINE -> "cosine similarity";
        };
    }
}
