package org.attractorlab.app.panes.fixedpoints;

import java.util.List;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.FixedPointStudy;

/**
 * The result of one search of the pane, computed off the FX thread with everything the pane shows of it; when the
 * search failed, {@code error} is set and the rest is null.
 *
 * @param id      the request's number: only the newest request's outcome ends the busy state
 * @param service the training service searched on (a reset since makes the outcome stale)
 * @param frame   the analysis frame searched on
 * @param result  the points, or null
 * @param rows    the table rows of the points, or null
 * @param points    the spectrum's scatter data, or null
 * @param attractor the points' unit eigenvalues and manifold dimension, or null
 * @param error     why the search failed, or null
 */
record SearchOutcome(long id, TrainingService service, AnalysisFrame frame, FixedPointResult result,
                     List<PointRow> rows, SpectrumModel.Points points, AttractorSummary attractor, String error) {

    /**
     * Searches with {@code o} through {@link FixedPointStudy#run}: on a copy of the service's network with the
     * parameters of the frame's step, from the frame's hidden states. Any thread; failures become an outcome.
     */
    static SearchOutcome search(long id, TrainingService service, AnalysisFrame frame, FixedPointOptions o) {
        try {
            TrainingService.Snapshot snapshot = null;
            for (TrainingService.Snapshot s : service.history()) {
                if (s.step() == frame.step()) {
                    snapshot = s;
                }
            }
            if (snapshot == null) {
                throw new IllegalStateException("no parameter snapshot for step " + frame.step());
            }
            Network net = service.experiment().network().copy();
            net.setParameters(snapshot.parameters());
            FixedPointStudy.Result study = FixedPointStudy.run(net, frame.states(), o);
            FixedPointResult r = study.points();
            return new SearchOutcome(id, service, frame, r, PointRow.of(r), SpectrumModel.of(r), study.attractor(),
                    null);
        } catch (RuntimeException e) {
            return new SearchOutcome(id, service, frame, null, null, null, null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
