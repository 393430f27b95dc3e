package org.attractorlab.app.panes.decoding;

import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.figure.Figures;

/** The decoding pane: cross-temporal decoding of a target, and the out-of-distribution test. */
public final class DecodingPane {
    private DecodingPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<DecodingViewModel> create(PaneContext c) {
        DecodingViewModel vm = new DecodingViewModel(c.analysis().frameProperty(), c.selection(), c.drain(),
                c.workers());
        DecodingView view = new DecodingView(vm, c.dark());
        return Pane.of("decoding", view, vm, view::dispose, vm::dispose)
                .figure((format, scale) -> {
                    DecodingViewModel.Shown s = vm.shownProperty().get();
                    if (s == null) {
                        return null;
                    }
                    DecodingViewModel.OodShown ood = vm.oodShownProperty().get();
                    return Figures.decoding(s.heatmap(), s.title(), s.frame().step(),
                            ood == null ? null : PaneFigures.copy(vm.oodDataset()),
                            ood == null ? 0 : ood.axisLowerBound());
                })
                .settings(r -> r.text("decoding", "target", vm.targetProperty())
                        .choice("decoding", "decoder", vm.decoderProperty(),
                                org.attractorlab.core.study.DecodingStudy.Decoder.class)
                        .integer("decoding", "stride", vm.strideProperty())
                        .integer("decoding", "folds", vm.foldsProperty()));
    }
}
