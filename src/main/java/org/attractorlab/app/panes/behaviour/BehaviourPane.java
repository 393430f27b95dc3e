package org.attractorlab.app.panes.behaviour;

import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;

/** The behaviour pane: a trial's inputs, target and output over time. */
public final class BehaviourPane {
    private BehaviourPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<BehaviourViewModel> create(PaneContext c) {
        BehaviourViewModel vm = new BehaviourViewModel(c.session(), c.analysis(), c.selection(), c.drain());
        BehaviourView view = new BehaviourView(vm, c.dark());
        return Pane.of("behaviour", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> PaneFigures.lightCopy(view.chart(), vm.headerProperty().get()))
                .settings(r -> r.bool("behaviour", "millis", vm.millisProperty()));
    }
}
