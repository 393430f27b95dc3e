package org.attractorlab.core.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.DegeneracyStudy;

/**
 * The trained networks of a sweep, for the studies that compare many networks: every done run in the sweep's run
 * order, named by its point and carrying the point's axes; the runs that are not done are left out and listed, and
 * so, when a loss bound is given, are the done runs that did not fit their task (validation loss not below the
 * bound, or none recorded): the degeneracy of solutions is a question about networks that solve the task, and an
 * unfitted network's outputs and states differ from the others' by construction.
 */
public final class SweepNetworks {
    private SweepNetworks() {
    }

    /**
     * A run left out.
     *
     * @param name    the point's name
     * @param state   its state (failed, pending, unfinished; done for a run that did not fit)
     * @param message the failure's message, or why a done run is left out, or empty
     */
    public record LeftOut(String name, SweepDirectory.RunState state, String message) {
        /** "0003-... (failed: diverged at step 12)", "0004-... (not fitted: validation loss 0.83, not below 0.1)". */
        public String describe() {
            String what = state == SweepDirectory.RunState.DONE ? "not fitted" : state.key();
            return name + " (" + what + (message.isEmpty() ? "" : ": " + message) + ")";
        }

        /** Whether the run is done but did not fit its task. */
        public boolean unfitted() {
            return state == SweepDirectory.RunState.DONE;
        }
    }

    /**
     * @param members the done runs (that fitted, with a loss bound), in the sweep's order
     * @param leftOut the others, in the sweep's order
     */
    public record Selection(List<DegeneracyStudy.Member> members, List<LeftOut> leftOut) {
        /** The runs left out because they are not done. */
        public long notDone() {
            return leftOut.stream().filter(l -> !l.unfitted()).count();
        }

        /** The done runs left out because they did not fit. */
        public long unfitted() {
            return leftOut.stream().filter(LeftOut::unfitted).count();
        }

        /** "left out 2 runs that are not done and 3 that did not fit", or empty when none is left out. */
        public String leftOutSummary() {
            long nd = notDone();
            long uf = unfitted();
            List<String> parts = new ArrayList<>();
            if (nd > 0) {
                parts.add(nd + " run" + (nd == 1 ? " that is" : "s that are") + " not done");
            }
            if (uf > 0) {
                parts.add(uf + (nd > 0 ? "" : " run" + (uf == 1 ? "" : "s")) + " that did not fit");
            }
            return parts.isEmpty() ? "" : "left out " + String.join(" and ", parts);
        }
    }

    /**
     * Opens every done run's final model.
     *
     * @throws SweepException if a done run's directory cannot be read (naming it)
     */
    public static Selection open(SweepDirectory sweep) {
        return open(sweep, null);
    }

    /**
     * Opens the final model of every done run whose validation loss (its record's summary) is below
     * {@code maxValidationLoss}; with null, of every done run.
     *
     * @param maxValidationLoss positive and finite, or null for no bound
     * @throws SweepException if the bound is not a positive number (naming the option {@code degeneracy.max_val_loss}),
     *                        or a done run's directory cannot be read (naming it)
     */
    public static Selection open(SweepDirectory sweep, Double maxValidationLoss) {
        checkBound(maxValidationLoss);
        List<DegeneracyStudy.Member> members = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            SweepDirectory.RunState state = sweep.state(p, r);
            if (state != SweepDirectory.RunState.DONE) {
                left.add(new LeftOut(p.name(), state, r == null ? "" : r.message()));
                continue;
            }
            if (maxValidationLoss != null) {
                Double loss = r.summary().get(VALIDATION_LOSS);
                if (!fitted(r, maxValidationLoss)) {
                    left.add(new LeftOut(p.name(), state, loss == null ? "no validation loss recorded"
                            : String.format(java.util.Locale.ROOT, "validation loss %.3g, not below %s", loss,
                            bound(maxValidationLoss))));
                    continue;
                }
            }
            try {
                members.add(new DegeneracyStudy.Member(p.name(), TrainedRun.open(sweep.runDir(p), null), p.axes()));
            } catch (IOException | RuntimeException e) {
                throw new SweepException("cannot open the done run " + sweep.runDir(p) + ": "
                        + (e instanceof IOException io ? SweepDirectory.describe(io) : e.getMessage()), e);
            }
        }
        return new Selection(List.copyOf(members), List.copyOf(left));
    }

    /** The summary column a run's fit is judged by. */
    public static final String VALIDATION_LOSS = "validation_loss";

    /** Whether a run's recorded validation loss is below {@code maxValidationLoss} (false when none is recorded). */
    public static boolean fitted(RunRecord r, double maxValidationLoss) {
        Double loss = r.summary().get(VALIDATION_LOSS);
        return loss != null && loss < maxValidationLoss;
    }

    /** The bound as an option value: Double.toString without a trailing ".0" ("0.1", "1.0E-5", "2"). */
    public static String bound(double maxValidationLoss) {
        return Double.toString(maxValidationLoss).replaceAll("\\.0$", "");
    }

    /** @throws SweepException unless the bound is null or a positive finite number */
    public static void checkBound(Double maxValidationLoss) {
        if (maxValidationLoss != null && !(maxValidationLoss > 0 && Double.isFinite(maxValidationLoss))) {
            throw new SweepException("degeneracy.max_val_loss = " + maxValidationLoss + " is not allowed: use a positive "
                    + "validation loss, e.g. 0.1 (runs at or above it are left out as not fitted)");
        }
    }
}
