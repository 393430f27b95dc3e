package org.attractorlab.app.panes.fixedpoints;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;

/**
 * The pane's searches: each runs on the injected executor (the newest request wins, see {@link LatestJob}), its
 * progress and summary go to the status line, its failure to the error, its result to the {@link PointsModel}.
 * FX thread only, except the search.
 */
final class SearchJob {
    static final String IDLE = "Press Find to search for fixed points";

    private final SessionViewModel session;
    private final PointsModel points;
    private final Supplier<AnalysisFrame> newest;
    private final LatestJob<SearchOutcome> job;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(IDLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper attractor = new ReadOnlyStringWrapper("");
    private long submitted;
    private String input = "";

    /** @param newest the newest analysis frame, which a result is projected on */
    SearchJob(SessionViewModel session, PointsModel points, Supplier<AnalysisFrame> newest, FrameDrain drain,
              Executor executor) {
        this.session = session;
        this.points = points;
        this.newest = newest;
        job = new LatestJob<>("fixed points", executor, drain, this::accept, message -> {
            busy.set(false);
            error.set("Search failed: " + message);
        });
    }

    ReadOnlyBooleanWrapper busy() {
        return busy;
    }

    ReadOnlyStringWrapper status() {
        return status;
    }

    /** The attractor summary of the shown result, short ("Attractor: 2 unit eigenvalues, 2-D manifold (37 points)"), or "". */
    ReadOnlyStringWrapper attractor() {
        return attractor;
    }

    /** Why the last search failed or was refused, or "". */
    ReadOnlyStringWrapper error() {
        return error;
    }

    /** Starts a search on {@code frame}; refused (false, with the reason in {@link #error()}) without its input. */
    boolean submit(AnalysisFrame frame, SearchSettings.Parsed p, String input) {
        FixedPointOptions o;
        try {
            o = p.optionsFor(frame.states().batch());
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return false;
        }
        TrainingService service = session.serviceProperty().get();
        long id = ++submitted;
        busy.set(true);
        error.set("");
        status.set(String.format(Locale.ROOT, "Searching %d initial states at step %d (%s)...", o.initialStates(),
                frame.step(), input));
        this.input = input;
        job.submit(() -> SearchOutcome.search(id, service, frame, o));
        return true;
    }

    private void accept(SearchOutcome o) {
        if (o.id() == submitted) {
            busy.set(false);
        }
        if (o.service() != session.serviceProperty().get()) {
            return; // searched on a network that has since been reset
        }
        if (o.error() != null) {
            error.set("Search failed: " + o.error());
            status.set("Search failed at step " + o.frame().step());
            return;
        }
        points.show(o, newest.get());
        status.set(FixedPointsViewModel.summary(o.result(), o.frame().step()) + (o.id() == submitted
                ? ", at " + input : ""));
        attractor.set("Attractor: " + o.attractor().compact());
    }

    /** Back to idle: no error, the idle status line (a search still running is dropped as stale when it ends). */
    void reset() {
        error.set("");
        status.set(IDLE);
        attractor.set("");
    }

    void dispose() {
        job.dispose();
    }
}
