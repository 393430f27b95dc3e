package org.attractorlab.app.panes.loss;

import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.figure.Figures;

/** The loss pane: the training and validation loss, on a log scale or not. */
public final class LossPane {
    private LossPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<LossViewModel> create(PaneContext c) {
        LossViewModel vm = new LossViewModel(c.session());
        LossView view = new LossView(vm, c.dark());
        return Pane.of("loss", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> Figures.loss(vm.series().copy(), vm.logScaleProperty().get()))
                .settings(r -> r.bool("loss", "log_scale", vm.logScaleProperty()));
    }
}
