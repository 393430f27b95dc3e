package org.attractorlab.core.study;

import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.similarity.SharedStates;

/**
 * The similarity of two networks' hidden states on the same trials: linear CKA and the Procrustes shape distance
 * (with its angle), over a window of steps. Computed by {@link SharedStates}, the one implementation of both that
 * the degeneracy study's representation level uses too, so two runs compared here get the numbers their cell of a
 * degeneracy matrix shows (over all steps: 1 - CKA and the distance).
 */
public final class SimilarityStudy {
    private SimilarityStudy() {
    }

    /**
     * @param fromStep first step of the window
     * @param toStep   one past the last step of the window
     */
    public record Settings(int fromStep, int toStep) {
        public Settings withWindow(int from, int to) {
            return new Settings(from, to);
        }

        /** Refuses states that are not of the same trials and steps, and a window outside them. */
        public void validate(HiddenStates a, HiddenStates b) {
            if (a.trials() != b.trials() || a.steps() != b.steps()) {
                throw new StudyException("the states cover different trials: " + a.trials() + " trials x "
                        + a.steps() + " steps vs " + b.trials() + " x " + b.steps()
                        + "; compare states of the same probe trials");
            }
            Windows.check("similarity.window", fromStep, toStep, a.steps());
        }
    }

    /**
     * @param settings   the settings
     * @param cka        linear CKA, 0 to 1 (1: the same up to rotation and scale)
     * @param procrustes the Procrustes shape distance, 0 to sqrt(2)
     * @param angle      the Procrustes angle in radians, 0 to pi/2
     * @param summary    one line: the three numbers
     */
    public record Result(Settings settings, double cka, double procrustes, double angle, String summary) {
    }

    /** All steps of the states. */
    public static Settings defaultsFor(HiddenStates a) {
        return new Settings(0, a.steps());
    }

    public static Result run(HiddenStates a, HiddenStates b, Settings s) {
        s.validate(a, b);
        SharedStates shared = new SharedStates(List.of(window(a, s), window(b, s)));
        double[] cross = shared.newCross(0, 1);
        shared.cross(0, 1, cross);
        double cka = shared.linearCka(0, 1, cross);
        double similarity = shared.procrustesSimilarity(0, 1, cross);
        double distance = Double.isNaN(similarity) ? Double.NaN : SharedStates.procrustesDistance(similarity);
        double angle = Math.acos(Math.min(1, similarity));
        String summary = String.format(Locale.ROOT, "linear CKA %.4f; Procrustes distance %.4f (angle %.4f rad), "
                + "steps %d:%d", cka, distance, angle, s.fromStep(), s.toStep());
        return new Result(s, cka, distance, angle, summary);
    }

    /** The states of the window's steps (the states themselves when the window is all of them). */
    private static HiddenStates window(HiddenStates h, Settings s) {
        if (s.fromStep() == 0 && s.toStep() == h.steps()) {
            return h;
        }
        int span = s.toStep() - s.fromStep();
        int p = h.units();
        float[] x = new float[h.trials() * span * p];
        for (int t = 0; t < h.trials(); t++) {
            System.arraycopy(h.states(), h.index(t, s.fromStep(), 0), x, t * span * p, span * p);
        }
        return HiddenStates.external(h.trials(), span, p, x, h.conditions());
    }
}
