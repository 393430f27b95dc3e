package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.ConditionGrouping;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.Test;

class StudiesTest {
    /** An untrained network's probe states for a task (16 units, 128 trials). */
    static HiddenStates states(String task) {
        Experiment e = Experiment.create(ConfigLoader.standard().fromOverrides(List.of("task.name=" + task,
                "model.hidden_size=16")));
        return Probe.states(e, Probe.TRIALS);
    }

    /** Random states (trials x 6 steps x 4 units) with the given condition columns. */
    static HiddenStates external(List<String> names, double[]... columns) {
        int trials = columns[0].length;
        SplittableRandom rng = new SplittableRandom(5);
        float[] h = new float[trials * 6 * 4];
        for (int i = 0; i < h.length; i++) {
            h[i] = (float) rng.nextGaussian();
        }
        return HiddenStates.external(trials, 6, 4, h, new ConditionTable(names, columns));
    }

    @Test
    void theDefaultStrideKeepsAtMost25DecodedSteps() {
        assertEquals(1, DecodingStudy.defaultStride(22));
        assertEquals(1, DecodingStudy.defaultStride(25));
        assertEquals(2, DecodingStudy.defaultStride(26));
        assertEquals(4, DecodingStudy.defaultStride(100));
        for (int t = 1; t < 500; t++) {
            int s = DecodingStudy.defaultStride(t);
            assertTrue((t + s - 1) / s <= DecodingStudy.MAX_DEFAULT_STEPS, t + " steps with stride " + s);
        }
    }

    @Test
    void theRsaDefaultsAreTheConditionColumnsTheLast10StepsAndTheFirstColumnAsModel() {
        HiddenStates h = states("context-integration");
        RsaStudy.Settings d = RsaStudy.defaultsFor(h);
        assertEquals(List.of("context", "choice"), d.columns());
        assertEquals("context", d.model(), "the model RDM is the first condition column");
        assertEquals(h.steps() - RsaStudy.DEFAULT_WINDOW, d.fromStep());
        assertEquals(h.steps(), d.toStep());
        assertEquals(Distance.CORRELATION, d.distance());
        assertEquals(Comparison.KENDALL_TAU_A, d.comparison());
        assertEquals("bit0", RsaStudy.defaultsFor(states("flipflop")).model());
    }

    @Test
    void theTrialsOfAConditionAreThoseItsGroupingAssignsToIt() {
        HiddenStates h = external(List.of("a", "b"), new double[]{0, 1, 0, 1, 0}, new double[]{0, 0, 1, 1, 0});
        ConditionGrouping g = ConditionGrouping.of(h.conditions(), List.of("a", "b"));
        assertEquals(Set.of(0, 4), RsaStudy.trialsOf(g, 0), "a=0, b=0");
        assertEquals(Set.of(3), RsaStudy.trialsOf(g, 3), "a=1, b=1");
    }

    @Test
    void theAnglesDefaultsGroupByTheGroupColumnWithThreeDimensionsOverAllSteps() {
        HiddenStates h = states("delayed-discrimination");
        AnglesStudy.Settings d = AnglesStudy.defaultsFor(h);
        assertEquals("f1_greater", d.groupColumn());
        assertEquals(3, d.k());
        assertEquals(0, d.fromStep());
        assertEquals(h.steps(), d.toStep());
        assertEquals(2, AnglesStudy.run(h, d).angles().groupCount(), "f1 > f2 or not: two groups");
    }

    @Test
    void theDecodingDefaultsAreTheFirstTargetAutoFiveFoldsAndTheDefaultStride() {
        HiddenStates h = states("flipflop");
        DecodingStudy.Settings d = DecodingStudy.defaultsFor(h);
        assertEquals("bit0", d.target());
        assertEquals(DecodingStudy.Decoder.AUTO, d.decoder());
        assertEquals(DecodingOptions.DEFAULT_FOLDS, d.folds());
        assertEquals(DecodingStudy.defaultStride(h.steps()), d.stride());
        assertEquals(DecoderType.LOGISTIC, d.options(h.conditions()).type(), "bit0 is categorical");
    }

    @Test
    void aConstantDecodingTargetIsRefusedNamingTheColumn() {
        HiddenStates h = external(List.of("g"), new double[]{1, 1, 1, 1, 1, 1, 1, 1});
        StudyException e = assertThrows(StudyException.class,
                () -> DecodingStudy.run(h, DecodingStudy.defaultsFor(h, "g")));
        assertEquals("'g' is 1 in all 8 trials: a constant target cannot be decoded. Choose another target.",
                e.getMessage());
    }

    @Test
    void aClassifierOnAContinuousColumnIsRefusedNamingTheColumn() {
        double[] x = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1 * i + 0.05;
        }
        HiddenStates h = external(List.of("x"), x);
        DecodingStudy.Settings s = DecodingStudy.defaultsFor(h, "x").withDecoder(DecodingStudy.Decoder.SVM);
        StudyException e = assertThrows(StudyException.class, () -> DecodingStudy.run(h, s));
        assertEquals("'x' is continuous (12 distinct values): svm needs class labels. Use ridge (or auto).",
                e.getMessage());
        assertEquals(DecoderType.RIDGE, DecodingStudy.defaultsFor(h, "x").options(h.conditions()).type(),
                "auto decodes a continuous column by ridge");
    }

    @Test
    void aClassWithASingleTrialIsRefusedNamingTheColumnAndTheClass() {
        HiddenStates h = external(List.of("g"), new double[]{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2});
        StudyException e = assertThrows(StudyException.class,
                () -> DecodingStudy.run(h, DecodingStudy.defaultsFor(h, "g")));
        assertEquals("too few trials of a class for 5-fold decoding: g = 2 has 1 trial of 11; every class needs at "
                + "least 2. Choose another target, or ridge.", e.getMessage());
    }

    @Test
    void quadrantsAreNamedByTheSignsOfTheirCoordinates() {
        assertEquals("(+,+)", OodStudy.quadrantLabel(0, 2));
        assertEquals("(-,+)", OodStudy.quadrantLabel(1, 2));
        assertEquals("(+,-)", OodStudy.quadrantLabel(2, 2));
        assertEquals("(-,-)", OodStudy.quadrantLabel(3, 2));
        assertEquals("(-,+,-)", OodStudy.quadrantLabel(5, 3));
    }

    @Test
    void theOodTestAppliesOnlyToTablesWithLatentsAndQuadrants() {
        assertTrue(OodStudy.appliesTo(states("evidence-multitask").conditions()));
        assertEquals(false, OodStudy.appliesTo(states("flipflop").conditions()));
    }

    @Test
    void withoutAModelColumnTheRsaSummarySaysSo() {
        HiddenStates h = states("flipflop");
        RsaStudy.Result r = RsaStudy.run(h, RsaStudy.defaultsFor(h).withModel(null));
        assertNull(r.options().modelColumn());
        assertEquals("no model RDM", r.summary());
    }
}
