package org.attractorlab.core.study;

import java.util.List;
import java.util.Locale;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.task.Task;

/**
 * Fixed points (and slow points) of a network under a constant input, searched from initial states sampled from
 * its probe states, with the linearisation (eigenvalues, time constants) at each, and the {@link AttractorSummary}
 * of the points (unit eigenvalues, manifold dimension). The settings are the finder's own {@link FixedPointOptions};
 * this class chooses their defaults for an experiment (the input u* is the task's {@link Task#restingInput()}) and
 * runs the search.
 */
public final class FixedPointStudy {
    private FixedPointStudy() {
    }

    /**
     * @param options   the options searched with
     * @param points    the points, their stability and linearisation
     * @param attractor unit eigenvalues and manifold dimension of the points, with the default tolerances
     * @param summary   one line, e.g. "27 fixed points: 8 stable, 19 unstable; 640 ms"
     */
    public record Result(FixedPointOptions options, FixedPointResult points, AttractorSummary attractor,
                         String summary) {
    }

    /** The {@code --fp-input} / settings word for the task's resting input. */
    public static final String REST = "rest";
    /** The word for zero input. */
    public static final String ZERO = "zero";

    /**
     * Levenberg-Marquardt from 1024 initial states with noise 0.5, at the task's resting input ({@link
     * Task#restingInput()}: zero input for most tasks, fixation on and no evidence for the evidence multitask), the
     * task's time step, seeded by the config's seed (so a run gives the same points in the app and on the command
     * line). An all-zero resting input is left as null, the options' zero input.
     */
    public static FixedPointOptions defaultsFor(Experiment e) {
        return FixedPointOptions.DEFAULTS.withDtMillis(e.task().dtMillis()).withSeed(e.config().seed())
                .withInput(restingInput(e.task()));
    }

    /** The task's resting input, or null when it is all zeros. */
    public static float[] restingInput(Task task) {
        float[] u = task.restingInput();
        for (float v : u) {
            if (v != 0) {
                return u;
            }
        }
        return null;
    }

    /**
     * The input u* a user names: {@value #REST} (the task's resting input, null when zero), {@value #ZERO} (null),
     * or one number per input channel, comma-separated. Refuses anything else naming the channels.
     */
    public static float[] parseInput(Task task, String text) {
        String t = text == null ? "" : text.trim();
        if (t.equalsIgnoreCase(REST)) {
            return restingInput(task);
        }
        if (t.equalsIgnoreCase(ZERO)) {
            return null;
        }
        List<String> names = task.inputNames();
        String[] parts = t.isEmpty() ? new String[0] : t.split("\\s*,\\s*", -1);
        String allowed = "use " + REST + ", " + ZERO + ", or " + names.size() + " comma-separated numbers ("
                + String.join(", ", names.size() > 8 ? names.subList(0, 8) : names) + (names.size() > 8 ? ", ..." : "")
                + ")";
        if (parts.length != names.size()) {
            throw StudyException.notAllowed("fixed_points.input", t, allowed);
        }
        float[] u = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                u[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException ex) {
                throw StudyException.notAllowed("fixed_points.input", t, allowed);
            }
            if (!Float.isFinite(u[i])) {
                throw StudyException.notAllowed("fixed_points.input", t, "use finite values (" + names.get(i)
                        + " is " + parts[i] + ")");
            }
        }
        return u;
    }

    /**
     * u* in words: "the resting input (fixation = 1)" when it is the task's non-zero resting input, "zero input",
     * else its non-zero channels, e.g. "u* = (fixation = 1, enc3 = 0.5)".
     */
    public static String describeInput(Task task, float[] u) {
        if (u == null) {
            return "zero input";
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < u.length; i++) {
            if (u[i] != 0) {
                if (shown == 4) {
                    sb.append(", ...");
                    break;
                }
                sb.append(shown++ == 0 ? "" : ", ").append(i < task.inputNames().size() ? task.inputNames().get(i)
                        : "u" + i).append(" = ").append(trim(u[i]));
            }
        }
        if (shown == 0) {
            return "zero input";
        }
        return (java.util.Arrays.equals(u, task.restingInput()) ? "the resting input (" : "u* = (") + sb + ")";
    }

    private static String trim(float v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
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
        return new Result(o, r, AttractorSummary.of(r), summary(r));
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
