package org.attractorlab.core.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.study.DegeneracyStudy;

/**
 * The trained networks of a sweep, for the studies that compare many networks: every done run in the sweep's run
 * order, named by its point and carrying the point's axes; the runs that are not done are left out and listed.
 */
public final class SweepNetworks {
    private SweepNetworks() {
    }

    /**
     * A run left out.
     *
     * @param name    the point's name
     * @param state   its state (failed, pending, unfinished)
     * @param message the failure's message, or empty
     */
    public record LeftOut(String name, SweepDirectory.RunState state, String message) {
        /** "0003-... (failed: diverged at step 12)". */
        public String describe() {
            return name + " (" + state.key() + (message.isEmpty() ? "" : ": " + message) + ")";
        }
    }

    /**
     * @param members the done runs, in the sweep's order
     * @param leftOut the others, in the sweep's order
     */
    public record Selection(List<DegeneracyStudy.Member> members, List<LeftOut> leftOut) {
    }

    /**
     * Opens every done run's final model.
     *
     * @throws SweepException if a done run's directory cannot be read (naming it)
     */
    public static Selection open(SweepDirectory sweep) {
        List<DegeneracyStudy.Member> members = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        for (SweepPoint p : sweep.plan().points()) {
            RunRecord r = sweep.record(p);
            SweepDirectory.RunState state = sweep.state(p, r);
            if (state != SweepDirectory.RunState.DONE) {
                left.add(new LeftOut(p.name(), state, r == null ? "" : r.message()));
                continue;
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
}
