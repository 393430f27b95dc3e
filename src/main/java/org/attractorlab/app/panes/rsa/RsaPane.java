package org.attractorlab.app.panes.rsa;

import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.core.analysis.rsa.Comparison;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.figure.Figures;

/** The RSA pane: the representational dissimilarity matrix of the conditions, and its fit to a model RDM. */
public final class RsaPane {
    private RsaPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<RsaViewModel> create(PaneContext c) {
        RsaViewModel vm = new RsaViewModel(c.analysis().frameProperty(), c.selection(), c.drain(), c.workers());
        RsaView view = new RsaView(vm, c.dark());
        return Pane.of("rsa", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> {
                    RsaViewModel.Shown s = vm.shownProperty().get();
                    return s == null ? null : Figures.rdm(s.heatmap(), s.frame().step(),
                            s.options().modelColumn() == null ? "" : s.score());
                })
                .settings(r -> r.names("rsa", "condition_columns", vm.conditionColumnsProperty())
                        .choice("rsa", "distance", vm.distanceProperty(), Distance.class)
                        .integer("rsa", "from_step", vm.fromStepProperty())
                        .integer("rsa", "to_step", vm.toStepProperty())
                        .text("rsa", "model", vm.modelProperty())
                        .choice("rsa", "comparison", vm.comparisonProperty(), Comparison.class));
    }
}
