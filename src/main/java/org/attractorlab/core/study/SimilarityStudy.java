package org.attractorlab.core.study;

import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.similarity.LinearCka;
import org.attractorlab.core.analysis.similarity.ProcrustesDistance;

/**
 * The similarity of two networks' hidden states on the same trials: linear CKA and the Procrustes shape distance
 * (with its angle), over a window of steps.
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
        double cka = LinearCka.compute(a, b, s.fromStep(), s.toStep());
        ProcrustesDistance pd = ProcrustesDistance.compute(a, b, s.fromStep(), s.toStep());
        String summary = String.format(Locale.ROOT, "linear CKA %.4f; Procrustes distance %.4f (angle %.4f rad), "
                + "steps %d:%d", cka, pd.distance(), pd.angle(), s.fromStep(), s.toStep());
        return new Result(s, cka, pd.distance(), pd.angle(), summary);
    }
}
