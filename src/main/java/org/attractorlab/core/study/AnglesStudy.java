package org.attractorlab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.subspace.SubspaceAngleOptions;
import org.attractorlab.core.analysis.subspace.SubspaceAngleResult;
import org.attractorlab.core.analysis.subspace.SubspaceAngles;
import org.attractorlab.core.task.ConditionTable;

/**
 * Task-subspace angles: the trials are grouped by one condition column, each group's states (over a window of
 * steps) span a k-dimensional top-PC subspace, and every pair of groups has its principal angles.
 */
public final class AnglesStudy {
    /** The default subspace dimension. */
    public static final int DEFAULT_K = 3;

    private AnglesStudy() {
    }

    /**
     * @param groupColumn the column whose values are the groups
     * @param k           dimension of every group's subspace
     * @param fromStep    first step of the window
     * @param toStep      one past the last step of the window
     */
    public record Settings(String groupColumn, int k, int fromStep, int toStep) {
        public Settings withGroupColumn(String c) {
            return new Settings(c, k, fromStep, toStep);
        }

        public Settings withK(int d) {
            return new Settings(groupColumn, d, fromStep, toStep);
        }

        public Settings withWindow(int from, int to) {
            return new Settings(groupColumn, k, from, to);
        }

        public SubspaceAngleOptions options() {
            return new SubspaceAngleOptions(groupColumn, k, 0, fromStep, toStep);
        }

        /** Refuses settings or data that cannot give angles: a missing column, one group, k too large, small groups. */
        public void validate(HiddenStates h) {
            ConditionTable table = h.conditions();
            if (groupColumn == null) {
                throw new StudyException("angles.group: the data has no condition column with two or more values "
                        + "to group by; the columns are " + table.names());
            }
            Columns.require(table, "angles.group", groupColumn);
            Windows.check("angles.window", fromStep, toStep, h.steps());
            if (k < 1 || k > h.units()) {
                throw StudyException.notAllowed("angles.k", k, "use 1.." + h.units() + " (the hidden units)");
            }
            double[] column = table.column(groupColumn);
            double[] groups = Columns.values(table, groupColumn);
            if (groups.length < 2) {
                throw new StudyException("all trials have the same " + groupColumn
                        + ": subspace angles need at least two groups");
            }
            int span = toStep - fromStep;
            for (double v : groups) {
                long trials = Arrays.stream(column).filter(x -> Double.compare(x, v) == 0).count();
                if (trials * span <= k) {
                    throw new StudyException("group " + groupColumn + "=" + table.labelOf(groupColumn, v)
                            + " is too small: " + trials + " trials x " + span + " steps = " + trials * span
                            + " samples, but a " + k + "-dimensional subspace needs at least " + (k + 1)
                            + ". Lower k, widen the step window or group by a column with fewer values.");
                }
            }
        }
    }

    /**
     * @param settings the settings
     * @param angles   the subspaces and their angles
     * @param labels   one label per group, e.g. {@code "context=1"}
     * @param summary  one line: groups and the mean angle between them
     */
    public record Result(Settings settings, SubspaceAngleResult angles, List<String> labels, String summary) {
        /** Mean principal angle between groups i and j, in degrees. */
        public double meanDegrees(int i, int j) {
            return Math.toDegrees(angles.meanAngle()[i][j]);
        }
    }

    /** Grouped by {@link Columns#groupColumn}, k = 3 (at most the units), all steps. */
    public static Settings defaultsFor(HiddenStates h) {
        return new Settings(Columns.groupColumn(h.conditions()), Math.min(DEFAULT_K, h.units()), 0, h.steps());
    }

    public static Result run(HiddenStates h, Settings s) {
        s.validate(h);
        SubspaceAngleResult r = SubspaceAngles.compute(h, s.options());
        ConditionTable table = h.conditions();
        List<String> labels = new ArrayList<>();
        for (double g : r.groups()) {
            labels.add(s.groupColumn() + "=" + table.labelOf(s.groupColumn(), g));
        }
        int n = r.groupCount();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += Math.toDegrees(r.meanAngle()[i][j]);
            }
        }
        String summary = String.format(Locale.ROOT, "%d groups by %s; mean angle between groups %.1f deg (k = %d)",
                n, s.groupColumn(), n > 1 ? sum / (n * (n - 1) / 2.0) : 0, s.k());
        return new Result(s, r, List.copyOf(labels), summary);
    }
}
