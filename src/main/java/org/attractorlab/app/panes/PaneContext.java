package org.attractorlab.app.panes;

import java.util.concurrent.Executor;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.SessionViewModel;

/**
 * What every pane factory builds its view model and view from: the window's shared session, analysis hub,
 * selection, frame drain and analysis executor, and the theme the window opens in.
 *
 * @param workers where the panes' analyses run (the window's one low-priority thread)
 * @param dark    true for the dark theme
 */
public record PaneContext(SessionViewModel session, AnalysisHub analysis, SelectionModel selection, FrameDrain drain,
                          Executor workers, boolean dark) {
    public PaneContext {
        java.util.Objects.requireNonNull(session);
        java.util.Objects.requireNonNull(analysis);
        java.util.Objects.requireNonNull(selection);
        java.util.Objects.requireNonNull(drain);
        java.util.Objects.requireNonNull(workers);
    }
}
