package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.similarity.LinearCka;
import org.attractorlab.core.analysis.similarity.ProcrustesDistance;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.Test;

class SimilarityStudyTest {
    /** The shared-states products are formed in float (relative error ~1e-6) against the double reference. */
    private static final double FLOAT_PRODUCTS = 1e-5;

    private static HiddenStates random(long seed, int trials, int steps, int units) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[trials * steps * units];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextDouble() * 2 - 1 + (i % units == 0 ? 0.5 * ((i / units) % steps) / steps : 0));
        }
        return HiddenStates.external(trials, steps, units, x, ConditionTable.empty(trials));
    }

    @Test
    void aWindowOfStepsGivesTheReferenceCkaAndProcrustesOfThoseStepsOnly() {
        HiddenStates a = random(1, 6, 20, 7);
        HiddenStates b = random(2, 6, 20, 4);
        SimilarityStudy.Result r = SimilarityStudy.run(a, b, SimilarityStudy.defaultsFor(a).withWindow(5, 12));
        assertEquals(LinearCka.compute(a, b, 5, 12), r.cka(), FLOAT_PRODUCTS);
        ProcrustesDistance pd = ProcrustesDistance.compute(a, b, 5, 12);
        assertEquals(pd.distance(), r.procrustes(), FLOAT_PRODUCTS);
        assertEquals(pd.angle(), r.angle(), FLOAT_PRODUCTS);
        SimilarityStudy.Result all = SimilarityStudy.run(a, b, SimilarityStudy.defaultsFor(a));
        assertTrue(Math.abs(all.cka() - r.cka()) > 1e-3, "other steps, another CKA: " + all.cka() + " vs " + r.cka());
    }

    @Test
    void overAllStepsThePairGetsTheNumbersOfItsCellInTheDegeneracyMatrices() {
        HiddenStates a = random(3, 4, 10, 5);
        HiddenStates b = random(4, 4, 10, 5);
        SimilarityStudy.Result r = SimilarityStudy.run(a, b, SimilarityStudy.defaultsFor(a));
        org.attractorlab.core.analysis.similarity.SharedStates s =
                new org.attractorlab.core.analysis.similarity.SharedStates(List.of(a, b));
        double[] cross = s.crossBuffer();
        s.cross(0, 1, cross);
        assertEquals(s.linearCka(0, 1, cross), r.cka(), 0, "one implementation");
        assertEquals(org.attractorlab.core.analysis.similarity.SharedStates.procrustesDistance(
                s.procrustesSimilarity(0, 1, cross)), r.procrustes(), 0);
        assertEquals(1, SimilarityStudy.run(a, a, SimilarityStudy.defaultsFor(a)).cka(), 1e-12, "itself");
    }

    @Test
    void statesOfOtherTrialsAndAWindowOutsideTheStepsAreRefused() {
        HiddenStates a = random(5, 4, 10, 3);
        assertThrows(StudyException.class, () -> SimilarityStudy.run(a, random(6, 5, 10, 3),
                SimilarityStudy.defaultsFor(a)));
        StudyException e = assertThrows(StudyException.class, () -> SimilarityStudy.run(a, a,
                SimilarityStudy.defaultsFor(a).withWindow(4, 11)));
        assertTrue(e.getMessage().contains("similarity.window"), e.getMessage());
    }
}
