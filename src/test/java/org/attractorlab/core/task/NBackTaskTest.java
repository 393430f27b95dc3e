package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NBackTaskTest {
    private static final double SIGMAS = 5.0;

    static NBackOptions options(NBackDiet diet, NBackFeature feature, int n, int stimuli, int stimulusSteps,
                                int delaySteps, double matchRate, boolean cue) {
        NBackOptions d = NBackOptions.DEFAULTS;
        return new NBackOptions(diet, feature, n, stimuli, stimulusSteps, delaySteps, matchRate, cue,
                StimulusEncoding.SYMBOLIC, "", true, d.categories(), d.identities(), d.locations(), d.views(),
                d.dtMillis());
    }

    /**
     * The answers of a trial, from its stimuli alone, by the definition: no-action before N, then match iff the
     * compared feature equals the one N back (identity: the same category and identity code).
     */
    static int[] referenceAnswers(ConditionTable c, int b, int stimuli) {
        int task = (int) c.get(b, "task");
        String feature = List.of("location", "identity", "category").get(task / 3);
        int n = task % 3 + 1;
        int[] answers = new int[stimuli];
        for (int p = 0; p < stimuli; p++) {
            if (p < n) {
                answers[p] = 2;
                continue;
            }
            boolean same;
            if (feature.equals("identity")) {
                same = c.get(b, "category_p" + p) == c.get(b, "category_p" + (p - n))
                        && c.get(b, "identity_p" + p) == c.get(b, "identity_p" + (p - n));
            } else {
                same = c.get(b, feature + "_p" + p) == c.get(b, feature + "_p" + (p - n));
            }
            answers[p] = same ? 0 : 1;
        }
        return answers;
    }

    @Test
    void nbackTargetsEqualABruteForceReferenceForAllNineTasksWithStimulusAndDelaySteps() {
        NBackTask task = new NBackTask(options(NBackDiet.MTMF, NBackFeature.CATEGORY, 2, 7, 2, 1, 0.5, true));
        assertEquals(21, task.steps(), "7 slots of 2 stimulus steps and 1 blank step");
        TrialBatch batch = task.sample(900, new SplittableRandom(71));
        ConditionTable c = batch.conditions();
        int[] seenTasks = new int[9];
        for (int b = 0; b < batch.trials(); b++) {
            seenTasks[(int) c.get(b, "task")]++;
            int[] answers = referenceAnswers(c, b, 7);
            int matches = 0;
            for (int t = 0; t < batch.steps(); t++) {
                int p = t / 3;
                boolean shown = t % 3 < 2;
                for (int k = 0; k < 3; k++) {
                    int o = batch.outputIndex(b, t, k);
                    assertEquals(shown && answers[p] == k ? 1f : 0f, batch.targets()[o], "trial " + b + " t " + t);
                    assertEquals(shown ? 1f : 0f, batch.mask()[o], "mask on stimulus steps only, t " + t);
                }
                // the symbolic stimulus on shown steps, nothing on blank ones
                float[] stim = Arrays.copyOfRange(batch.inputs(), batch.inputIndex(b, t, 0),
                        batch.inputIndex(b, t, 0) + task.stimulusSize());
                float[] expected = new float[task.stimulusSize()];
                if (shown) {
                    expected[(int) c.get(b, "category_p" + p)] = 1;
                    expected[8 + (int) c.get(b, "identity_p" + p)] = 1;
                    expected[12 + (int) c.get(b, "location_p" + p)] = 1;
                }
                assertArrayEquals(expected, stim, "stimulus inputs trial " + b + " t " + t);
            }
            for (int p = 0; p < 7; p++) {
                assertEquals(answers[p], c.get(b, "answer_p" + p), "answer column");
                matches += answers[p] == 0 ? 1 : 0;
            }
            assertEquals(matches, c.get(b, "matches"));
        }
        for (int n : seenTasks) {
            assertEquals(100, n, SIGMAS * Math.sqrt(900 / 9.0 * 8 / 9), "tasks are drawn uniformly " + Arrays.toString(seenTasks));
        }
        assertEquals("category-2back", c.label(firstTrialOf(c, 7), "task"));
        assertEquals("no_action", c.labelOf("answer_p0", 2));
    }

    private static int firstTrialOf(ConditionTable c, int task) {
        for (int b = 0; b < c.rows(); b++) {
            if (c.get(b, "task") == task) {
                return b;
            }
        }
        throw new AssertionError("no trial of task " + task);
    }

    @Test
    void firstNPositionsAreNoActionAndOnlyThey() {
        for (NBackFeature f : NBackFeature.values()) {
            for (int n = 1; n <= 3; n++) {
                NBackTask task = new NBackTask(options(NBackDiet.STSF, f, n, 6, 1, 0, 0.5, true));
                TrialBatch batch = task.sample(200, new SplittableRandom(72 + n));
                for (int b = 0; b < batch.trials(); b++) {
                    assertEquals(NBackTask.taskId(f, n), batch.conditions().get(b, "task"));
                    assertEquals(n, batch.conditions().get(b, "n_back"));
                    for (int t = 0; t < 6; t++) {
                        float noAction = batch.targets()[batch.outputIndex(b, t, NBackTask.NO_ACTION)];
                        assertEquals(t < n ? 1f : 0f, noAction, f + " " + n + "-back position " + t);
                    }
                }
            }
        }
    }

    @Test
    void matchRateIsBalancedOverManyTrialsForEveryTaskAndConfigurable() {
        for (double rate : new double[]{0.5, 0.3}) {
            NBackTask task = new NBackTask(options(NBackDiet.MTMF, NBackFeature.CATEGORY, 2, 6, 1, 0, rate, true));
            TrialBatch batch = task.sample(9000, new SplittableRandom(73));
            long[] matches = new long[9];
            long[] answered = new long[9];
            for (int b = 0; b < batch.trials(); b++) {
                int id = (int) batch.conditions().get(b, "task");
                int[] answers = referenceAnswers(batch.conditions(), b, 6);
                for (int a : answers) {
                    if (a != 2) {
                        answered[id]++;
                        matches[id] += a == 0 ? 1 : 0;
                    }
                }
            }
            for (int id = 0; id < 9; id++) {
                double got = matches[id] / (double) answered[id];
                double tol = SIGMAS * Math.sqrt(rate * (1 - rate) / answered[id]);
                assertEquals(rate, got, tol, "match rate of " + NBackTask.taskNames().get(id));
            }
        }
    }

    @Test
    void featuresTheTaskDoesNotCompareMatchOnlyByChance() {
        // location 1-back: category repeats at chance 1/8, identity (object) at 1/32, whatever the location does
        NBackTask task = new NBackTask(options(NBackDiet.STSF, NBackFeature.LOCATION, 1, 6, 1, 0, 0.5, true));
        TrialBatch batch = task.sample(4000, new SplittableRandom(74));
        ConditionTable c = batch.conditions();
        int n = 0;
        int sameCategory = 0;
        int sameObject = 0;
        for (int b = 0; b < batch.trials(); b++) {
            for (int p = 1; p < 6; p++) {
                n++;
                boolean cat = c.get(b, "category_p" + p) == c.get(b, "category_p" + (p - 1));
                sameCategory += cat ? 1 : 0;
                sameObject += cat && c.get(b, "identity_p" + p) == c.get(b, "identity_p" + (p - 1)) ? 1 : 0;
            }
        }
        assertEquals(1 / 8.0, sameCategory / (double) n, SIGMAS * Math.sqrt(1 / 8.0 * 7 / 8 / n));
        assertEquals(1 / 32.0, sameObject / (double) n, SIGMAS * Math.sqrt(1 / 32.0 * 31 / 32 / n));
    }

    @Test
    void taskCueIsTheOneHotOfTheTrialsTaskAtEveryStep() {
        NBackTask task = new NBackTask(options(NBackDiet.STMF, NBackFeature.CATEGORY, 3, 5, 1, 1, 0.5, true));
        assertEquals(8 + 4 + 4 + 9, task.inputSize());
        assertEquals("cue_location_1back", task.inputNames().get(task.cueOffset()));
        assertEquals("cue_category_3back", task.inputNames().get(task.cueOffset() + 8));
        TrialBatch batch = task.sample(300, new SplittableRandom(75));
        int[] counts = new int[9];
        for (int b = 0; b < batch.trials(); b++) {
            int id = (int) batch.conditions().get(b, "task");
            counts[id]++;
            assertEquals(3, NBackTask.nOf(id), "stmf trains only the chosen N");
            for (int t = 0; t < batch.steps(); t++) {
                for (int k = 0; k < 9; k++) {
                    assertEquals(k == id ? 1f : 0f, batch.inputs()[batch.inputIndex(b, t, task.cueOffset() + k)],
                            "cue trial " + b + " t " + t);
                }
            }
        }
        assertTrue(counts[2] > 60 && counts[5] > 60 && counts[8] > 60, Arrays.toString(counts));

        NBackTask noCue = new NBackTask(options(NBackDiet.STSF, NBackFeature.IDENTITY, 2, 6, 1, 0, 0.5, false));
        assertEquals(16, noCue.inputSize(), "stsf without a cue has only the stimulus inputs");
        assertEquals(-1, noCue.cueOffset());
    }

    @Test
    void optionsRefuseImpossibleCombinationsNamingTheKey() {
        IllegalArgumentException cue = assertThrows(IllegalArgumentException.class,
                () -> options(NBackDiet.MTMF, NBackFeature.CATEGORY, 2, 6, 1, 0, 0.5, false));
        assertTrue(cue.getMessage().startsWith("task.task_cue = false"), cue.getMessage());
        IllegalArgumentException shortSeq = assertThrows(IllegalArgumentException.class,
                () -> options(NBackDiet.MTMF, NBackFeature.CATEGORY, 1, 3, 1, 0, 0.5, true));
        assertTrue(shortSeq.getMessage().contains("task.stimuli_per_trial = 3"), shortSeq.getMessage());
        // stsf 1-back with 3 stimuli is fine
        assertEquals(3, options(NBackDiet.STSF, NBackFeature.CATEGORY, 1, 3, 1, 0, 0.5, true).trialSteps());
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> options(NBackDiet.STSF, NBackFeature.CATEGORY, 1, 6, 1, 0, 1.5, true));
        assertTrue(rate.getMessage().contains("task.match_rate = 1.5"), rate.getMessage());
    }

    @Test
    void accuracyCountsTheLargestOutputPerAnsweredStep() {
        NBackTask task = new NBackTask(options(NBackDiet.STSF, NBackFeature.CATEGORY, 2, 6, 1, 1, 0.5, true));
        TrialBatch batch = task.sample(50, new SplittableRandom(76));
        assertEquals(1.0, task.accuracy(batch, batch.targets()));
        float[] alwaysNoAction = new float[batch.targets().length];
        for (int i = NBackTask.NO_ACTION; i < alwaysNoAction.length; i += 3) {
            alwaysNoAction[i] = 1f;
        }
        // two of six answered positions per trial are no-action
        assertEquals(2 / 6.0, task.accuracy(batch, alwaysNoAction), 1e-12);
        assertEquals(1.0, NBackTask.answerAccuracy(batch, alwaysNoAction, NBackTask.NO_ACTION));
        assertEquals(0.0, NBackTask.answerAccuracy(batch, alwaysNoAction, NBackTask.MATCH));
    }
}
