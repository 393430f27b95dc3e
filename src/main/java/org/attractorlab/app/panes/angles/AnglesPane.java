package org.attractorlab.app.panes.angles;

import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.figure.Figures;
import org.jfree.data.xy.XYSeriesCollection;

/** The angles pane: the principal angles between the subspaces of two groups of trials, over time. */
public final class AnglesPane {
    private AnglesPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<AnglesViewModel> create(PaneContext c) {
        AnglesViewModel vm = new AnglesViewModel(c.analysis().frameProperty(), c.selection(), c.drain(), c.workers());
        AnglesView view = new AnglesView(vm, c.dark());
        return Pane.of("angles", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> {
                    AnglesViewModel.Shown s = vm.shownProperty().get();
                    if (s == null) {
                        return null;
                    }
                    XYSeriesCollection pair = PaneFigures.copy(vm.spectrum());
                    return Figures.angles(s.heatmap(), s.frame().step(), pair.getSeriesCount() > 0
                            && pair.getItemCount(0) > 0 ? pair : null, vm.spectrumTitleProperty().get());
                })
                .settings(r -> r.text("angles", "group_column", vm.groupColumnProperty())
                        .integer("angles", "k", vm.kProperty())
                        .integer("angles", "from_step", vm.fromStepProperty())
                        .integer("angles", "to_step", vm.toStepProperty()));
    }
}
