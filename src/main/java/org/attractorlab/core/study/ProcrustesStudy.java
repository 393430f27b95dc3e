package org.attractorlab.core.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTimeProcrustes;
import org.attractorlab.core.analysis.decode.CrossTimeProcrustesOptions;
import org.attractorlab.core.analysis.decode.CrossTimeProcrustesResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.ejml.data.DMatrixRMaj;

/**
 * Encoding vs memory subspaces of the N-back tasks (Lei, Ito &amp; Bashivan 2024, Fig. 4). The item shown at
 * position i is encoded at its encoding step and then held in memory at the encoding steps of the later positions
 * j &gt; i ({@link NBackSamples}). For each item i and each pair of successive time points (j, j + 1), j &gt;= i, the
 * orthogonal Procrustes rotation R(i; j) between the item's class-mean configurations of a feature at the two
 * times is fitted ({@link CrossTimeProcrustes#compute}); the lag j - i is 0 for the step from encoding into memory
 * and &gt;= 1 for retention in memory. Then the swap test ({@link CrossTimeProcrustes#swap}): the decoder of the
 * item at j is applied to its states at j + 1 mapped back with
 * <ul>
 *   <li>its own rotation R(i; j) ("own");</li>
 *   <li>the rotation of another stimulus at the same lag, R(i'; j') with i' = i + 1 (else i - 1) and j' - i' =
 *   j - i ("stimulus swap": is the transformation shared across stimuli?);</li>
 *   <li>the rotation of the same item at the next time pair R(i; j + 1) (else the previous one) ("time swap": is
 *   it shared across time?);</li>
 * </ul>
 * and with no rotation at all ("none"). A swap that keeps the "own" accuracy means the transformation is shared; one
 * that falls to the "none" level or chance means it is specific. All accuracies are k-fold cross-validated over
 * trials; NaN where there is no other pair to swap with.
 */
public final class ProcrustesStudy {
    private ProcrustesStudy() {
    }

    /**
     * @param feature the item's feature: location, identity or category
     * @param folds   folds of the cross-validation, 2..{@value DecodingStudy#MAX_FOLDS}
     */
    public record Settings(String feature, int folds) {
        public Settings withFeature(String f) {
            return new Settings(f, folds);
        }

        public Settings withFolds(int k) {
            return new Settings(feature, k);
        }
    }

    /** Category (the feature with the most classes that every task shows alike), 5 folds. */
    public static Settings defaultsFor(HiddenStates h) {
        return new Settings("category", DecodingOptions.DEFAULT_FOLDS);
    }

    /**
     * One time pair of one item.
     *
     * @param item           the item's position i
     * @param from           the first time point's position j (its encoding step is {@code fromStep})
     * @param fromStep       the step of time point j
     * @param toStep         the step of time point j + 1
     * @param residual       ||A R - B|| / ||B|| of the item's centred class means
     * @param accuracyAtFrom the decoder at j on j (cross-validated)
     * @param none           the decoder at j on j + 1, no rotation
     * @param own            ... mapped back with R(i; j)
     * @param stimulusSwap   ... with the rotation of another stimulus at the same lag, NaN if none
     * @param timeSwap       ... with the item's rotation at another time pair, NaN if none
     */
    public record Pair(int item, int from, int fromStep, int toStep, double residual, double accuracyAtFrom,
                       double none, double own, double stimulusSwap, double timeSwap) {
        /** j - i: 0 from encoding into memory, &gt;= 1 within memory. */
        public int lag() {
            return from - item;
        }
    }

    /**
     * @param settings the settings
     * @param pairs    every (item, time pair), by item then time
     * @param chance   1 / the feature's classes
     * @param summary  the mean accuracies at lag 0 and at lags &gt;= 1
     */
    public record Result(Settings settings, List<Pair> pairs, double chance, String summary) {
        public Result {
            pairs = List.copyOf(pairs);
        }

        /** The largest lag. */
        public int maxLag() {
            return pairs.stream().mapToInt(Pair::lag).max().orElse(0);
        }

        /** The mean of a column over the pairs of one lag (NaN values left out; NaN if none). */
        public double mean(int lag, java.util.function.ToDoubleFunction<Pair> column) {
            return pairs.stream().filter(p -> p.lag() == lag).mapToDouble(column)
                    .filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
        }
    }

    public static Result run(HiddenStates h, Settings s) {
        NBackSamples n = NBackSamples.of(h);
        NBackSamples.checkFeature("procrustes.feature", s.feature());
        if (s.folds() < 2 || s.folds() > DecodingStudy.MAX_FOLDS) {
            throw StudyException.notAllowed("procrustes.folds", s.folds(), "use 2.." + DecodingStudy.MAX_FOLDS);
        }
        int positions = n.positions();
        if (positions < 2) {
            throw new StudyException("procrustes: needs at least two stimulus positions, got " + positions);
        }
        CrossTimeProcrustesOptions o = new CrossTimeProcrustesOptions(DecoderType.LOGISTIC, 1.0, s.folds(), 0L);
        DMatrixRMaj[] x = new DMatrixRMaj[positions];
        for (int p = 0; p < positions; p++) {
            x[p] = n.statesAt(n.encodingStep(p));
        }
        double[][] y = new double[positions][];
        int classes = 0;
        for (int p = 0; p < positions; p++) {
            y[p] = n.labels(s.feature(), p);
            classes = Math.max(classes, (int) java.util.Arrays.stream(y[p]).distinct().count());
        }
        List<Pair> pairs = new ArrayList<>();
        try {
            for (int i = 0; i < positions - 1; i++) {
                for (int j = i; j < positions - 1; j++) {
                    CrossTimeProcrustesResult own = CrossTimeProcrustes.compute(x[j], x[j + 1], y[i], o);
                    int other = i + 1 < positions - 1 && j + 1 < positions - 1 ? i + 1 : i - 1;
                    int otherFrom = other + (j - i);
                    double stimulus = other >= 0 && otherFrom < positions - 1
                            ? CrossTimeProcrustes.swap(x[otherFrom], x[otherFrom + 1], y[other], x[j], x[j + 1], y[i], o)
                            : Double.NaN;
                    int t = j + 1 < positions - 1 ? j + 1 : j - 1;
                    double time = t >= i && t != j
                            ? CrossTimeProcrustes.swap(x[t], x[t + 1], y[i], x[j], x[j + 1], y[i], o) : Double.NaN;
                    pairs.add(new Pair(i, j, n.encodingStep(j), n.encodingStep(j + 1), own.relativeResidual(),
                            own.accuracyAtT1(), own.accuracyBefore(), own.accuracyAfter(), stimulus, time));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new StudyException("procrustes of " + s.feature() + ": " + e.getMessage());
        }
        Result partial = new Result(s, pairs, 1.0 / classes, "");
        String summary = String.format(Locale.ROOT, "%s, encoding to memory: own rotation %.2f, stimulus swap %.2f,"
                        + " time swap %.2f, none %.2f; in memory: own %.2f, stimulus swap %.2f, time swap %.2f, "
                        + "none %.2f (chance %.2f)", s.feature(), partial.mean(0, Pair::own),
                partial.mean(0, Pair::stimulusSwap), partial.mean(0, Pair::timeSwap), partial.mean(0, Pair::none),
                memoryMean(partial, Pair::own), memoryMean(partial, Pair::stimulusSwap),
                memoryMean(partial, Pair::timeSwap), memoryMean(partial, Pair::none), 1.0 / classes);
        return new Result(s, pairs, 1.0 / classes, summary);
    }

    /** The mean of a column over the pairs of lag &gt;= 1, NaN values left out. */
    public static double memoryMean(Result r, java.util.function.ToDoubleFunction<Pair> column) {
        return r.pairs().stream().filter(p -> p.lag() >= 1).mapToDouble(column).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }
}
