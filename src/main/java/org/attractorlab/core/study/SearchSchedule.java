package org.attractorlab.core.study;

/**
 * When a fixed-point search runs by itself while a network trains: on the first step it is asked about, then at the
 * first step of every new multiple of "every" steps, and (with "at end") once on the last step of a finished run.
 * Pure logic on step numbers and a finished flag; the face says which steps it sees and runs the searches.
 * Not thread-safe: one face asks from one thread.
 */
public final class SearchSchedule {
    private static final int NONE = Integer.MIN_VALUE;
    private int last = NONE;

    /**
     * Whether a search is due at {@code step}, without remembering it (see {@link #searched}).
     *
     * @param step      the training step of the states at hand
     * @param every     search every this many steps, 0 = never periodically
     * @param atEnd     search once on the last step of a finished run
     * @param finished  whether the run has finished
     * @param finalStep the run's last step (meaningful when finished)
     */
    public boolean due(int step, int every, boolean atEnd, boolean finished, int finalStep) {
        if (every < 0) {
            throw StudyException.notAllowed("fixed_points.refresh_every", every, "use 0 (never) or a step count");
        }
        boolean periodic = every > 0 && (last == NONE
                || step > last && (step / every != last / every || finished));
        boolean end = atEnd && finished && step == finalStep && step != last;
        return periodic || end;
    }

    /** {@link #due} and, when due, {@link #searched}{@code (step)}: whether to search now. */
    public boolean take(int step, int every, boolean atEnd, boolean finished, int finalStep) {
        boolean due = due(step, every, atEnd, finished, finalStep);
        if (due) {
            searched(step);
        }
        return due;
    }

    /** Remembers that a scheduled search ran at {@code step}. */
    public void searched(int step) {
        last = step;
    }

    /** Whether a scheduled search has run since the start or the last {@link #reset}. */
    public boolean started() {
        return last != NONE;
    }

    /** Forgets the searches so far (a new run). */
    public void reset() {
        last = NONE;
    }
}
