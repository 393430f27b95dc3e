package org.attractorlab.core.study;

import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.Pca;
import org.attractorlab.core.analysis.pca.PcaOptions;
import org.attractorlab.core.analysis.pca.PcaResult;

/** Principal components of the hidden states, and the states projected on them. */
public final class PcaStudy {
    /** Components kept by default (the 3D pane and its figure take the first three). */
    public static final int DEFAULT_COMPONENTS = 10;

    private PcaStudy() {
    }

    /**
     * @param components    components kept (at most the units; more are cut to the units)
     * @param averageColumn condition-average over this column before fitting, or null to fit all states
     */
    public record Settings(int components, String averageColumn) {
        public Settings withComponents(int k) {
            return new Settings(k, averageColumn);
        }

        public Settings withAverageColumn(String column) {
            return new Settings(components, column);
        }

        /** The refusals of these settings on {@code h}, as a {@link StudyException}. */
        public void validate(HiddenStates h) {
            if (components < 1) {
                throw StudyException.notAllowed("pca.components", components, "use at least 1 component");
            }
            if (averageColumn != null) {
                Columns.require(h.conditions(), "pca.average_column", averageColumn);
            }
        }
    }

    /**
     * @param settings    what was computed
     * @param pca         the components, mean and explained variance
     * @param projections the states on the components, [trials, steps, k]
     * @param summary     one line: the variance the first components explain
     */
    public record Result(Settings settings, PcaResult pca, float[] projections, String summary) {
    }

    /** {@value #DEFAULT_COMPONENTS} components, no condition average. */
    public static Settings defaultsFor(HiddenStates h) {
        return new Settings(DEFAULT_COMPONENTS, null);
    }

    /** The components, mean and explained variance of {@code h}, without projecting the states on them. */
    public static PcaResult fit(HiddenStates h, Settings s) {
        s.validate(h);
        int k = Math.min(s.components(), h.units());
        PcaOptions o = s.averageColumn() == null ? PcaOptions.of(k) : PcaOptions.conditionAveraged(k, s.averageColumn());
        return Pca.compute(h, o);
    }

    public static Result run(HiddenStates h, Settings s) {
        PcaResult p = fit(h, s);
        double[] cum = p.cumulativeExplainedVarianceRatio();
        int three = Math.min(3, p.k()) - 1;
        String summary = String.format(Locale.ROOT, "%d components; the first %d explain %.1f%% of the variance",
                p.k(), three + 1, 100 * cum[three]);
        return new Result(s, p, p.project(h), summary);
    }
}
