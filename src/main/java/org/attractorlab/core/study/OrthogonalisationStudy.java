package org.attractorlab.core.study;

import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OrthogonalisationIndex;
import org.attractorlab.core.analysis.decode.OrthogonalisationOptions;
import org.attractorlab.core.analysis.decode.OrthogonalisationResult;
import org.attractorlab.core.task.ConditionTable;

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
}
