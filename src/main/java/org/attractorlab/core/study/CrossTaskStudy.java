package org.attractorlab.core.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossConditionResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.task.ConditionTable;
import org.ejml.data.DMatrixRMaj;

/**
 * Cross-task generalisation and task-relevant vs task-irrelevant decoding of the N-back tasks (Lei, Ito &amp;
 * Bashivan 2024, Figs. 2 and 3). The samples are the encoding states of every trial and stimulus position
 * ({@link NBackSamples}), labelled with the feature of the stimulus shown there. For each decoded feature (location,
 * identity, category) and each pair of tasks (A, B) present in the states, a linear classifier of the feature is
 * fitted on all of A's samples and scored on all of B's ({@link Decoding#crossCondition}); the diagonal (A = B) is
 * k-fold cross-validated within A. The nine tasks are (feature x N) pairs, so the matrix of one feature is up to
 * 9 x 9: every task's trials show all three features, relevant or not. The within-task accuracies (the diagonals)
 * are the relevance table: feature f is task-relevant in the tasks that compare f, and task-irrelevant in the
 * others. Within a task, the samples of a class seen fewer than twice are left out (stratified folds need two).
 */
public final class CrossTaskStudy {
    private CrossTaskStudy() {
    }

    /**
     * @param features       the decoded features, each of location, identity, category
     * @param decoder        logistic or svm (auto: logistic)
     * @param folds          folds of the within-task cross-validation, 2..{@value DecodingStudy#MAX_FOLDS}
     * @param regularization the decoder's lambda, finite and &gt; 0
     */
    public record Settings(List<String> features, DecodingStudy.Decoder decoder, int folds, double regularization) {
        public Settings {
            features = features == null ? null : List.copyOf(features);
        }

        public Settings withFeatures(List<String> f) {
            return new Settings(f, decoder, folds, regularization);
        }

        public Settings withDecoder(DecodingStudy.Decoder d) {
            return new Settings(features, d, folds, regularization);
        }

        public Settings withFolds(int k) {
            return new Settings(features, decoder, k, regularization);
        }

        void check() {
            if (features == null || features.isEmpty()) {
                throw StudyException.notAllowed("cross_task.features", features, "use one or more of location, "
                        + "identity, category");
            }
            features.forEach(f -> NBackSamples.checkFeature("cross_task.features", f));
            if (folds < 2 || folds > DecodingStudy.MAX_FOLDS) {
                throw StudyException.notAllowed("cross_task.folds", folds, "use 2.." + DecodingStudy.MAX_FOLDS);
            }
            if (decoder == DecodingStudy.Decoder.RIDGE) {
                throw StudyException.notAllowed("cross_task.decoder", decoder, "use logistic or svm (or auto): "
                        + "the features are class labels");
            }
            if (!(regularization > 0) || !Double.isFinite(regularization)) {
                throw StudyException.notAllowed("cross_task.regularization", regularization, "use a finite "
                        + "lambda > 0");
            }
        }
    }

    /** All three features, logistic regression, 5 folds, lambda 1. */
    public static Settings defaultsFor(HiddenStates h) {
        return new Settings(NBackSamples.FEATURES, DecodingStudy.Decoder.AUTO, DecodingOptions.DEFAULT_FOLDS, 1.0);
    }

    /**
     * One feature's matrix.
     *
     * @param feature  the decoded feature
     * @param accuracy [train task][test task]
     * @param chance   1 / the feature's classes
     */
    public record FeatureMatrix(String feature, double[][] accuracy, double chance) {
        public FeatureMatrix {
            accuracy = Arrays.stream(accuracy).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public double[][] accuracy() {
            return Arrays.stream(accuracy).map(double[]::clone).toArray(double[][]::new);
        }

        public double accuracy(int train, int test) {
            return accuracy[train][test];
        }
    }

    /**
     * One row of the relevance table: a feature decoded within a task.
     *
     * @param task     the task's label
     * @param feature  the decoded feature
     * @param relevant whether the task compares this feature
     * @param accuracy within-task cross-validated accuracy
     * @param chance   1 / the feature's classes
     */
    public record Relevance(String task, String feature, boolean relevant, double accuracy, double chance) {
    }

    /**
     * @param settings the settings
     * @param type     the decoder used
     * @param taskIds  the tasks present, ascending ids
     * @param tasks    their labels
     * @param matrices one per decoded feature, in the settings' order
     * @param summary  one line: mean within-task and across-task accuracy, and relevant vs irrelevant
     */
    public record Result(Settings settings, DecoderType type, List<Integer> taskIds, List<String> tasks,
                         List<FeatureMatrix> matrices, String summary) {
        public Result {
            taskIds = List.copyOf(taskIds);
            tasks = List.copyOf(tasks);
            matrices = List.copyOf(matrices);
        }

        /** The within-task accuracies, per task then per feature. */
        public List<Relevance> relevance() {
            List<Relevance> out = new ArrayList<>();
            for (int a = 0; a < tasks.size(); a++) {
                for (FeatureMatrix m : matrices) {
                    boolean relevant = NBackSamples.FEATURES.get(NBackSamples.featureOfTask(taskIds.get(a)))
                            .equals(m.feature());
                    out.add(new Relevance(tasks.get(a), m.feature(), relevant, m.accuracy(a, a), m.chance()));
                }
            }
            return out;
        }

        /** Mean within-task accuracy of the relevant (true) or irrelevant (false) task-feature pairs; NaN if none. */
        public double meanRelevance(boolean relevant) {
            return relevance().stream().filter(r -> r.relevant() == relevant).mapToDouble(Relevance::accuracy)
                    .average().orElse(Double.NaN);
        }
    }

    public static Result run(HiddenStates h, Settings s) {
        NBackSamples n = NBackSamples.of(h);
        s.check();
        DecoderType type = s.decoder().resolve(true);
        DMatrixRMaj x = n.encodingStates();
        double[] task = n.encodingTasks();
        double[] ids = Arrays.stream(task).distinct().sorted().toArray();
        List<Integer> taskIds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (double id : ids) {
            taskIds.add((int) id);
            labels.add(n.taskLabel(id));
        }
        List<FeatureMatrix> matrices = new ArrayList<>();
        double within = 0;
        double across = 0;
        int acrossCount = 0;
        for (String feature : s.features()) {
            double[] y = n.encodingLabels(feature);
            int[] keep = kept(task, y);
            DMatrixRMaj xs = select(x, keep);
            ConditionTable t = new ConditionTable(List.of("target", "task"),
                    new double[][]{pick(y, keep), pick(task, keep)});
            DecodingOptions o = DecodingOptions.of("target", type).withFolds(s.folds())
                    .withRegularization(s.regularization());
            CrossConditionResult r;
            try {
                r = Decoding.crossCondition(xs, t, "task", o);
            } catch (IllegalArgumentException e) {
                throw new StudyException("cross-task decoding of " + feature + ": " + e.getMessage());
            }
            double chance = 1.0 / Arrays.stream(y).distinct().count();
            double[][] m = r.matrix();
            matrices.add(new FeatureMatrix(feature, m, chance));
            for (int a = 0; a < m.length; a++) {
                within += m[a][a] / (m.length * s.features().size());
                for (int b = 0; b < m.length; b++) {
                    if (a != b) {
                        across += m[a][b];
                        acrossCount++;
                    }
                }
            }
        }
        Result partial = new Result(s, type, taskIds, labels, matrices, "");
        String summary = String.format(Locale.ROOT, "%d tasks: within-task %s %.2f, across tasks %s; "
                        + "relevant features %.2f, irrelevant %.2f", ids.length, type.key(), within,
                acrossCount == 0 ? "-" : String.format(Locale.ROOT, "%.2f", across / acrossCount),
                partial.meanRelevance(true), partial.meanRelevance(false));
        return new Result(s, type, taskIds, labels, matrices, summary);
    }

    /** The rows whose class is seen at least twice within their task. */
    private static int[] kept(double[] task, double[] y) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            counts.merge(task[i] + "/" + y[i], 1, Integer::sum);
        }
        return java.util.stream.IntStream.range(0, y.length).filter(i -> counts.get(task[i] + "/" + y[i]) >= 2)
                .toArray();
    }

    static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    static DMatrixRMaj select(DMatrixRMaj x, int[] rows) {
        DMatrixRMaj out = new DMatrixRMaj(rows.length, x.numCols);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x.data, rows[i] * x.numCols, out.data, i * x.numCols, x.numCols);
        }
        return out;
    }
}
