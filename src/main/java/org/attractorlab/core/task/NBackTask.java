package org.attractorlab.core.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * N-back on objects (Lei, Ito &amp; Bashivan 2024): nine tasks, feature in {location, identity, category} x N in
 * {1, 2, 3}.
 *
 * <p>Definition. A trial is a sequence of S stimuli (default 6). Each stimulus is an object with a category c, an
 * identity i within that category, a screen location l and a view v. The task of a trial compares one feature
 * between the stimulus at position p and the one at p - N: location compares l, category compares c, identity
 * compares the object (c, i) (the same identity code in another category is another object). The answer at
 * position p is <em>no-action</em> for p &lt; N, else <em>match</em> if the compared features are equal and
 * <em>non-match</em> if not. Loss: 3-way cross-entropy on softmax outputs {@code match, non_match, no_action}.
 *
 * <p>Sampling. The trial's task is drawn uniformly from the diet's tasks ({@link NBackOptions#trainedTasks()}). The
 * first N stimuli draw c, i, l uniformly. At each answer position p &gt;= N the stimulus is a match with probability
 * {@code matchRate}, independently: its task feature is copied from position p - N; otherwise the task feature is
 * drawn uniformly among the other values (another location, another category, or another object). The features
 * the task does not compare are drawn uniformly and independently, so they match the one N back only by chance.
 * The view is uniform over the views (symbolic) or comes from an image drawn uniformly among those showing the
 * stimulus's (c, i, l) in the feature table (cnn).
 *
 * <p>Timing. Each stimulus occupies a slot of {@code stimulusSteps} steps showing it, then {@code delaySteps} blank
 * steps. The answer is trained on the stimulus steps (mask 1 on all three outputs there); blank steps have no
 * stimulus input and mask 0. T = S (stimulusSteps + delaySteps); by default one step per stimulus, T = 6.
 *
 * <p>Inputs. The stimulus: with the symbolic encoding one-hot category (C), one-hot identity within category (I)
 * and one-hot location (L), named {@code category0.., identity0.., location0..}; with the cnn encoding the F
 * feature columns of the chosen image, {@code cnn0..cnn(F-1)}, standardised per column over the table when
 * {@code normalizeFeatures}. Then, with {@code taskCue}, nine channels {@code cue_location_1back ..
 * cue_category_3back}, one-hot of the trial's task at every step (also in the blank steps).
 *
 * <p>Conditions (one row per trial): {@code task} (the global id {@link #taskId}, labelled e.g.
 * {@code category-2back}), {@code feature} (0 location, 1 identity, 2 category), {@code n_back}, {@code matches}
 * (match answers in the trial), and per position p = 0..S-1: {@code category_p<p>}, {@code identity_p<p>},
 * {@code location_p<p>}, {@code view_p<p>}, with cnn {@code image_p<p>} (the row of the feature table), and
 * {@code answer_p<p>} (0 match, 1 non-match, 2 no-action, the output index).
 *
 * <p>Accuracy: the fraction of masked-in (trial, step) pairs where the largest output is the target answer.
 */
public final class NBackTask extends AbstractTask {
    public static final String NAME = "nback";
    /** Number of tasks: three features x N = 1..3. */
    public static final int TASKS = 9;
    /** Output (and answer code) of a match. */
    public static final int MATCH = 0;
    /** Output (and answer code) of a non-match. */
    public static final int NON_MATCH = 1;
    /** Output (and answer code) of no action (the first N positions). */
    public static final int NO_ACTION = 2;
    /** The output names, in answer-code order. */
    public static final List<String> ANSWERS = List.of("match", "non_match", "no_action");

    private final NBackOptions options;
    /** Null for the symbolic encoding. */
    private final StimulusFeatureTable table;
    /** The cnn inputs per image row, standardised if asked, [rows, F]; null for symbolic. */
    private final float[] imageInputs;
    private final int categories;
    private final int identities;
    private final int locations;
    private final int views;
    private final int stimulusSize;
    private final int[] trained;
    private final List<String> conditionNames;
    private final Map<String, List<String>> levels;

    /** Makes the task; the cnn encoding loads its feature table from {@code options.featuresDir()}. */
    public NBackTask(NBackOptions options) {
        this(options, Objects.requireNonNull(options, "options").stimulusEncoding() == StimulusEncoding.CNN
                ? load(options.featuresDir()) : null);
    }

    /**
     * Makes the task with a given feature table (required by the cnn encoding, ignored by the symbolic one).
     */
    public NBackTask(NBackOptions options, StimulusFeatureTable table) {
        super(NAME, inputNames(options, table), ANSWERS, options.trialSteps(), options.dtMillis(),
                LossKind.CROSS_ENTROPY);
        this.options = options;
        boolean cnn = options.stimulusEncoding() == StimulusEncoding.CNN;
        this.table = cnn ? table : null;
        if (cnn) {
            categories = table.categories();
            identities = table.identities();
            locations = table.locations();
            views = table.views();
            stimulusSize = table.featureSize();
            imageInputs = options.normalizeFeatures() ? standardise(table.features(), table.featureSize())
                    : table.features();
        } else {
            categories = options.categories();
            identities = options.identities();
            locations = options.locations();
            views = options.views();
            stimulusSize = categories + identities + locations;
            imageInputs = null;
        }
        this.trained = options.trainedTasks().stream().mapToInt(Integer::intValue).toArray();
        List<String> names = new ArrayList<>(List.of("task", "feature", "n_back", "matches"));
        for (int p = 0; p < options.stimuliPerTrial(); p++) {
            names.add("category_p" + p);
            names.add("identity_p" + p);
            names.add("location_p" + p);
            names.add("view_p" + p);
            if (cnn) {
                names.add("image_p" + p);
            }
            names.add("answer_p" + p);
        }
        this.conditionNames = List.copyOf(names);
        Map<String, List<String>> lv = new LinkedHashMap<>();
        lv.put("task", taskNames());
        lv.put("feature", java.util.Arrays.stream(NBackFeature.values()).map(NBackFeature::label).toList());
        for (int p = 0; p < options.stimuliPerTrial(); p++) {
            lv.put("answer_p" + p, ANSWERS);
        }
        this.levels = Map.copyOf(lv);
    }

    private static StimulusFeatureTable load(String dir) {
        try {
            return StimulusFeatureFiles.resolve(dir);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("task.stimulus_encoding = cnn cannot read its features: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> inputNames(NBackOptions options, StimulusFeatureTable table) {
        Objects.requireNonNull(options, "options");
        List<String> in;
        if (options.stimulusEncoding() == StimulusEncoding.CNN) {
            Objects.requireNonNull(table, "the cnn encoding needs a stimulus feature table");
            in = Checks.numbered("cnn", table.featureSize());
        } else {
            in = Checks.numbered("category", options.categories());
            in.addAll(Checks.numbered("identity", options.identities()));
            in.addAll(Checks.numbered("location", options.locations()));
        }
        if (options.taskCue()) {
            for (String t : taskNames()) {
                in.add("cue_" + t.replace('-', '_'));
            }
        }
        return in;
    }

    /** Column-wise z-score over the table's rows; constant columns are only centred. */
    private static float[] standardise(float[] x, int f) {
        int n = x.length / f;
        for (int k = 0; k < f; k++) {
            double mean = 0;
            for (int r = 0; r < n; r++) {
                mean += x[r * f + k];
            }
            mean /= n;
            double var = 0;
            for (int r = 0; r < n; r++) {
                double d = x[r * f + k] - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            double scale = sd > 1e-12 ? 1 / sd : 1;
            for (int r = 0; r < n; r++) {
                x[r * f + k] = (float) ((x[r * f + k] - mean) * scale);
            }
        }
        return x;
    }

    /** The global id of a task: {@code feature.ordinal() * 3 + (n - 1)}, 0..8. */
    public static int taskId(NBackFeature feature, int n) {
        if (n < 1 || n > NBackOptions.MAX_N) {
            throw new IllegalArgumentException("N must be 1.." + NBackOptions.MAX_N + ", got " + n);
        }
        return feature.ordinal() * NBackOptions.MAX_N + n - 1;
    }

    /** The feature task {@code id} compares. */
    public static NBackFeature featureOf(int id) {
        return NBackFeature.values()[id / NBackOptions.MAX_N];
    }

    /** The N of task {@code id}. */
    public static int nOf(int id) {
        return id % NBackOptions.MAX_N + 1;
    }

    /** The nine task names by id: {@code location-1back .. category-3back}. */
    public static List<String> taskNames() {
        List<String> names = new ArrayList<>(TASKS);
        for (int id = 0; id < TASKS; id++) {
            names.add(featureOf(id).label() + "-" + nOf(id) + "back");
        }
        return names;
    }

    public NBackOptions options() {
        return options;
    }

    /** The feature table of the cnn encoding, or null for the symbolic one. */
    public StimulusFeatureTable featureTable() {
        return table;
    }

    /** Stimulus inputs per shown stimulus: C + I + L (symbolic) or F (cnn). The cue channels follow them. */
    public int stimulusSize() {
        return stimulusSize;
    }

    /** Index of the first cue input (equal to {@link #stimulusSize()}), or -1 without a cue. */
    public int cueOffset() {
        return options.taskCue() ? stimulusSize : -1;
    }

    public int categories() {
        return categories;
    }

    public int identities() {
        return identities;
    }

    public int locations() {
        return locations;
    }

    public int views() {
        return views;
    }

    /** The first step of stimulus position p. */
    public int stimulusStart(int p) {
        return p * options.slotSteps();
    }

    /** The stimulus position whose slot holds step t. */
    public int positionOf(int t) {
        return t / options.slotSteps();
    }

    /** Whether step t shows a stimulus (rather than a blank delay step). */
    public boolean isStimulusStep(int t) {
        return t % options.slotSteps() < options.stimulusSteps();
    }

    @Override
    public TrialBatch sample(int trials, SplittableRandom rng) {
        Checks.sampleArguments(trials, rng);
        int s = options.stimuliPerTrial();
        int steps = steps();
        int in = inputSize();
        int out = 3;
        float[] inputs = new float[trials * steps * in];
        float[] targets = new float[trials * steps * out];
        float[] mask = new float[targets.length];
        double[][] columns = new double[conditionNames.size()][trials];
        boolean cnn = table != null;
        int perPosition = cnn ? 6 : 5;
        int[] cat = new int[s];
        int[] ident = new int[s];
        int[] loc = new int[s];
        int[] view = new int[s];
        int[] image = new int[s];
        int[] answer = new int[s];
        for (int b = 0; b < trials; b++) {
            int task = trained.length == 1 ? trained[0] : trained[rng.nextInt(trained.length)];
            NBackFeature feature = featureOf(task);
            int n = nOf(task);
            int matches = 0;
            for (int p = 0; p < s; p++) {
                cat[p] = rng.nextInt(categories);
                ident[p] = rng.nextInt(identities);
                loc[p] = rng.nextInt(locations);
                if (p < n) {
                    answer[p] = NO_ACTION;
                } else {
                    boolean match = rng.nextDouble() < options.matchRate();
                    int q = p - n;
                    switch (feature) {
                        case LOCATION -> loc[p] = match ? loc[q] : other(loc[q], locations, rng);
                        case CATEGORY -> cat[p] = match ? cat[q] : other(cat[q], categories, rng);
                        case IDENTITY -> {
                            int object = match ? cat[q] * identities + ident[q]
                                    : other(cat[q] * identities + ident[q], categories * identities, rng);
                            cat[p] = object / identities;
                            ident[p] = object % identities;
                        }
                        default -> throw new AssertionError(feature);
                    }
                    answer[p] = match ? MATCH : NON_MATCH;
                    if (match) {
                        matches++;
                    }
                }
                if (cnn) {
                    int[] rows = table.rowsView(cat[p], ident[p], loc[p]);
                    image[p] = rows[rows.length == 1 ? 0 : rng.nextInt(rows.length)];
                    view[p] = table.view(image[p]);
                } else {
                    view[p] = rng.nextInt(views);
                }
                writeSlot(inputs, targets, mask, b, p, cat[p], ident[p], loc[p], image[p], answer[p]);
            }
            if (options.taskCue()) {
                Checks.fill(inputs, steps, in, b, 0, steps, stimulusSize + task, 1f);
            }
            int c = 0;
            columns[c++][b] = task;
            columns[c++][b] = feature.ordinal();
            columns[c++][b] = n;
            columns[c++][b] = matches;
            for (int p = 0; p < s; p++) {
                int base = 4 + p * perPosition;
                columns[base][b] = cat[p];
                columns[base + 1][b] = ident[p];
                columns[base + 2][b] = loc[p];
                columns[base + 3][b] = view[p];
                if (cnn) {
                    columns[base + 4][b] = image[p];
                }
                columns[base + perPosition - 1][b] = answer[p];
            }
        }
        return new TrialBatch(trials, steps, in, out, inputs, targets, mask,
                new ConditionTable(conditionNames, columns, levels));
    }

    /** A value uniformly among 0..count-1 other than {@code not}. */
    private static int other(int not, int count, SplittableRandom rng) {
        int v = rng.nextInt(count - 1);
        return v >= not ? v + 1 : v;
    }

    /** Inputs, one-hot target and mask of one stimulus slot (its stimulus steps; the blank steps stay 0). */
    private void writeSlot(float[] inputs, float[] targets, float[] mask, int b, int p, int c, int i, int l,
                           int image, int answer) {
        int steps = steps();
        int in = inputSize();
        int from = stimulusStart(p);
        for (int t = from; t < from + options.stimulusSteps(); t++) {
            int row = (b * steps + t) * in;
            if (imageInputs != null) {
                System.arraycopy(imageInputs, image * stimulusSize, inputs, row, stimulusSize);
            } else {
                inputs[row + c] = 1f;
                inputs[row + categories + i] = 1f;
                inputs[row + categories + identities + l] = 1f;
            }
            int o = (b * steps + t) * 3;
            targets[o + answer] = 1f;
            mask[o] = 1f;
            mask[o + 1] = 1f;
            mask[o + 2] = 1f;
        }
    }

    @Override
    public double accuracy(TrialBatch batch, float[] outputs) {
        Checks.outputs(batch, outputs);
        return answerAccuracy(batch, outputs, -1);
    }

    /**
     * Accuracy over masked-in steps whose target answer is {@code answer} (0..2), or over all masked-in steps if
     * {@code answer} is -1; NaN if there is none.
     */
    public static double answerAccuracy(TrialBatch batch, float[] outputs, int answer) {
        Checks.outputs(batch, outputs);
        float[] y = batch.targets();
        float[] m = batch.mask();
        int o = batch.outputSize();
        long counted = 0;
        long correct = 0;
        for (int r = 0; r < m.length; r += o) {
            if (m[r] == 0f) {
                continue;
            }
            int target = argmax(y, r, o);
            if (answer >= 0 && target != answer) {
                continue;
            }
            counted++;
            if (argmax(outputs, r, o) == target) {
                correct++;
            }
        }
        return counted == 0 ? Double.NaN : correct / (double) counted;
    }

    private static int argmax(float[] a, int from, int count) {
        int best = 0;
        for (int k = 1; k < count; k++) {
            if (a[from + k] > a[from + best]) {
                best = k;
            }
        }
        return best;
    }
}
