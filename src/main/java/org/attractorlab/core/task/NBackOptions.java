package org.attractorlab.core.task;

import java.util.List;
import java.util.Objects;

/**
 * Options of the N-back tasks on objects ({@link NBackTask}). Periods are in steps.
 *
 * @param diet              which tasks are trained: STSF (one task: {@code feature} at {@code nBack}), STMF
 *                          ({@code nBack} on all three features) or MTMF (all nine tasks)
 * @param feature           the compared feature of the STSF task (ignored by STMF and MTMF)
 * @param nBack             N of the STSF and STMF tasks, 1..3 (ignored by MTMF)
 * @param stimuliPerTrial   stimuli in a trial's sequence, 2..64, and more than the largest N trained
 * @param stimulusSteps     steps each stimulus is shown (and answered), 1..1000
 * @param delaySteps        blank steps after each stimulus (no stimulus, no loss), 0..1000
 * @param matchRate         probability that an answer position (p &gt;= N) is a match, in [0, 1]
 * @param taskCue           add a one-hot cue of the nine tasks as inputs (required by STMF and MTMF)
 * @param stimulusEncoding  one-hot features ({@code symbolic}) or precomputed CNN features ({@code cnn})
 * @param featuresDir       directory with {@code features.npy} and {@code stimuli.csv} for the cnn encoding;
 *                          "" = the bundled set ({@code assets/sensory/}); with the cnn encoding both files must
 *                          exist (their content is checked when the task is built)
 * @param normalizeFeatures standardise each CNN feature over the table (mean 0, std 1) before use
 * @param categories        number of categories of the symbolic encoding, 2..256 (cnn: from the table)
 * @param identities        identities per category of the symbolic encoding, 1..256 (cnn: from the table)
 * @param locations         screen locations of the symbolic encoding, 2..64 (cnn: from the table)
 * @param views             viewing angles of the symbolic encoding, 1..1024; only recorded in the conditions, the
 *                          symbolic input does not show them (cnn: from the table)
 * @param dtMillis          duration of one step in ms
 */
public record NBackOptions(NBackDiet diet, NBackFeature feature, int nBack, int stimuliPerTrial, int stimulusSteps,
                           int delaySteps, double matchRate, boolean taskCue, StimulusEncoding stimulusEncoding,
                           String featuresDir, boolean normalizeFeatures, int categories, int identities,
                           int locations, int views, double dtMillis) {

    /** The largest N of the nine tasks. */
    public static final int MAX_N = 3;

    public static final NBackOptions DEFAULTS = new NBackOptions(NBackDiet.MTMF, NBackFeature.CATEGORY, 2, 6, 1, 0,
            0.5, true, StimulusEncoding.SYMBOLIC, "", true, 8, 4, 4, 4, 100.0);

    public NBackOptions {
        if (diet == null) {
            throw Checks.notAllowed("diet", null, "use stsf, stmf or mtmf");
        }
        if (feature == null) {
            throw Checks.notAllowed("feature", null, "use location, identity or category");
        }
        if (stimulusEncoding == null) {
            throw Checks.notAllowed("stimulus_encoding", null, "use symbolic or cnn");
        }
        Objects.requireNonNull(featuresDir, "task.features_dir must be a string (\"\" = the bundled set)");
        Checks.range("n_back", nBack, 1, MAX_N);
        Checks.range("stimuli_per_trial", stimuliPerTrial, 2, 64);
        int largestN = diet == NBackDiet.MTMF ? MAX_N : nBack;
        if (stimuliPerTrial <= largestN) {
            throw Checks.notAllowed("stimuli_per_trial", stimuliPerTrial, "use more stimuli than the largest N ("
                    + largestN + ") of diet " + diet.name().toLowerCase(java.util.Locale.ROOT)
                    + ", or there is nothing to answer");
        }
        Checks.range("stimulus_steps", stimulusSteps, 1, 1000);
        Checks.range("delay_steps", delaySteps, 0, 1000);
        Checks.probability("match_rate", matchRate);
        if (!taskCue && diet != NBackDiet.STSF) {
            throw Checks.notAllowed("task_cue", false, "diet " + diet.name().toLowerCase(java.util.Locale.ROOT)
                    + " trains several tasks, so the network needs the task cue");
        }
        Checks.range("categories", categories, 2, 256);
        Checks.range("identities", identities, 1, 256);
        Checks.range("locations", locations, 2, 64);
        Checks.range("views", views, 1, 1024);
        Checks.dtMillis(dtMillis);
        if (stimulusEncoding == StimulusEncoding.CNN) {
            try {
                org.attractorlab.core.task.StimulusFeatureFiles.checkPresent(featuresDir);
            } catch (java.io.IOException e) {
                throw Checks.notAllowed("features_dir", "\"" + featuresDir + "\"", e.getMessage());
            }
        }
    }

    /** The tasks this diet trains, as global task ids (see {@link NBackTask#taskId}). */
    public List<Integer> trainedTasks() {
        return switch (diet) {
            case STSF -> List.of(NBackTask.taskId(feature, nBack));
            case STMF -> List.of(NBackTask.taskId(NBackFeature.LOCATION, nBack),
                    NBackTask.taskId(NBackFeature.IDENTITY, nBack), NBackTask.taskId(NBackFeature.CATEGORY, nBack));
            case MTMF -> java.util.stream.IntStream.range(0, NBackTask.TASKS).boxed().toList();
        };
    }

    /** Steps per stimulus slot: shown, then blank. */
    public int slotSteps() {
        return stimulusSteps + delaySteps;
    }

    /** Total steps per trial. */
    public int trialSteps() {
        return stimuliPerTrial * slotSteps();
    }
}
