package org.attractorlab.core.study;

import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;

/**
 * Fixed points (and slow points) of a network under a constant input, searched from initial states sampled from
 * its probe states, with the linearisation (eigenvalues, time constants) at each. The settings are the finder's
 * own {@link FixedPointOptions}; this class chooses their defaults for an experiment and runs the search.
 */
public final class FixedPointStudy {
    private FixedPointStudy() {
    }

    /**
     * @param options the options searched with
     * @param points  the points, their stability and linearisation
     * @param summary one line, e.g. "27 fixed points: 8 stable, 19 unstable; 640 ms"
     */
    public record Result(FixedPointOptions options, FixedPointResult points, String summary) {
    }

    /**
     * Levenberg-Marquardt from 1024 initial states with noise 0.5, zero input, the task's time step, seeded by the
     * config's seed (so a run gives the same points in the app and on the command line).
     */
    public static FixedPointOptions defaultsFor(Experiment e) {
        return FixedPointOptions.DEFAULTS.withDtMillis(e.task().dtMillis()).withSeed(e.config().seed());
    }

    /** lm (or levenberg-marquardt) and adam; anything else is refused naming the choices. */
    public static FixedPointOptions.Method parseMethod(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "lm", "levenberg-marquardt", "levenberg_marquardt" -> FixedPointOptions.Method.LEVENBERG_MARQUARDT;
            case "adam" -> FixedPointOptions.Method.ADAM;
            default -> throw StudyException.notAllowed("fixed_points.method", s, "use lm or adam");
        };
    }

    /** Refuses options that do not fit the network (an input of the wrong size). */
    public static void validate(Network network, FixedPointOptions o) {
        if (o.input() != null && o.input().length != network.inputSize()) {
            throw new StudyException("fixed_points.input has " + o.input().length + " values, but the network has "
                    + network.inputSize() + " inputs");
        }
    }

    /** Searches the fixed points of {@code network}, starting from states of {@code h}. */
    public static Result run(Network network, HiddenStates h, FixedPointOptions o) {
        validate(network, o);
        if (h.units() != network.hiddenSize()) {
            throw new StudyException("the states have " + h.units() + " units but the network has "
                    + network.hiddenSize());
        }
        FixedPointResult r = FixedPointFinder.find(network, o, h);
        return new Result(o, r, summary(r));
    }

    /** "27 fixed points: 8 stable, 19 unstable; 640 ms" (slow points counted apart). */
    public static String summary(FixedPointResult r) {
        int fixed = r.fixedPointCount();
        int stable = r.stableFixedPointCount();
        int slow = r.count() - fixed;
        String time = r.wallSeconds() >= 1 ? String.format(Locale.ROOT, "%.1f s", r.wallSeconds())
                : String.format(Locale.ROOT, "%.0f ms", r.wallSeconds() * 1000);
        return String.format(Locale.ROOT, "%d fixed point%s: %d stable, %d unstable%s; %s", fixed,
                fixed == 1 ? "" : "s", stable, fixed - stable,
                slow == 0 ? "" : String.format(Locale.ROOT, ", and %d slow point%s", slow, slow == 1 ? "" : "s"),
                time);
    }

    /**
     * The point of {@code r} nearest to {@code previous} (a point of an earlier search), if within 10% of its norm
     * (at least 0.1), else -1: how a selection follows a point from one search to the next.
     */
    public static int nearest(float[] previous, FixedPointResult r) {
        if (previous == null) {
            return -1;
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double norm = 0;
        for (float v : previous) {
            norm += (double) v * v;
        }
        for (int i = 0; i < r.count(); i++) {
            float[] p = r.points()[i];
            if (p.length != previous.length) {
                return -1;
            }
            double d = 0;
            for (int j = 0; j < p.length; j++) {
                double e = (double) p[j] - previous[j];
                d += e * e;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        double limit = 0.1 * Math.max(1, Math.sqrt(norm));
        return Math.sqrt(bestDistance) <= limit ? best : -1;
    }
}
