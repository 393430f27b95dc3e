package org.attractorlab.app.panes.decoding;

import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.figure.Figures;
import org.attractorlab.figure.NBackCharts;

/**
 * The decoding pane: cross-temporal decoding of a target and the out-of-distribution test; in its N-back tab, the
 * cross-task, relevance, orthogonalisation and Procrustes analyses of Lei, Ito &amp; Bashivan.
 */
public final class DecodingPane {
    private DecodingPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<DecodingViewModel> create(PaneContext c) {
        DecodingViewModel vm = new DecodingViewModel(c.analysis().frameProperty(), c.selection(), c.drain(),
                c.workers());
        DecodingView view = new DecodingView(vm, c.dark());
        NBackViewModel nback = new NBackViewModel(c.analysis().frameProperty(), c.drain(), c.workers());
        // the N-back tab's view is built when the tab is first shown: until then the window neither styles nor lays
        // out its four charts and their controls (a fifth of the nodes of the first window's panes)
        LazyNBack lazy = new LazyNBack(nback, view.addTab("N-back", null), c.dark());
        // the N-back analyses are computed only while their tab is shown
        javafx.beans.value.ChangeListener<Number> shown = (o, a, i) -> {
            boolean on = i.intValue() == 1;
            if (on) {
                lazy.show();
            }
            nback.activeProperty().set(on);
        };
        view.tabs().getSelectionModel().selectedIndexProperty().addListener(shown);
        return Pane.of("decoding", view, vm, () -> {
                    view.tabs().getSelectionModel().selectedIndexProperty().removeListener(shown);
                    lazy.dispose();
                    view.dispose();
                }, () -> {
                    nback.dispose();
                    vm.dispose();
                })
                .figure((format, scale) -> view.selectedTab() == 1 ? nBackFigure(nback, lazy.view) : crossTime(vm))
                .settings(r -> r.text("decoding", "target", vm.targetProperty())
                        .choice("decoding", "decoder", vm.decoderProperty(),
                                org.attractorlab.core.study.DecodingStudy.Decoder.class)
                        .integer("decoding", "stride", vm.strideProperty())
                        .integer("decoding", "folds", vm.foldsProperty())
                        .text("decoding", "nback_matrix", nback.matrixFeatureProperty())
                        .text("decoding", "nback_procrustes_feature", nback.procrustesFeatureProperty()))
                .onTheme(on -> lazy.dark = on); // a view built later takes the theme of its day
    }

    /** The N-back tab's view, built the first time the tab is shown, in the theme of that moment. FX thread. */
    private static final class LazyNBack {
        private final NBackViewModel viewModel;
        private final javafx.scene.control.Tab tab;
        private boolean dark;
        private NBackView view;

        LazyNBack(NBackViewModel viewModel, javafx.scene.control.Tab tab, boolean dark) {
            this.viewModel = viewModel;
            this.tab = tab;
            this.dark = dark;
            tab.setUserData(viewModel); // the tab's view model, there before its view
        }

        void show() {
            if (view == null) {
                view = new NBackView(viewModel, dark);
                tab.setContent(view);
            }
        }

        void dispose() {
            if (view != null) {
                view.dispose();
            }
        }
    }

    private static org.attractorlab.figure.Figure crossTime(DecodingViewModel vm) {
        DecodingViewModel.Shown s = vm.shownProperty().get();
        if (s == null) {
            return null;
        }
        DecodingViewModel.OodShown ood = vm.oodShownProperty().get();
        return Figures.decoding(s.heatmap(), s.title(), s.frame().step(),
                ood == null ? null : PaneFigures.copy(vm.oodDataset()), ood == null ? 0 : ood.axisLowerBound());
    }

    /** The figure of the N-back sub-tab shown, as export draws it. */
    private static org.attractorlab.figure.Figure nBackFigure(NBackViewModel vm, NBackView view) {
        NBackViewModel.Shown s = vm.shownProperty().get();
        if (s == null) {
            return null;
        }
        return switch (view.selectedIndex()) {
            case 1 -> Figures.bars(NBackCharts.relevance(PaneFigures.copy(vm.relevanceDataset()), false));
            case 2 -> Figures.bars(NBackCharts.orthogonalisation(PaneFigures.copy(vm.orthogonalisationDataset()),
                    false));
            case 3 -> Figures.bars(NBackCharts.procrustes(PaneFigures.copy(vm.procrustesDataset()), false));
            default -> Figures.crossTask(s.crossTask(), s.frame().step());
        };
    }
}
